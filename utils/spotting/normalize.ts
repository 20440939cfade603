/**
 * Character classes and folding for name matching. Pages carry names with soft hyphens,
 * zero-width characters, typographic apostrophes, no-break spaces, line breaks and any letter
 * case; packs carry them plainly. Everything here works per UTF-16 code unit through lookup
 * tables, so the matcher can walk page text in place: no copy of the text, and every offset it
 * reports is an offset into the page's own text (invisible characters are stepped over, not
 * removed, so no offset map is needed).
 *
 * No RegExp with the `u` flag or `\p{…}` is used anywhere: both were measured several times slower.
 */

/** Code units that may sit invisibly inside a name: soft hyphen, zero-width space/joiners, word joiner, BOM. */
export function isIgnorableCode(c: number): boolean {
  return c === 0xad || (c >= 0x200b && c <= 0x200d) || c === 0x2060 || c === 0xfeff;
}

/** White space as JavaScript's `\s` knows it (no-break and line breaks included), minus the BOM. */
export function isSpaceCode(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/** Apostrophes and look-alikes that pages use in possessives and names (Zelenskyy’s, O‘Brien). */
const APOSTROPHES = "'\u2018\u2019\u02BC\u02BB`\u00B4\u2032";
/** Hyphens and look-alikes used inside double names (Jean-Pierre, Jean‑Pierre). */
const HYPHENS = '-\u2010\u2011\u2012';

/**
 * Word characters for "never inside another word": ASCII letters and digits, underscore, and the
 * letter blocks of Latin, Greek, Cyrillic, Armenian, Hebrew, Arabic, Latin Extended Additional,
 * Greek Extended, kana, CJK and Hangul, combining marks included.
 */
const WORD_RANGES: readonly [number, number][] = [
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
  [0xaa, 0xaa],
  [0xb5, 0xb5],
  [0xba, 0xba],
  [0xc0, 0xd6],
  [0xd8, 0xf6],
  [0xf8, 0x2af],
  [0x300, 0x36f],
  [0x370, 0x3ff],
  [0x400, 0x52f],
  [0x531, 0x587],
  [0x5d0, 0x5ea],
  [0x620, 0x64a],
  [0x1e00, 0x1fff],
  [0x3040, 0x30ff],
  [0x4e00, 0x9fff],
  [0xac00, 0xd7af],
];

/**
 * One byte per UTF-16 code unit: 1 = word character. Filled from ranges on first use, not when
 * the content script is evaluated: the page's load task should not pay for it.
 */
let wordTable: Uint8Array | null = null;

function buildWordTable(): Uint8Array {
  const table = new Uint8Array(0x10000);
  for (const [from, to] of WORD_RANGES) table.fill(1, from, to + 1);
  return table;
}

/** True when code unit `c` is a word character. */
export function isWordCode(c: number): boolean {
  return (wordTable ??= buildWordTable())[c] === 1;
}

/** True when the code unit at `i` is a word character (false outside the string). */
export function isWordCharAt(text: string, i: number): boolean {
  if (i < 0 || i >= text.length) return false;
  return (wordTable ??= buildWordTable())[text.charCodeAt(i)] === 1;
}

/** The fold of a space run, an apostrophe and a hyphen. */
export const SPACE = 0x20;
export const APOSTROPHE = 0x27;
/** The folded hyphen. */
export const HYPHEN_CODE = 0x2d;

/**
 * Code unit -> folded code unit; 0 = not computed yet (filled lazily, most pages need ASCII
 * only). Made on first use, like the word table.
 */
let foldTable: Uint16Array | null = null;

function buildFoldTable(): Uint16Array {
  const table = new Uint16Array(0x10000);
  for (let c = 0; c < 0x80; c++) table[c] = c >= 0x41 && c <= 0x5a ? c + 32 : c;
  for (const ch of APOSTROPHES) table[ch.charCodeAt(0)] = APOSTROPHE;
  for (const ch of HYPHENS) table[ch.charCodeAt(0)] = HYPHEN_CODE;
  return table;
}

/**
 * The folded form of one code unit: lower case when that is one code unit, one apostrophe for
 * every apostrophe look-alike, one hyphen for every hyphen look-alike. White space and
 * invisible characters are the matcher's business (runs and skips), not folded here.
 */
export function foldCode(c: number): number {
  const table = (foldTable ??= buildFoldTable());
  const f = table[c]!;
  if (f !== 0 || c === 0) return f;
  const lower = String.fromCharCode(c).toLowerCase();
  const folded = lower.length === 1 ? lower.charCodeAt(0) : c;
  table[c] = folded;
  return folded;
}

/** True for a character that has a distinct lower-case form, i.e. is an upper-case letter. */
export function isUpperChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return c >= 0x41 && c <= 0x5a;
  return ch !== ch.toLowerCase() && ch === ch.toUpperCase();
}

/** True for a character that has a distinct upper-case form, i.e. is a lower-case letter. */
export function isLowerChar(ch: string): boolean {
  const c = ch.charCodeAt(0);
  if (c < 0x80) return c >= 0x61 && c <= 0x7a;
  return ch !== ch.toUpperCase() && ch === ch.toLowerCase();
}

/**
 * The key of an alias or of page text: invisible characters dropped, every code unit folded,
 * any run of white space as one space, trimmed. Two texts the matcher takes for the same name
 * have the same key ("Zelenskyy’s" and "ZELENSKYY's", "Volodymyr\u00A0\nZelenskyy" and
 * "volodymyr zelenskyy").
 */
export function foldKey(s: string): string {
  const codes: number[] = [];
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isIgnorableCode(c)) continue;
    if (isSpaceCode(c)) {
      pendingSpace = codes.length > 0;
      continue;
    }
    if (pendingSpace) codes.push(SPACE);
    pendingSpace = false;
    codes.push(foldCode(c));
  }
  // Built from codes in one go: a flat string, cheap to index (a `+=` chain is not).
  let out = '';
  for (let i = 0; i < codes.length; i += 4096) {
    out += String.fromCharCode(...codes.slice(i, i + 4096));
  }
  return out;
}
