/**
 * The named predicates the disambiguation rules (utils/spotting/rules.ts) are made of. Each
 * looks at the page text around one occurrence of a name form and answers one question; none
 * knows about actors beyond the word lists it is given. docs/spotting.md says why each exists.
 */
import { foldKey, isLowerChar, isUpperChar, isWordCharAt } from './normalize';
import { ABBREVIATIONS, OPENERS, SENTENCE_ENDS, TITLE_CASE_SMALL } from './rule-words';

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch);
}

/** True when `s` has a lower-case letter (false for `ZELENSKYY`, `V.`, `123`). */
export function hasLower(s: string): boolean {
  for (const ch of s) if (isLowerChar(ch)) return true;
  return false;
}

/** The whitespace-separated token right before `start`, or null when punctuation touches the name. */
export function previousToken(text: string, start: number): string | null {
  let i = start - 1;
  if (!isSpace(text[i])) return null;
  while (i >= 0 && isSpace(text[i])) i--;
  const end = i + 1;
  while (i >= 0 && !isSpace(text[i])) i--;
  const token = text.slice(i + 1, end);
  return token === '' ? null : token;
}

/** True when the word at `start` opens a sentence, a headline or the block. */
export function isSentenceInitial(text: string, start: number): boolean {
  let i = start - 1;
  while (i >= 0 && (isSpace(text[i]) || OPENERS.includes(text[i]!))) i--;
  if (i < 0) return true;
  const ch = text[i]!;
  if (!SENTENCE_ENDS.includes(ch)) return false;
  if (ch !== '.') return true;
  let j = i - 1;
  while (j >= 0 && (isWordCharAt(text, j) || text[j] === '.')) j--;
  const word = text.slice(j + 1, i);
  if (word.length === 1 && isUpperChar(word)) return false; // an initial: "J. Smith"
  return !ABBREVIATIONS.has(word.toLowerCase());
}

/** True when the word ending before `end` (exclusive, pointing at white space) opens its sentence. */
export function opensText(text: string, end: number): boolean {
  let i = end;
  while (i > 0 && !isSpace(text[i - 1])) i--;
  return isSentenceInitial(text, i);
}

/** How far back a title may start, in characters: longer than any title a pack lists. */
const TITLE_WINDOW = 120;

/** The folded text right before `start`, where a title would stand. */
export function foldBefore(text: string, start: number): string {
  return foldKey(text.slice(Math.max(0, start - TITLE_WINDOW), start));
}

/** True when one of `titles` (folded) ends the folded text `window`: "Chancellor Merz". */
export function titleBefore(window: string, titles: readonly string[]): boolean {
  for (const t of titles) {
    if (window.endsWith(t)) {
      const before = window.length - t.length - 1;
      if (before < 0 || !isWordCharAt(window, before)) return true;
    }
  }
  return false;
}

/** Shortest given name taken as the stem of an inflected form ("Фрідріху" of "Фрідріх"). */
const MIN_STEM = 4;
/** Letters an inflection may add to a given name (Slavic and German case endings). */
const MAX_INFLECTION = 3;

/** True when `key` is one of the given names with a short case ending: "фрідріху", "wolodymyrs". */
export function inflectedGivenName(key: string, givenNames: ReadonlySet<string>): boolean {
  for (const g of givenNames) {
    if (g.length >= MIN_STEM && key.length - g.length <= MAX_INFLECTION && key.startsWith(g)) {
      return true;
    }
  }
  return false;
}

/** Share of words capitalised for a text to read as Title Case (small words aside). */
const TITLE_CASE_SHARE = 0.9;
let titleCaseText = '';
let titleCaseResult = false;

/**
 * True for a Title Case headline ("Merz Meets Zelenskyy In Berlin"): there every word is
 * capitalised, so a capitalised word before a surname is no sign of another person's given
 * name, except where the pair opens the headline ("Ivanka Trump Speaks"). Cached for the last
 * text asked about: the matcher asks once per candidate, and candidates of one text come together.
 */
export function isTitleCase(text: string): boolean {
  if (text === titleCaseText) return titleCaseResult;
  let words = 0;
  let capitalised = 0;
  for (const m of text.matchAll(/[A-Za-z\u00C0-\u024F\u0400-\u04FF]{3,}/g)) {
    if (TITLE_CASE_SMALL.has(m[0])) continue;
    words++;
    if (isUpperChar(m[0][0]!)) capitalised++;
  }
  titleCaseText = text;
  titleCaseResult = words >= 3 && capitalised >= words * TITLE_CASE_SHARE;
  return titleCaseResult;
}

/** "Donald Trump Jr." is someone else. */
const PERSON_SUFFIX_RE = /^,?\s+(?:jr|sr)\b/i;

/** True when a generational suffix follows the name ending at `end`: "Trump Jr.", "Trump, Sr.". */
export function personSuffixAfter(text: string, end: number): boolean {
  return PERSON_SUFFIX_RE.test(text.slice(end, end + 6));
}
