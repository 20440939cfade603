/**
 * The one gate every pack passes, whether built in, synced from a feed or imported from a file:
 * size, JSON, forbidden keys, the Zod schema, then the semantic checks. Both entry points are
 * synchronous and pure (no I/O, no globals beyond `TextEncoder`), so they run the same in Node,
 * the background service worker and extension pages. They never throw on bad input: every
 * problem comes back as a JSON path and a plain sentence.
 */
import { errorMessage, formatBytes } from '../format';
import { LIMITS, packSchema, type Pack } from './schema';
import { checkPackSemantics } from './checks';
import { checkNameShapes, checkPackBudget } from './budgets';
import { findDuplicateKey } from './duplicate-keys';
import {
  FILE_PATH,
  capProblems,
  formatPath,
  problemsFromZod,
  type PackCheck,
  type Problem,
} from './problems';

export type { PackCheck, Problem } from './problems';

/** Keys that could reach an object's prototype when data is merged or copied carelessly. */
const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** A real pack nests five levels deep; anything far deeper is hostile or broken. */
const MAX_DEPTH = 32;

export interface ParseOptions {
  /** Refuse text whose UTF-8 encoding is longer than this (default `LIMITS.packBytes`). */
  maxBytes?: number;
}

/** The UTF-8 length of a string, counted without encoding it. Lone surrogates count as 3 (U+FFFD). */
export function utf8ByteLength(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const next = text.charCodeAt(i + 1);
      if (next >= 0xdc00 && next <= 0xdfff) {
        bytes += 4;
        i++;
      } else bytes += 3;
    } else bytes += 3;
  }
  return bytes;
}

/**
 * Walks parsed data without recursion and reports `__proto__`, `constructor` and `prototype`
 * keys anywhere, and nesting deeper than `MAX_DEPTH`.
 */
export function findForbiddenKeys(data: unknown): Problem[] {
  const problems: Problem[] = [];
  const stack: { value: unknown; path: PropertyKey[] }[] = [{ value: data, path: [] }];
  while (stack.length > 0) {
    const { value, path } = stack.pop()!;
    if (value === null || typeof value !== 'object') continue;
    if (path.length > MAX_DEPTH) {
      problems.push({
        path: formatPath(path),
        message: `is nested more than ${MAX_DEPTH} levels deep`,
      });
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i--)
        stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    const keys = Object.keys(value);
    for (let i = keys.length - 1; i >= 0; i--) {
      const key = keys[i]!;
      if (FORBIDDEN_KEYS.has(key))
        problems.push({
          path: formatPath([...path, key]),
          message: `"${key}" is not allowed as a key anywhere in a pack`,
        });
      else stack.push({ value: (value as Record<string, unknown>)[key], path: [...path, key] });
    }
  }
  return problems;
}

/**
 * Checks already-parsed data (a built-in JSON import, a decoded feed body): forbidden keys,
 * then the schema, then `checkPackSemantics`. Synchronous: source hashes use the pure
 * `sha256` in ./sha256, not `crypto.subtle`.
 */
export function validatePack(data: unknown): PackCheck<Pack> {
  const forbidden = findForbiddenKeys(data);
  if (forbidden.length > 0) return { ok: false, problems: capProblems(forbidden) };
  // Counted on the raw data: a flood of names is refused before the schema walks it.
  const flood = checkPackBudget(data);
  if (flood.length > 0) return { ok: false, problems: flood };

  const parsed = packSchema.safeParse(data, { reportInput: true });
  if (!parsed.success)
    return { ok: false, problems: capProblems(problemsFromZod(parsed.error.issues)) };

  const problems = [...checkPackSemantics(parsed.data), ...checkNameShapes(parsed.data)];
  if (problems.length > 0) return { ok: false, problems: capProblems(problems) };
  return { ok: true, pack: parsed.data };
}

/** The text of pack file bytes, or the sentence why there is none. */
type DecodedPack = { ok: true; text: string } | { ok: false; problem: Problem };

/**
 * The one gate for a pack file's bytes, used by the command line, the options page and the feed
 * sync alike: at most `maxBytes`, and UTF-8 (strictly: a byte sequence that is not UTF-8 is
 * refused, never replaced).
 */
export function decodePackBytes(bytes: Uint8Array, opts: ParseOptions = {}): DecodedPack {
  const maxBytes = opts.maxBytes ?? LIMITS.packBytes;
  const fail = (message: string): DecodedPack => ({
    ok: false,
    problem: { path: FILE_PATH, message },
  });
  if (bytes.length > maxBytes)
    return fail(`is larger than the ${formatBytes(maxBytes)} a pack may be; it was not read`);
  try {
    return { ok: true, text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return fail('is not UTF-8 text');
  }
}

/** `decodePackBytes`, then `parsePackText`. */
export function parsePackBytes(bytes: Uint8Array, opts: ParseOptions = {}): PackCheck<Pack> {
  const decoded = decodePackBytes(bytes, opts);
  if (!decoded.ok) return { ok: false, problems: [decoded.problem] };
  return parsePackText(decoded.text, opts);
}

/**
 * Checks the text of a pack file. The size cap is applied to the UTF-8 length before anything
 * is parsed, so an oversize file costs no memory beyond the string itself.
 */
export function parsePackText(text: string, opts: ParseOptions = {}): PackCheck<Pack> {
  const maxBytes = opts.maxBytes ?? LIMITS.packBytes;
  const fail = (message: string): PackCheck<Pack> => ({
    ok: false,
    problems: [{ path: FILE_PATH, message }],
  });

  if (typeof text !== 'string') return fail('is not text');
  // Every UTF-16 unit is at least one UTF-8 byte, so a long string is refused without counting.
  if (text.length > maxBytes || utf8ByteLength(text) > maxBytes)
    return fail(`is larger than the ${formatBytes(maxBytes)} a pack may be; it was not read`);
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  if (body.trim() === '') return fail('is empty; a pack is a JSON object');

  let data: unknown;
  try {
    data = JSON.parse(body);
  } catch (error) {
    const detail = errorMessage(error).replace(/\s+/g, ' ');
    return fail(`is not valid JSON (${detail})`);
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data))
    return fail('must hold a JSON object, the pack');
  const duplicate = findDuplicateKey(body);
  if (duplicate) return { ok: false, problems: [duplicate] };
  return validatePack(data);
}
