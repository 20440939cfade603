/**
 * The matcher's trie (./trie.ts) as it travels with the dictionary in `storage.local`: the
 * background builds it once per dictionary version (./trie-build.ts) and stores its arrays as
 * one base64 string beside their counts; a page decodes them and checks, in one pass, every
 * index a walk could follow, so a damaged value is refused as a whole, never walked.
 *
 * Why stored and not built on the page: the build is cheap warm (under 1 ms for the built-in
 * pack) but a page runs it cold, once, in its first tasks, where it took 19 to 51 ms of wall
 * time (docs/spotting.md, "Start"). Storage hands values over as JSON, so typed arrays travel as
 * base64 text.
 */
import { HAS_CHILDREN, KINDS, NONE, type TrieTables } from './trie';

/** Version of the stored layout; a page refuses any other (and waits for a new publish). */
export const TABLES_FORMAT = 1;

/** Bounds a page accepts: far above any real set of packs (20,000 actors of long names). */
export const TABLES_LIMITS = {
  nodes: 8_000_000,
  entries: 4_000_000,
} as const;

/** The trie as stored: counts, and the arrays one after another in one base64 string. */
export interface StoredTables {
  format: typeof TABLES_FORMAT;
  nodes: number;
  forms: number;
  entries: number;
  /**
   * Layout: the 32-bit arrays first (next siblings, terminals, entry starts, entry
   * references), then the node codes (16 bits), then the flags (8 bits), so every array starts
   * at an offset its element size divides.
   */
  data: string;
}

/** Bytes of the arrays of a trie with these counts. */
const byteLength = (nodes: number, forms: number, entries: number) =>
  4 * (nodes + forms + (forms + 1) + entries) + 2 * nodes + nodes;

/** The trie's arrays as stored (background side). */
export function storeTables(t: TrieTables): StoredTables {
  const entries = t.entryRefs.length;
  const bytes = new Uint8Array(byteLength(t.size, t.forms, entries));
  const views = layout(bytes.buffer, t.size, t.forms, entries);
  views.nextSibling.set(t.nextSibling);
  views.terminals.set(t.terminals);
  views.entryStart.set(t.entryStart);
  views.entryRefs.set(t.entryRefs);
  views.code.set(t.code);
  views.flags.set(t.flags);
  return {
    format: TABLES_FORMAT,
    nodes: t.size,
    forms: t.forms,
    entries,
    data: toBase64(bytes),
  };
}

/**
 * The stored trie of a dictionary of `actors` actors, or null when it is absent, of another
 * format, out of bounds, or would let a walk leave its arrays or go round in circles: every
 * sibling link points forward inside the trie, a node with children has one after it, terminals
 * ascend, every form has entries, and every entry names one of the actors.
 */
export function readTables(raw: unknown, actors: number): TrieTables | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { format, nodes, forms, entries, data } = raw as Record<string, unknown>;
  if (format !== TABLES_FORMAT || typeof data !== 'string') return null;
  if (!isCount(nodes, 1, TABLES_LIMITS.nodes)) return null;
  if (!isCount(forms, 0, nodes - 1) || !isCount(entries, forms, TABLES_LIMITS.entries)) {
    return null;
  }
  const size = byteLength(nodes, forms, entries);
  if (data.length !== 4 * Math.ceil(size / 3)) return null;
  const bytes = fromBase64(data);
  if (!bytes || bytes.length !== size) return null;
  const t = layout(bytes.buffer, nodes, forms, entries);

  const { nextSibling, flags, terminals, entryStart, entryRefs } = t;
  if (nextSibling[0] !== NONE) return null;
  for (let k = 0; k < nodes; k++) {
    const next = nextSibling[k]!;
    if (next !== NONE && (next <= k || next >= nodes)) return null;
    if ((flags[k]! & HAS_CHILDREN) !== 0 && k + 1 >= nodes) return null;
  }
  let last = 0;
  for (let i = 0; i < forms; i++) {
    const node = terminals[i]!;
    if (node <= last || node >= nodes) return null;
    last = node;
    if (entryStart[i + 1]! <= entryStart[i]!) return null;
  }
  if (entryStart[0] !== 0 || entryStart[forms] !== entries) return null;
  const refs = actors * KINDS.length;
  for (let i = 0; i < entries; i++) {
    const ref = entryRefs[i]!;
    if (ref < 0 || ref >= refs) return null;
  }
  return { size: nodes, forms, ...t };
}

const isCount = (v: unknown, min: number, max: number): v is number =>
  typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;

/** Views of the arrays in a buffer laid out as `StoredTables.data` describes. */
function layout(buffer: ArrayBufferLike, nodes: number, forms: number, entries: number) {
  let at = 0;
  const ints = (n: number) => {
    const view = new Int32Array(buffer, at, n);
    at += 4 * n;
    return view;
  };
  const nextSibling = ints(nodes);
  const terminals = ints(forms);
  const entryStart = ints(forms + 1);
  const entryRefs = ints(entries);
  const code = new Uint16Array(buffer, at, nodes);
  at += 2 * nodes;
  const flags = new Uint8Array(buffer, at, nodes);
  return { nextSibling, terminals, entryStart, entryRefs, code, flags };
}

/** Base64 of `bytes` (the background's side; in chunks, so no call gets too many arguments). */
function toBase64(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(text);
}

/**
 * The bytes of base64 `text`, or null when it is not base64: the browser's own decoder where it
 * has one (Chrome 140, Firefox 133), `atob` elsewhere.
 */
function fromBase64(text: string): Uint8Array | null {
  try {
    const native = (Uint8Array as { fromBase64?: (s: string) => Uint8Array }).fromBase64;
    if (native) return native.call(Uint8Array, text);
    const binary = atob(text);
    const bytes = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
    return bytes;
  } catch {
    return null;
  }
}
