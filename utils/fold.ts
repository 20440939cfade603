/**
 * The two folding rules, decided here once.
 *
 * Names: `nameKey`. Whether a text names someone is decided the way the page matcher decides it
 * (utils/spotting/normalize.ts, `foldKey`): case, apostrophe and hyphen look-alikes, runs of white
 * space and invisible characters fold; accents and every other letter stay, so "Sánchez" and
 * "Sanchez" are different forms and a pack that wants both lists both as aliases. The matcher
 * folds per code unit, for speed over whole pages; the store (which sources name an actor) and
 * the pack checks (which aliases collide) use the same key, so what the store counts, what a
 * pack may claim and what a page highlights agree.
 *
 * Search: `normalizeName`. Where a reader or a rule looks for words (the pages' topic search box,
 * page words among topic keywords), accents fold too: a reader types "Sanchez" for "Sánchez".
 */
import { foldKey } from './spotting/normalize';

/** The key two forms of a name share when the page matcher takes them for the same name. */
export function nameKey(s: string): string {
  return foldKey(s.normalize('NFKC'));
}

const APOSTROPHES = /[\u2018\u2019\u02BC\u0060\u00B4]/g;
const DASHES = /[\u2010-\u2015\u2212]/g;
const SPACES = /\s+/g;
const MARKS = /\p{M}+/gu;

/** Folds text for search: `Sélenskyj’s` and `selenskyj's` fold alike. */
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
 * already be folded by the same rule (`nameKey` or `normalizeName`).
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
