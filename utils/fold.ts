/**
 * Folding for search, where a reader or a rule looks for words in text: the store finds actors'
 * names in source texts and page words among topic keywords, the pages' search box finds topics.
 * It folds what differs between spellings of the same words in news text (case, accents,
 * typographic apostrophes and dashes, runs of spaces) and nothing else.
 *
 * Spotting names on a page is a different rule, kept in utils/spotting/normalize.ts (`foldKey`):
 * it keeps accents and works per code unit, for speed over whole pages.
 */

const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const SPACES = /\s+/g;
const MARKS = /\p{M}+/gu;

/** Folds a name or a text for comparison: `Selenskyj’s` and `selenskyj's` fold alike. */
export function normalizeName(s: string): string {
  return s
    .normalize('NFKD')
    .replace(MARKS, '')
    .replace(APOSTROPHES, "'")
    .replace(DASHES, '-')
    .replace(SPACES, ' ')
    .toLowerCase()
    .trim();
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * True when `needle` occurs in `haystack` as whole words (not inside a longer word). Both must
 * already be folded with `normalizeName`.
 */
export function containsWords(haystack: string, needle: string): boolean {
  if (!needle) return false;
  let from = 0;
  for (;;) {
    const at = haystack.indexOf(needle, from);
    if (at < 0) return false;
    const before = at > 0 ? haystack[at - 1]! : ' ';
    const after = at + needle.length < haystack.length ? haystack[at + needle.length]! : ' ';
    if (!WORD_CHAR.test(before) && !WORD_CHAR.test(after)) return true;
    from = at + 1;
  }
}
