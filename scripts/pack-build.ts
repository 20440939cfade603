/**
 * `npm run pack:build`: builds every pack folder under assets/packs/ into
 * utils/pack/generated/<id>.json, and the built-in pack into utils/pack/generated/builtin-pack.json,
 * which the extension bundles. Output is canonical, so two runs write identical bytes. On any
 * problem nothing is written and the command exits 1, so a build never ships a stale or broken pack.
 *
 * Options (for tests and other pack folders):
 *   --packs DIR    folder of pack folders (default: assets/packs)
 *   --out DIR      output folder (default: utils/pack/generated)
 *   --builtin ID   the pack copied to builtin-pack.json (default: berlin-talks-2025)
 */
import { commandArgs, usageError } from './args';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ANNOTATIONS_FILE,
  SOURCE_FILE_NAME,
  parseAnnotationsYaml,
} from '../utils/pack/annotations';
import { buildPack } from '../utils/pack/build';
import { pendingEntries, pendingMessage } from '../utils/draft/pending';
import { serializePack } from '../utils/pack/canonical';
import type { Pack } from '../utils/pack/schema';
import { errorMessage } from '../utils/format';

/** The pack the extension ships with. */
const BUILTIN_PACK_ID = 'berlin-talks-2025';
/** The file name the extension imports the built-in pack from. */
const BUILTIN_PACK_FILE = 'builtin-pack.json';
/** An annotations file larger than this is refused unread. */
const MAX_ANNOTATIONS_BYTES = 4 * 1024 * 1024;

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const USAGE = 'usage: npm run pack:build [-- --packs DIR] [--out DIR] [--builtin ID]';

/** Writes only when the bytes differ, through a temporary file, so readers never see half a file. */
function writeIfChanged(path: string, content: string): boolean {
  if (existsSync(path) && readFileSync(path, 'utf8') === content) return false;
  const tmp = `${path}.tmp-${process.pid}`;
  writeFileSync(tmp, content);
  renameSync(tmp, path);
  return true;
}

function main(): number {
  const { values, positionals } = commandArgs('pack:build', USAGE, {
    packs: { type: 'string', default: join(root, 'assets', 'packs') },
    out: { type: 'string', default: join(root, 'utils', 'pack', 'generated') },
    builtin: { type: 'string', default: BUILTIN_PACK_ID },
  });
  if (positionals.length > 0)
    usageError('pack:build', `unexpected argument ${positionals[0]}`, USAGE);
  const packsDir = resolve(values.packs);
  const outDir = resolve(values.out);
  const show = (p: string) => relative(process.cwd(), p) || '.';

  if (!existsSync(packsDir)) {
    console.error(`pack:build: no pack folder at ${show(packsDir)}`);
    return 1;
  }
  const folders: string[] = [];
  for (const entry of readdirSync(packsDir, { withFileTypes: true })) {
    if (!entry.isDirectory()) continue;
    if (existsSync(join(packsDir, entry.name, ANNOTATIONS_FILE))) folders.push(entry.name);
    else
      console.warn(`${show(join(packsDir, entry.name))}: warning: no ${ANNOTATIONS_FILE}; skipped`);
  }
  folders.sort();

  const built: Pack[] = [];
  let failed = false;
  for (const folder of folders) {
    const dir = join(packsDir, folder);
    const yamlPath = join(dir, ANNOTATIONS_FILE);
    const label = show(yamlPath);
    const bytes = readFileSync(yamlPath);
    if (bytes.length > MAX_ANNOTATIONS_BYTES) {
      console.error(`${label}: (file): is larger than 4 MiB; it was not read`);
      failed = true;
      continue;
    }
    const yaml = parseAnnotationsYaml(bytes.toString('utf8'));
    if (!yaml.ok) {
      for (const p of yaml.problems) console.error(`${label}: ${p.path}: ${p.message}`);
      failed = true;
      continue;
    }
    // A draft is finished only when a person has reviewed every suggestion (scripts/pack-draft.ts).
    const pending = pendingEntries(yaml.data);
    if (pending.length > 0) {
      for (const line of pendingMessage(label, pending)) console.error(line);
      failed = true;
      continue;
    }
    const readSource = (name: string) => {
      const path = join(dir, name);
      return SOURCE_FILE_NAME.test(name) && existsSync(path)
        ? new Uint8Array(readFileSync(path))
        : undefined;
    };
    const result = buildPack(yaml.data, readSource, folder);
    for (const w of result.warnings) console.warn(`${label}: warning: ${w.path}: ${w.message}`);
    if (!result.ok) {
      for (const p of result.problems) console.error(`${label}: ${p.path}: ${p.message}`);
      failed = true;
      continue;
    }
    built.push(result.pack);
  }
  if (failed) {
    console.error('pack:build: refused; nothing was written');
    return 1;
  }
  const builtin = built.find((p) => p.id === values.builtin);
  if (!builtin) {
    console.error(`pack:build: the built-in pack "${values.builtin}" is not in ${show(packsDir)}`);
    return 1;
  }

  mkdirSync(outDir, { recursive: true });
  for (const pack of built) {
    const path = join(outDir, `${pack.id}.json`);
    const changed = writeIfChanged(path, serializePack(pack));
    console.log(
      `built ${pack.id} v${pack.version}: ${pack.actors.length} actors, ${pack.topics.length} topics, ` +
        `${pack.positions.length} positions -> ${show(path)}${changed ? '' : ' (unchanged)'}`,
    );
  }
  writeIfChanged(join(outDir, BUILTIN_PACK_FILE), serializePack(builtin));
  return 0;
}

try {
  process.exitCode = main();
} catch (error) {
  console.error(`pack:build: ${errorMessage(error)}`);
  process.exitCode = 1;
}
