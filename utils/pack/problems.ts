/**
 * Problems found in a pack, as an editor reads them: a JSON path and a plain sentence.
 * The validator, the builder and the command-line tools all report through this shape, so a
 * problem reads the same in a terminal, a test and the options page.
 */
import type { z } from 'zod';

/** One thing wrong with a pack: where (`positions[3].evidence.text`) and what, in a sentence. */
export interface Problem {
  path: string;
  message: string;
}

/** The outcome of checking a pack: the typed pack, or every problem found. */
export type PackCheck<T> = { ok: true; pack: T } | { ok: false; problems: Problem[] };

/** Path of a problem about the file as a whole (not JSON, empty, too large). */
export const FILE_PATH = '(file)';
/** Path of a problem about the top-level value of the pack. */
const ROOT_PATH = '(pack)';

/** At most this many problems are listed; a broken file should not flood a terminal or a page. */
const MAX_PROBLEMS = 100;

const IDENTIFIER = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** `['positions', 3, 'evidence', 'text']` -> `positions[3].evidence.text`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else {
      const key = String(part);
      if (IDENTIFIER.test(key)) out += out === '' ? key : `.${key}`;
      else out += `[${JSON.stringify(key)}]`;
    }
  }
  return out === '' ? ROOT_PATH : out;
}

const TYPE_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  array: 'a list',
  object: 'an object',
  null: 'null',
};

function describeType(expected: string): string {
  return TYPE_WORDS[expected] ?? expected;
}

function describeInput(input: unknown): string {
  if (input === null) return 'null';
  if (Array.isArray(input)) return 'a list';
  if (typeof input === 'string') return 'text';
  if (typeof input === 'number')
    return Number.isInteger(input) ? 'a whole number' : 'a fractional number';
  if (typeof input === 'object') return 'an object';
  return typeof input;
}

function plural(n: number | bigint, word: string): string {
  return `${n} ${word}${n === 1 || n === 1n ? '' : 's'}`;
}

/**
 * Turns Zod issues into problems with plain sentences. Parse with `{ reportInput: true }` so a
 * missing field can be told from a field of the wrong type.
 */
export function problemsFromZod(issues: readonly z.core.$ZodIssue[]): Problem[] {
  const problems: Problem[] = [];
  for (const issue of issues) {
    const path = formatPath(issue.path);
    switch (issue.code) {
      case 'unrecognized_keys':
        for (const key of issue.keys) {
          problems.push({
            path: formatPath([...issue.path, key]),
            message:
              'is not a field of the pack format (check the spelling; unknown fields are refused)',
          });
        }
        break;
      case 'invalid_type':
        problems.push({
          path,
          message:
            issue.input === undefined
              ? 'is missing'
              : `must be ${describeType(issue.expected)}, not ${describeInput(issue.input)}`,
        });
        break;
      case 'too_big': {
        const max = issue.maximum;
        const message =
          issue.origin === 'string'
            ? `is too long: at most ${plural(max as number, 'character')} allowed`
            : issue.origin === 'array'
              ? `has too many entries: at most ${max} allowed`
              : `must be at most ${max}`;
        problems.push({ path, message });
        break;
      }
      case 'too_small': {
        const min = issue.minimum;
        const message =
          issue.origin === 'string'
            ? min === 1
              ? 'must not be empty'
              : `is too short: at least ${plural(min as number, 'character')} needed`
            : issue.origin === 'array'
              ? `must have at least ${min} ${min === 1 ? 'entry' : 'entries'}`
              : `must be at least ${min}`;
        problems.push({ path, message });
        break;
      }
      case 'invalid_value': {
        const values = issue.values.map((v) => JSON.stringify(v)).join(', ');
        const message =
          path === 'format'
            ? `${issue.input === undefined ? 'is missing; it ' : ''}must be ${values}: the pack format version this extension reads`
            : issue.values.length === 1
              ? `must be ${values}`
              : `must be one of ${values}`;
        problems.push({ path, message });
        break;
      }
      case 'invalid_format':
        problems.push({
          path,
          message:
            issue.format === 'url'
              ? 'must be an http or https address'
              : issue.message.startsWith('Invalid')
                ? `is not in the expected form (${issue.format})`
                : issue.message,
        });
        break;
      default:
        problems.push({ path, message: issue.message });
    }
  }
  return problems;
}

/** Keeps a list of problems readable: the first `MAX_PROBLEMS` and a line saying how many more. */
export function capProblems(problems: Problem[], max = MAX_PROBLEMS): Problem[] {
  if (problems.length <= max) return problems;
  return [
    ...problems.slice(0, max),
    { path: ROOT_PATH, message: `and ${problems.length - max} more problems not listed` },
  ];
}
