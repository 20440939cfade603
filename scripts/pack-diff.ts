/**
 * `npm run pack:diff -- OLD.json NEW.json`: what a new version of a pack changes for readers,
 * person by person (positions added, removed and changed, evidence, people and aliases), in the
 * words the card's "what changed" uses. Exit 1 with one line per problem when a file is not a
 * valid pack or the two are different packs.
 */
import { readFileSync } from 'node:fs';
import { parsePackText } from '../utils/pack/validate';
import type { Pack } from '../utils/pack/schema';
import { packDiffText } from '../utils/draft/pack-diff';
import { errorMessage } from '../utils/format';
import { commandArgs, usageError } from './args';

const USAGE = 'usage: npm run pack:diff -- OLD.json NEW.json';

function read(path: string): Pack {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${path}: ${errorMessage(e)}`, { cause: e });
  }
  const checked = parsePackText(text);
  if (!checked.ok) {
    const lines = checked.problems.slice(0, 5).map((p) => `  ${p.path}: ${p.message}`);
    throw new Error(`${path} is not a valid pack:\n${lines.join('\n')}`);
  }
  return checked.pack;
}

try {
  const { positionals } = commandArgs('pack:diff', USAGE, {});
  const [oldPath, newPath, ...rest] = positionals;
  if (!oldPath || !newPath || rest.length > 0) {
    usageError('pack:diff', 'give the old and the new pack file', USAGE);
  }
  const before = read(oldPath);
  const after = read(newPath);
  if (before.id !== after.id) {
    throw new Error(
      `${oldPath} is pack "${before.id}" and ${newPath} is "${after.id}"; compare two versions of one pack`,
    );
  }
  console.log(packDiffText(before, after));
} catch (e) {
  console.error(`pack:diff: ${errorMessage(e)}`);
  process.exitCode = 1;
}
