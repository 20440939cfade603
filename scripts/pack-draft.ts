/**
 * `npm run pack:draft -- ARTICLE [--pack EXISTING] [--out DRAFT.yaml] [--id ID] [--date YYYY-MM-DD] [--force]`
 *
 * Reads an article (a plain-text file, or a saved HTML page whose visible article text is taken)
 * and writes a draft pack.yaml for an editor to finish, with the article's text beside it as the
 * source file. The people it knows come from `--pack` (a pack.yaml or a built pack .json; may be
 * given more than once) or, without it, the built-in pack. See docs/pack-format.md, "From article
 * to published pack in five steps".
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inertWindow } from './inert-window';
import { annotationsSchema, parseAnnotationsYaml } from '../utils/pack/annotations';
import { isoDate, type Pack } from '../utils/pack/schema';
import { parsePackText } from '../utils/pack/validate';
import { ArticleError, articleFromDocument, articleFromText } from '../utils/draft/article';
import { draftPack, type Article } from '../utils/draft/draft';
import { draftToYaml } from '../utils/draft/write-yaml';
import { errorMessage } from '../utils/format';
import { commandArgs } from './args';

const root = resolve(fileURLToPath(new URL('..', import.meta.url)));
const BUILTIN = join(root, 'utils', 'pack', 'generated', 'builtin-pack.json');
const USAGE =
  'usage: npm run pack:draft -- ARTICLE [--pack EXISTING.yaml|.json]... [--out DRAFT.yaml] [--id ID] [--date YYYY-MM-DD] [--force]';

class UserError extends Error {}

/** The actors and topics of a pack file, pack.yaml or built .json. */
function readKnownPack(path: string): Pack {
  if (!existsSync(path)) throw new UserError(`no pack at ${path}`);
  const text = readFileSync(path, 'utf8');
  if (/\.ya?ml$/i.test(path)) {
    const yaml = parseAnnotationsYaml(text);
    const parsed = yaml.ok ? annotationsSchema.safeParse(yaml.data) : null;
    if (!parsed?.success)
      throw new UserError(`${path} is not a valid pack.yaml (run pack:build on it)`);
    return { ...parsed.data, format: 1, sources: [] } as unknown as Pack;
  }
  const checked = parsePackText(text);
  if (!checked.ok) throw new UserError(`${path} is not a valid pack (run pack:validate on it)`);
  return checked.pack;
}

async function readArticle(path: string): Promise<Article> {
  if (!existsSync(path)) throw new UserError(`no article at ${path}`);
  const bytes = new Uint8Array(readFileSync(path));
  const head = new TextDecoder().decode(bytes.subarray(0, 512)).trimStart().toLowerCase();
  if (!/\.html?$/i.test(path) && !head.startsWith('<!doctype html') && !head.startsWith('<html')) {
    return articleFromText(bytes, basename(path));
  }
  const window = inertWindow();
  try {
    const doc = new window.DOMParser().parseFromString(
      new TextDecoder().decode(bytes),
      'text/html',
    ) as unknown as Document;
    return articleFromDocument(doc, basename(path));
  } finally {
    await window.happyDOM.close();
  }
}

async function main(): Promise<void> {
  const { values, positionals } = commandArgs('pack:draft', USAGE, {
    pack: { type: 'string', multiple: true },
    out: { type: 'string' },
    id: { type: 'string' },
    date: { type: 'string' },
    force: { type: 'boolean', default: false },
  });
  if (positionals.length !== 1) throw new UserError(USAGE);
  if (values.date && !isoDate.safeParse(values.date).success) {
    throw new UserError(`--date must be a real date written YYYY-MM-DD (got ${values.date})`);
  }
  const packs = (values.pack?.length ? values.pack : [BUILTIN]).map((p) =>
    readKnownPack(resolve(p)),
  );
  const article = await readArticle(resolve(positionals[0]!));
  const draft = draftPack(article, { packs }, { id: values.id, date: values.date });
  const out = resolve(values.out ?? join(root, 'assets', 'packs', draft.id, 'pack.yaml'));
  if (existsSync(out) && !values.force) {
    throw new UserError(`${relative(process.cwd(), out)} exists; pass --force to replace it`);
  }
  const sourcePath = join(dirname(out), article.fileName);
  const sourceBytes = new TextEncoder().encode(article.text);
  if (
    existsSync(sourcePath) &&
    !Buffer.from(readFileSync(sourcePath)).equals(Buffer.from(sourceBytes))
  ) {
    throw new UserError(
      `${relative(process.cwd(), sourcePath)} exists with other text; a source is never edited in place`,
    );
  }
  mkdirSync(dirname(out), { recursive: true });
  writeFileSync(sourcePath, sourceBytes);
  writeFileSync(out, draftToYaml(draft, basename(positionals[0]!)));

  const positions = draft.sentences.flatMap((s) => s.positions);
  const show = (p: string) => relative(process.cwd(), p) || '.';
  console.log(
    `drafted ${show(out)}: ${draft.sentences.length} sentences, ${positions.length} candidate positions ` +
      `(${positions.filter((p) => p.evidence.kind === 'quote').length} quotes), ${draft.actors.length} actors ` +
      `(${draft.actors.filter((a) => a.introduced).length} new), ${draft.topics.length} topics ` +
      `(${draft.topics.filter((t) => t.isNew).length} new)`,
  );
  console.log(`source ${show(sourcePath)} sha256 ${article.sha256}`);
  for (const c of draft.source.check) console.log(`check: ${c}`);
  console.log('Next: review every "review: pending" entry, then npm run pack:build.');
}

main().catch((e: unknown) => {
  const message = e instanceof UserError || e instanceof ArticleError ? e.message : errorMessage(e);
  console.error(`pack:draft: ${message}`);
  process.exitCode = 1;
});
