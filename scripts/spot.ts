/**
 * `npm run --silent spot -- FILE.html [--pack PACK.json]`: prints the mentions Standpoint finds
 * in an HTML file as one JSON array, `[{"actor": "<id>", "text": "<exact page text>"}, ...]`, in
 * document order. Same matcher, skip rules and disambiguation as the content script, over
 * happy-dom's standard DOM (no scripts run; only what needs real layout may differ). Reads the
 * built-in pack unless `--pack` names another. Problems: one clear line on stderr, exit 1.
 */
import { readFile, stat } from 'node:fs/promises';
import { formatBytes } from '../utils/format';
import { fileURLToPath } from 'node:url';
import { inertWindow } from './inert-window';
import { parsePackText } from '../utils/pack/validate';
import { dictionaryFromPacks } from '../utils/spotting/dictionary';
import { buildMatcher } from '../utils/spotting/matcher';
import { isRendered } from '../utils/spotting/scan';
import { spotDocument } from '../utils/spotting/spot-document';

const BUILTIN_PACK = fileURLToPath(
  new URL('../utils/pack/generated/builtin-pack.json', import.meta.url),
);
const USAGE = 'usage: npm run --silent spot -- FILE.html [--pack PACK.json]';

class UserError extends Error {}

function parseArgs(argv: string[]): { file: string; pack: string | null } {
  let file: string | null = null;
  let pack: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--pack') {
      pack = argv[++i] ?? null;
      if (pack === null) throw new UserError(`--pack needs a file name\n${USAGE}`);
    } else if (arg === '--help' || arg === '-h') {
      throw new UserError(USAGE);
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UserError(`unknown option ${arg}\n${USAGE}`);
    } else if (file === null) {
      file = arg;
    } else {
      throw new UserError(`one HTML file at a time (got ${file} and ${arg})\n${USAGE}`);
    }
  }
  if (file === null) throw new UserError(`no HTML file given\n${USAGE}`);
  return { file, pack };
}

/**
 * The largest page `spot` reads, bytes. A page is read whole into a DOM of several times its
 * size, so a far larger file would take minutes and end in an out-of-memory crash; real news
 * pages are well under 5 MB. Larger files are refused with one line.
 */
const SPOT_MAX_BYTES = 20 * 1024 * 1024;

async function readText(path: string, what: string, maxBytes = Infinity): Promise<string> {
  try {
    const { size } = await stat(path);
    if (size > maxBytes)
      throw new UserError(
        `${path} is ${formatBytes(size)}; spot reads files of at most ${formatBytes(maxBytes)}`,
      );
    return await readFile(path, 'utf8');
  } catch (e) {
    if (e instanceof UserError) throw e;
    const code = (e as NodeJS.ErrnoException).code;
    const reason =
      code === 'ENOENT'
        ? 'no such file'
        : code === 'EISDIR'
          ? 'it is a folder'
          : code === 'EACCES'
            ? 'permission denied'
            : (e as Error).message;
    throw new UserError(`cannot read ${what} ${path}: ${reason}`);
  }
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const packPath = args.pack ?? BUILTIN_PACK;
  const packText = await readText(packPath, 'pack').catch((e: unknown) => {
    if (args.pack === null && e instanceof UserError) {
      throw new UserError(`${e.message} (run "npm run pack:build" to build the built-in pack)`);
    }
    throw e;
  });
  const checked = parsePackText(packText);
  if (!checked.ok) {
    const first = checked.problems
      .slice(0, 5)
      .map((p) => `  ${p.path}: ${p.message}`)
      .join('\n');
    throw new UserError(`the pack ${packPath} is not valid:\n${first}`);
  }
  const html = await readText(args.file, 'HTML file', SPOT_MAX_BYTES);
  if (html.includes('\u0000')) throw new UserError(`${args.file} is not a text file`);

  const window = inertWindow();
  try {
    const doc = new window.DOMParser().parseFromString(html, 'text/html') as unknown as Document;
    const matcher = buildMatcher(dictionaryFromPacks([checked.pack]));
    const mentions = spotDocument(doc, matcher, {
      rendered: (el) => {
        try {
          return isRendered(el);
        } catch {
          return true; // a style the DOM cannot compute: count the text as shown
        }
      },
    });
    process.stdout.write(`${JSON.stringify(mentions, null, 2)}\n`);
  } finally {
    await window.happyDOM.close();
  }
}

main().catch((e: unknown) => {
  process.stderr.write(
    `spot: ${e instanceof UserError ? e.message : `unexpected failure: ${String(e)}`}\n`,
  );
  process.exit(1);
});
