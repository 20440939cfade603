/**
 * Checks a pack file on disk as the extension would before installing it, for the command line
 * (`npm run pack:validate`). Node only: the extension reads files through the options page and
 * calls `parsePackText` directly. Every failure, a missing file included, becomes a line of
 * text; nothing here throws.
 */
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { LIMITS } from '../../utils/pack/schema';
import { FILE_PATH } from '../../utils/pack/problems';
import { formatBytes } from '../../utils/format';
import { parsePackBytes } from '../../utils/pack/validate';

export interface FileCheck {
  /** 0 when the pack is valid, 1 otherwise. */
  code: 0 | 1;
  /** `ok <id> v<version>: ...`, or one `<json path>: <sentence>` line per problem. */
  lines: string[];
}

/** Reads at most `max + 1` bytes, so an oversize file is refused without reading it whole. */
function readBounded(path: string, max: number): Uint8Array {
  const buffer = new Uint8Array(max + 1);
  const fd = openSync(path, 'r');
  try {
    let length = 0;
    for (;;) {
      const n = readSync(fd, buffer, length, buffer.length - length, null);
      length += n;
      if (n === 0 || length >= buffer.length) return buffer.subarray(0, length);
    }
  } finally {
    closeSync(fd);
  }
}

/** The verdict on the pack file at `path`, with `maxBytes` as the size cap. */
export function validatePackFile(path: string, maxBytes: number = LIMITS.packBytes): FileCheck {
  const fail = (message: string): FileCheck => ({ code: 1, lines: [`${FILE_PATH}: ${message}`] });
  const tooLarge = `is larger than the ${formatBytes(maxBytes)} a pack may be; it was not read`;
  let bytes: Uint8Array;
  try {
    const stat = statSync(path);
    if (stat.isDirectory()) return fail(`"${path}" is a folder, not a pack file`);
    if (!stat.isFile()) return fail(`"${path}" is not a regular file`);
    if (stat.size > maxBytes) return fail(tooLarge);
    bytes = readBounded(path, maxBytes);
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'ENOENT') return fail(`"${path}" does not exist`);
    if (code === 'EACCES') return fail(`"${path}" cannot be read (permission denied)`);
    return fail(`"${path}" cannot be read (${code ?? 'unknown error'})`);
  }
  const result = parsePackBytes(bytes, { maxBytes });
  if (
    !result.ok &&
    /\.ya?ml$/i.test(path) &&
    result.problems[0]?.message.startsWith('is not valid JSON')
  )
    return fail(
      'is YAML, not a pack file: pack.yaml is built with `npm run pack:build`, which writes the pack file to check',
    );
  if (!result.ok) return { code: 1, lines: result.problems.map((p) => `${p.path}: ${p.message}`) };
  const { pack } = result;
  return {
    code: 0,
    lines: [
      `ok ${pack.id} v${pack.version}: ${pack.actors.length} actors, ${pack.topics.length} topics, ${pack.positions.length} positions`,
    ],
  };
}
