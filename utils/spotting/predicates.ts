/**
 * The named predicates the disambiguation rules (utils/spotting/rules.ts) are made of. Each
 * looks at the page text around one occurrence of a name form and answers one question; none
 * knows about actors beyond the word lists it is given. docs/spotting.md says why each exists.
 */
import { foldKey, isLowerChar, isUpperChar, isWordCharAt } from './normalize';
import {
  ABBREVIATIONS,
  COMPOUND_HEADS,
  GERMAN_MARKERS,
  OPENERS,
  ROLE_SUFFIXES,
  ROLE_WORDS,
  SENTENCE_ENDS,
  TITLE_CASE_SMALL,
} from './rule-words';

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
  // An inflected title: "Präsidenten", "президентом", "канцлера" (a case ending on the last word).
  let k = window.length;
  while (k > 0 && isWordCharAt(window, k - 1)) k--;
  const last = window.slice(k);
  for (const t of titles) {
    const stem = t.slice(t.lastIndexOf(' ') + 1);
    if (stem.length >= MIN_TITLE_STEM && last.startsWith(stem) && last.length - stem.length <= 3) {
      if (window.slice(0, k).endsWith(t.slice(0, t.length - stem.length))) return true;
    }
  }
  return false;
}
/** Shortest title word that takes case endings ("канцлер" -> "канцлера"). */
const MIN_TITLE_STEM = 5;

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

/**
 * True when the word at `start` continues a word split by a hyphen at a line end
 * (`Ras-` / `putin`): a lower-case word after a letter, a hyphen and a line break.
 */
export function continuesHyphenatedWord(text: string, start: number): boolean {
  if (!isLowerChar(text[start] ?? '')) return false;
  let i = start - 1;
  let lineBreak = false;
  while (i >= 0 && isSpace(text[i])) {
    if (text[i] === '\n' || text[i] === '\r') lineBreak = true;
    i--;
  }
  return lineBreak && i > 0 && HYPHEN_CHARS.includes(text[i]!) && isWordCharAt(text, i - 1);
}
const HYPHEN_CHARS = '-\u2010\u2011\u00AD';

let germanText = '';
let germanResult = false;

/**
 * True when `text` reads as German (one of a few common German words in it): German
 * capitalises every noun, so a capitalised word before a surname is as likely a role
 * (`Gastgeber Merz`) as a given name. Cached for the last text asked about.
 */
export function capitalisesNouns(text: string): boolean {
  if (text === germanText) return germanResult;
  germanText = text;
  germanResult = false;
  for (const m of text.toLowerCase().matchAll(/[a-zäöüß]+/g)) {
    if (GERMAN_MARKERS.has(m[0])) {
      germanResult = true;
      break;
    }
  }
  return germanResult;
}

let foldedText = '';
let foldedKey = '';

/** True when one of `words` (folded) stands in `text` as whole words. Cached fold of the last text. */
export function mentionsAnyOf(text: string, words: readonly string[]): boolean {
  if (words.length === 0) return false;
  if (text !== foldedText) {
    foldedText = text;
    foldedKey = foldKey(text);
  }
  for (const w of words) {
    let i = foldedKey.indexOf(w);
    while (i >= 0) {
      if (!isWordCharAt(foldedKey, i - 1) && !isWordCharAt(foldedKey, i + w.length)) return true;
      i = foldedKey.indexOf(w, i + 1);
    }
  }
  return false;
}

/** True for a role noun (`negotiator`, `Gastgeber`, `US-Unterhändler`, `Trump-Schwiegersohn`). */
export function isRoleWord(key: string): boolean {
  const word = key.replace(/[.,:;]+$/, '');
  if (ROLE_WORDS.has(word)) return true;
  const last = word.slice(word.lastIndexOf('-') + 1);
  if (ROLE_WORDS.has(last)) return true;
  return ROLE_SUFFIXES.some((s) => last.endsWith(s));
}

/**
 * True when a hyphen joins the name ending at `end` to a word that says the name is a
 * person's: `Merz-Regierung`, `Trump-Anhänger`, `Witkoff-Plan`, `Kushner-led`.
 */
export function compoundAfter(text: string, end: number): boolean {
  if (!HYPHEN_CHARS.includes(text[end] ?? ' ')) return false;
  let i = end + 1;
  while (i < text.length && isSpace(text[i])) i++;
  let j = i;
  while (j < text.length && isWordCharAt(text, j)) j++;
  return COMPOUND_HEADS.has(text.slice(i, j).toLowerCase());
}
