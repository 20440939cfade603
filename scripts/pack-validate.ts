/**
 * `npm run pack:validate -- FILE`: checks a pack file as the extension would before installing it.
 * Prints `ok <id> v<version>: N actors, N topics, N positions` and exits 0, or one line per
 * problem, `<json path>: <sentence>`, and exits 1. Never a stack trace: every failure, down to
 * a missing file, is a line of text. Exit 2 means the command was called wrongly.
 */
import { validatePackFile } from './pack/validate-file';
import { errorMessage } from '../utils/format';
import { commandArgs, usageError } from './args';

const USAGE = 'usage: npm run pack:validate -- FILE';

function main(args: string[]): number {
  const { positionals: files } = commandArgs('pack:validate', USAGE, {}, args);
  if (files.length !== 1) usageError('pack:validate', 'give exactly one pack file', USAGE);
  const { code, lines } = validatePackFile(files[0]!);
  for (const line of lines) console.log(line);
  return code;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.log(`(file): could not be checked (${errorMessage(error)})`);
  process.exitCode = 1;
}
