/**
 * `npm run pack:validate -- FILE`: checks a pack file as the extension would before installing it.
 * Prints `ok <id> v<version>: N actors, N topics, N positions` and exits 0, or one line per
 * problem, `<json path>: <sentence>`, and exits 1. Never a stack trace: every failure, down to
 * a missing file, is a line of text. Exit 2 means the command was called wrongly.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { LIMITS } from '../utils/pack/schema';
import { FILE_PATH } from '../utils/pack/problems';
import { formatBytes, parsePackText } from '../utils/pack/validate';

function fail(message: string): number {
  console.log(`${FILE_PATH}: ${message}`);
  return 1;
}

/** Reads at most `max + 1` bytes, so an oversize file is refused without reading it whole. */
function readBounded(path: string, max: number): Uint8Array {
  const buffer = new Uint8Array(max + 1);
  const fd = openSync(path, 'r');
  try {
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      if (n === 0 || length + n >= buffer.length) return buffer.subarray(0, length + n);
      length += n;
    }
  } finally {
    closeSync(fd);
  }
}

function main(args: string[]): number {
  const files = args.filter((a) => a !== '--');
  if (files.length !== 1) {
    console.error('usage: npm run pack:validate -- FILE');
    return 2;
  }
  const path = files[0]!;
  let bytes: Uint8Array;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return fail(`"${path}" is a folder, not a pack file`);
    if (!stat.isFile()) return fail(`"${path}" is not a regular file`);
    if (stat.size > LIMITS.packBytes)
      return fail(
        `is larger than the ${formatBytes(LIMITS.packBytes)} a pack may be; it was not read`,
      );
    bytes = readBounded(path, LIMITS.packBytes);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') return fail(`"${path}" does not exist`);
    if (code === 'EACCES') return fail(`"${path}" cannot be read (permission denied)`);
    return fail(`"${path}" cannot be read (${code ?? 'unknown error'})`);
  }
  if (bytes.length > LIMITS.packBytes)
    return fail(
      `is larger than the ${formatBytes(LIMITS.packBytes)} a pack may be; it was not read`,
    );

  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return fail('is not UTF-8 text');
  }
  const result = parsePackText(text);
  if (!result.ok) {
    for (const p of result.problems) console.log(`${p.path}: ${p.message}`);
    return 1;
  }
  const { pack } = result;
  console.log(
    `ok ${pack.id} v${pack.version}: ${pack.actors.length} actors, ${pack.topics.length} topics, ${pack.positions.length} positions`,
  );
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (error) {
  console.log(
    `${FILE_PATH}: could not be checked (${error instanceof Error ? error.message : String(error)})`,
  );
  process.exitCode = 1;
}
