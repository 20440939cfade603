/**
 * The name matcher: a trie of every alias form, keyed by folded code units, built once per
 * dictionary version in time linear in the total length of the aliases (no RegExp to compile:
 * one alternation RegExp of 5,000 aliases took longer to compile than this whole build, and its
 * matching slowed down with every alias added). Matching walks the page text in place, tries the
 * trie only at word starts, steps over invisible characters, takes any run of white space for
 * one space, and keeps the longest form that ends on a word boundary. The disambiguation rules
 * (utils/spotting/rules.ts) judge only those few positions; docs/spotting.md documents both.
 */
import { useVocabulary } from './rule-words';
import type { Dictionary } from '../views';
import {
  APOSTROPHE,
  HYPHEN_CODE,
  SPACE,
  foldCode,
  isIgnorableCode,
  isSpaceCode,
  isLowerChar,
  isUpperChar,
  isWordCode,
} from './normalize';
import { afterNamesakes } from './namesakes';
import { judge, type Candidate } from './rules';
import { buildStartFilter, FlatTrie, NONE, ROOT, type TrieTables } from './trie';
import { dictionaryTables } from './trie-build';

export interface Matcher {
  /** The dictionary version the matcher was built from. */
  readonly version: string;
  /** Distinct name forms (aliases and surnames) after folding. */
  readonly aliasCount: number;
  /** Every candidate in `text`, left to right, longest form first, none overlapping. */
  find(text: string): Candidate[];
}

/**
 * Builds the matcher for a dictionary, trie and all: for the `spot` commands, the bench and the
 * draft's name finder. A page never builds: it gets the trie's arrays with the dictionary
 * (`matcherOf`).
 */
export function buildMatcher(dict: Dictionary): Matcher {
  return matcherOf(dict, dictionaryTables(dict));
}

/**
 * The matcher of a dictionary whose trie is built (`dictionaryTables`, ./trie-build.ts): on a
 * page, the arrays the background stored with the dictionary. Takes the dictionary's rules
 * vocabulary into use.
 */
export function matcherOf(dict: Dictionary, tables: TrieTables): Matcher {
  if (dict.vocabulary) useVocabulary(dict.vocabulary);
  const trie = new FlatTrie(dict.actors, tables);
  const empty = !trie.hasChildren(ROOT);

  /**
   * The longest form starting at word start `i` that ends on a word boundary, or null; `first`
   * is the root's child for the folded letter at `i`.
   */
  const longestAt = (
    text: string,
    i: number,
    first: number,
  ): { end: number; node: number } | null => {
    const n = text.length;
    let node = first;
    let bestEnd = -1;
    let best = NONE;
    let j = i + 1;
    while (node !== NONE) {
      if (
        trie.hasEntries(node) &&
        !(
          trie.endsInWord(node) &&
          j < n &&
          isWordCode(text.charCodeAt(j)) &&
          !handleBreak(text, i, j)
        )
      ) {
        bestEnd = j;
        best = node;
      }
      if (!trie.hasChildren(node) || j >= n) break;
      let d = text.charCodeAt(j);
      while (isIgnorableCode(d) && j + 1 < n) d = text.charCodeAt(++j);
      if (foldCode(d) === HYPHEN_CODE && trie.child(node, HYPHEN_CODE) === NONE) {
        // A hyphen and a line break inside a name ("Zelen-\nskyy"): step over both.
        const k = lineEndHyphen(text, j);
        if (k > 0) {
          j = k;
          d = text.charCodeAt(j);
        }
      }
      if (isSpaceCode(d)) {
        let k = j + 1;
        while (k < n && (isSpaceCode(text.charCodeAt(k)) || isIgnorableCode(text.charCodeAt(k)))) {
          k++;
        }
        node = trie.child(node, SPACE);
        j = k;
      } else {
        node = trie.child(node, foldCode(d));
        j++;
      }
    }
    return best !== NONE ? { end: bestEnd, node: best } : null;
  };

  /** Judges the form found at `i`; returns where matching goes on. */
  const take = (
    text: string,
    i: number,
    found: { end: number; node: number },
    out: Candidate[],
  ) => {
    // A form listed with its genitive apostrophe ("Merz'") is highlighted without it.
    let nameEnd = found.end;
    while (nameEnd - 1 > i && foldCode(text.charCodeAt(nameEnd - 1)) === APOSTROPHE) nameEnd--;
    const cand = judge(text, i, nameEnd, trie.entriesAt(found.node));
    if (cand) out.push(cand);
    return found.end;
  };

  const filter = buildStartFilter(trie);

  const find = (text: string): Candidate[] => {
    const out: Candidate[] = [];
    if (empty) return out;
    const n = text.length;
    let i = 0;
    let tagged = false; // inside a hashtag or handle
    while (i < n) {
      const c = text.charCodeAt(i);
      if (!isWordCode(c)) {
        tagged = c === 0x23 || c === 0x40; // # or @
        i++;
        continue;
      }
      // `i` is a word start: the character before it is not a word character, or (in a tag)
      // it is a capital after a lower-case letter.
      const first = trie.child(ROOT, foldCode(c));
      if (filter.mayStartAt(text, i, first)) {
        const found = longestAt(text, i, first);
        if (found) {
          i = take(text, i, found, out);
          continue;
        }
      }
      // Skip the rest of this word (invisible characters inside it included). In a hashtag or
      // handle each capitalised part is a word: `@realDonaldTrump`, `#StandWithZelensky`.
      i++;
      if (tagged) i = nextTagWord(text, i);
      else {
        while (i < n) {
          const d = text.charCodeAt(i);
          if (!isWordCode(d) && !isIgnorableCode(d)) break;
          i++;
        }
      }
    }
    return afterNamesakes(out);
  };

  return { version: dict.version, aliasCount: trie.forms, find };
}

/** Where the next word of a tag starts after `i`: a capital after a lower-case letter, or the tag's end. */
function nextTagWord(text: string, i: number): number {
  while (i < text.length) {
    const d = text.charCodeAt(i);
    if (!isWordCode(d) && !isIgnorableCode(d)) break;
    if (isUpperChar(text[i]!) && isLowerChar(text[i - 1]!)) break;
    i++;
  }
  return i;
}

/**
 * True when a name inside a hashtag or handle ends at `j` where the next word of the tag
 * begins, by its capital: `#PutinWarCriminal`, `@ZelenskyyUa`.
 */
function handleBreak(text: string, i: number, j: number): boolean {
  const tag = text.charCodeAt(i - 1);
  // # or @, or a letter: a name that starts inside a tag (`@realDonaldTrumpNews`).
  if (tag !== 0x23 && tag !== 0x40 && !isWordCode(tag)) return false;
  const c = text.charCodeAt(j);
  const b = text.charCodeAt(j - 1);
  return c >= 0x41 && c <= 0x5a && b >= 0x61 && b <= 0x7a;
}

/**
 * Where the word goes on after a hyphen at `j` that ends a line ("Zelen-\n   skyy"), or -1
 * when no line break follows the hyphen or no letter follows the line break.
 */
function lineEndHyphen(text: string, j: number): number {
  let k = j + 1;
  let lineBreak = false;
  while (k < text.length && isSpaceCode(text.charCodeAt(k))) {
    const c = text.charCodeAt(k);
    if (c === 0x0a || c === 0x0d) lineBreak = true;
    k++;
  }
  return lineBreak && k < text.length && isWordCode(text.charCodeAt(k)) ? k : -1;
}
