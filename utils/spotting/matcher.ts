/**
 * The name matcher: a trie of every alias form, keyed by folded code units, built once per
 * dictionary version in time linear in the total length of the aliases (no RegExp to compile:
 * one alternation RegExp of 5,000 aliases took longer to compile than this whole build, and its
 * matching slowed down with every alias added). Matching walks the page text in place, tries the
 * trie only at word starts, steps over invisible characters, takes any run of white space for
 * one space, and keeps the longest form that ends on a word boundary. The disambiguation rules
 * run only on those few positions. The rules are documented in docs/spotting.md.
 */
import type { Dictionary, DictionaryActor } from '../views';
import {
  APOSTROPHE,
  HYPHEN_CODE,
  SPACE,
  foldCode,
  foldKey,
  isIgnorableCode,
  isLowerChar,
  isSpaceCode,
  isUpperChar,
  isWordCharAt,
  isWordCode,
} from './normalize';

/** One occurrence of a known name form in a text, before the page-wide context is known. */
export interface Candidate {
  /** Offsets into the text passed to `find`, end exclusive. */
  start: number;
  end: number;
  /** The actors this occurrence may name; more than one only when a form is shared. */
  actorIds: string[];
  /**
   * True when this occurrence alone decides its actor (a full alias, a title before a surname,
   * or a surname the pack calls unambiguous). False when it counts only if the page also names
   * one of `actorIds` in full.
   */
  settled: boolean;
  /** True when this occurrence names its actor in full, which makes bare surnames count. */
  full: boolean;
}

export interface Matcher {
  /** The dictionary version the matcher was built from. */
  readonly version: string;
  /** Distinct name forms (aliases and surnames) after folding. */
  readonly aliasCount: number;
  /** Every candidate in `text`, left to right, longest form first, none overlapping. */
  find(text: string): Candidate[];
}

interface Entry {
  actor: PreparedActor;
  /** `exclude`: a longer phrase that contains one of the actor's names but means someone else. */
  kind: 'full' | 'surname' | 'exclude';
}

interface PreparedActor {
  id: string;
  isPerson: boolean;
  bareSurname: 'always' | 'in-context' | 'never';
  commonWord: boolean;
  givenNames: Set<string>;
  /** Initials of the given names, lower case: `v` for Volodymyr. */
  initials: Set<string>;
  titles: string[];
}

/**
 * A trie node. Most nodes have one child (the rest of a name), kept in `c`/`only` without a Map;
 * a node gets a Map only at its second child. That keeps the build cheap for large packs.
 */
interface TrieNode {
  /** The only child's code unit, or -1. Unused once `next` exists. */
  c: number;
  only: TrieNode | null;
  next: Map<number, TrieNode> | null;
  /** The actors whose form ends here, or null when no form ends here. */
  entries: Entry[] | null;
  /** The form ending here ends in a word character, so the page must not go on with one. */
  wordEnd: boolean;
}

const newNode = (): TrieNode => ({ c: -1, only: null, next: null, entries: null, wordEnd: false });

/** The child of `node` for folded code unit `c`. */
function childOf(node: TrieNode, c: number): TrieNode | undefined {
  if (node.next) return node.next.get(c);
  return node.c === c && node.only ? node.only : undefined;
}

/** Adds (or finds) the child of `node` for `c`. */
function addChild(node: TrieNode, c: number): TrieNode {
  const found = childOf(node, c);
  if (found) return found;
  const child = newNode();
  if (!node.next && node.only === null) {
    node.c = c;
    node.only = child;
  } else {
    if (!node.next) {
      node.next = new Map([[node.c, node.only!]]);
      node.only = null;
    }
    node.next.set(c, child);
  }
  return child;
}

/** The children of `node` with their code units. */
function childrenOf(node: TrieNode): [number, TrieNode][] {
  if (node.next) return [...node.next];
  return node.only ? [[node.c, node.only]] : [];
}

const hasChildren = (node: TrieNode) => node.next !== null || node.only !== null;

function prepareActor(a: DictionaryActor): PreparedActor {
  const givenNames = new Set(a.match.givenNames.map(foldKey).filter(Boolean));
  return {
    id: a.id,
    isPerson: a.kind === 'person',
    bareSurname: a.match.bareSurname,
    commonWord: a.match.commonWord,
    givenNames,
    initials: new Set([...givenNames].map((g) => g[0]!)),
    titles: a.match.titles.map(foldKey).filter(Boolean),
  };
}

/**
 * Builds the matcher for a dictionary. Call once per dictionary version and reuse it.
 * Forms that do not start with a word character are ignored: a name starts with a letter.
 */
export function buildMatcher(dict: Dictionary): Matcher {
  const root = newNode();
  let forms = 0;
  const add = (form: string, entry: Entry): void => {
    const key = foldKey(form);
    if (key === '' || !isWordCode(key.charCodeAt(0))) return;
    let node = root;
    for (let i = 0; i < key.length; i++) node = addChild(node, key.charCodeAt(i));
    if (!node.entries) {
      node.entries = [];
      node.wordEnd = isWordCode(key.charCodeAt(key.length - 1));
      forms++;
    }
    if (!node.entries.some((e) => e.actor.id === entry.actor.id && e.kind === entry.kind)) {
      node.entries.push(entry);
    }
  };
  for (const a of dict.actors) {
    const actor = prepareActor(a);
    for (const alias of a.aliases) add(alias, { actor, kind: 'full' });
    for (const surname of a.match.surnames) add(surname, { actor, kind: 'surname' });
    for (const phrase of a.match.exclude ?? []) add(phrase, { actor, kind: 'exclude' });
  }
  const empty = !hasChildren(root);

  /** The longest form starting at word start `i` that ends on a word boundary, or null. */
  const longestAt = (text: string, i: number): { end: number; node: TrieNode } | null => {
    const n = text.length;
    let node = childOf(root, foldCode(text.charCodeAt(i)));
    let bestEnd = -1;
    let best: TrieNode | null = null;
    let j = i + 1;
    while (node) {
      if (node.entries && !(node.wordEnd && j < n && isWordCode(text.charCodeAt(j)))) {
        bestEnd = j;
        best = node;
      }
      if (!hasChildren(node) || j >= n) break;
      let d = text.charCodeAt(j);
      while (isIgnorableCode(d) && j + 1 < n) d = text.charCodeAt(++j);
      if (isSpaceCode(d)) {
        let k = j + 1;
        while (k < n && (isSpaceCode(text.charCodeAt(k)) || isIgnorableCode(text.charCodeAt(k)))) {
          k++;
        }
        node = childOf(node, SPACE);
        j = k;
      } else {
        node = childOf(node, foldCode(d));
        j++;
      }
    }
    return best ? { end: bestEnd, node: best } : null;
  };

  /** Judges the form found at `i`; returns where matching goes on. */
  const take = (
    text: string,
    i: number,
    found: { end: number; node: TrieNode },
    out: Candidate[],
  ) => {
    // A form listed with its genitive apostrophe ("Merz'") is highlighted without it.
    let nameEnd = found.end;
    while (nameEnd - 1 > i && foldCode(text.charCodeAt(nameEnd - 1)) === APOSTROPHE) nameEnd--;
    const cand = judge(text, i, nameEnd, found.node.entries!);
    if (cand) out.push(cand);
    return found.end;
  };

  const filter = buildStartFilter(root);

  const find = (text: string): Candidate[] => {
    const out: Candidate[] = [];
    if (empty) return out;
    const n = text.length;
    let i = 0;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (!isWordCode(c)) {
        i++;
        continue;
      }
      // `i` is a word start: the character before it is not a word character.
      if (filter.mayStartAt(text, i)) {
        const found = longestAt(text, i);
        if (found) {
          i = take(text, i, found, out);
          continue;
        }
      }
      // Skip the rest of this word (invisible characters inside it included).
      i++;
      while (i < n) {
        const d = text.charCodeAt(i);
        if (!isWordCode(d) && !isIgnorableCode(d)) break;
        i++;
      }
    }
    return out;
  };

  return { version: dict.version, aliasCount: forms, find };
}

/** Size of the letter-pair table: one byte per slot, pairs hashed into it. */
const PAIR_TABLE_SIZE = 1 << 16;
const pairSlot = (a: number, b: number) => (a * 31 + b) & (PAIR_TABLE_SIZE - 1);

/**
 * A quick "can a form start here?" over the first two folded letters, in two typed-array
 * lookups: most words of a page start with a pair no name starts with and are skipped without
 * touching the trie. Pairs are hashed, so a rare false "yes" only costs a trie lookup.
 */
function buildStartFilter(root: TrieNode) {
  const firstOnly = new Uint8Array(0x10000); // first letters whose forms the pair cannot judge
  const pairs = new Uint8Array(PAIR_TABLE_SIZE);
  for (const [first, node] of childrenOf(root)) {
    if (node.entries) firstOnly[first] = 1; // a one-letter form
    for (const [second] of childrenOf(node)) {
      // After the first letter a page may put any white space, apostrophe or hyphen variant.
      if (second === SPACE || second === APOSTROPHE || second === HYPHEN_CODE) firstOnly[first] = 1;
      else pairs[pairSlot(first, second)] = 1;
    }
  }
  return {
    mayStartAt(text: string, i: number): boolean {
      const first = foldCode(text.charCodeAt(i));
      if (firstOnly[first] === 1 || i + 1 >= text.length) return true;
      const next = text.charCodeAt(i + 1);
      if (isIgnorableCode(next)) return true; // "Ze\u00ADlensky": let the trie step over it
      return pairs[pairSlot(first, foldCode(next))] === 1;
    },
  };
}

/** Capitalised words before a surname that are not a given name: they do not make it someone else. */
const NEUTRAL_WORDS = new Set(
  (
    'a an the and but or nor so yet for of in on at by to from with without as if when while after before since ' +
    'until because although though then now today yesterday tomorrow tonight meanwhile however still also even ' +
    'only just why how what where who whom whose which that this these those both either neither not no yes ' +
    'said says asked told according under over against between about during like unlike per via let has had ' +
    'have is was were will would could should can may might must did does do it he she they we i you his her ' +
    'their our my your its all some many most more few several every each any other another new old watch read ' +
    'see video photo photos opinion analysis live update updates breaking exclusive interview news dear thanks ' +
    'whether once here there later earlier last next first second third finally then instead separately ' +
    'afterwards previously recently currently ultimately meanwhile overall indeed perhaps maybe ' +
    'certainly clearly nevertheless nonetheless moreover furthermore besides otherwise thus hence ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april june july august ' +
    'september october november december ' +
    'mr mrs ms miss mx dr sir dame lord lady prof professor president chancellor minister prime secretary ' +
    'senator sen rep representative governor gov mayor general gen admiral colonel col leader king queen ' +
    'prince princess pope premier ambassador envoy commissioner chairman chairwoman chair speaker judge ' +
    'justice former ex vice deputy acting elect candidate nominee comrade ' +
    'american russian ukrainian german french british english chinese european israeli palestinian iranian ' +
    'polish italian spanish turkish indian japanese korean canadian mexican brazilian hungarian belarusian ' +
    'nato eu un us uk kremlin'
  ).split(' '),
);

/** Abbreviations whose full stop does not end a sentence. */
const ABBREVIATIONS = new Set(
  'mr mrs ms dr st sen rep gov gen col lt sgt capt adm pres prof jr sr u.s u.k vs no'.split(' '),
);

/** Characters that may open a sentence's first word: quotes and brackets. */
const OPENERS = '"\'“”‘’«»„‹›([{¡¿*';
/** Characters after which the next word starts a sentence or a headline. */
const SENTENCE_ENDS = '.!?…:|•·';

function isSpace(ch: string | undefined): boolean {
  return ch !== undefined && /\s/.test(ch);
}

function hasLower(s: string): boolean {
  for (const ch of s) if (isLowerChar(ch)) return true;
  return false;
}

/** The whitespace-separated token right before `start`, or null when punctuation touches the name. */
function previousToken(text: string, start: number): string | null {
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

/** How far back a title may start, in characters: longer than any title a pack lists. */
const TITLE_WINDOW = 120;

/** The folded text right before `start`, where a title would stand. */
function foldBefore(text: string, start: number): string {
  return foldKey(text.slice(Math.max(0, start - TITLE_WINDOW), start));
}

/** True when one of `titles` (folded) ends the folded text `window`: "Chancellor Merz". */
function titleBefore(window: string, titles: readonly string[]): boolean {
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
function inflectedGivenName(key: string, givenNames: ReadonlySet<string>): boolean {
  for (const g of givenNames) {
    if (g.length >= MIN_STEM && key.length - g.length <= MAX_INFLECTION && key.startsWith(g)) {
      return true;
    }
  }
  return false;
}

/** Share of words capitalised for a text to read as Title Case (small words aside). */
const TITLE_CASE_SHARE = 0.9;
/** Words Title Case styles leave in lower case; they say nothing either way. */
const TITLE_CASE_SMALL = new Set(
  'and the for nor but yet with from into over onto upon amid via per off out'.split(' '),
);
let titleCaseText = '';
let titleCaseResult = false;

/**
 * True for a Title Case headline ("Merz Meets Zelenskyy In Berlin"): there every word is
 * capitalised, so a capitalised word before a surname is no sign of another person's given
 * name, except where the pair opens the headline ("Ivanka Trump Speaks"). Cached per text.
 */
function isTitleCase(text: string): boolean {
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

/** True when the word ending before `end` (exclusive, pointing at white space) opens its sentence. */
function opensText(text: string, end: number): boolean {
  let i = end;
  while (i > 0 && !isSpace(text[i - 1])) i--;
  return isSentenceInitial(text, i);
}

/** "Donald Trump Jr." is someone else. */
const PERSON_SUFFIX_RE = /^,?\s+(?:jr|sr)\b/i;

interface Option {
  id: string;
  settled: boolean;
  full: boolean;
}

/** Applies the disambiguation rules to one occurrence of a known form. */
function judge(text: string, start: number, end: number, all: Entry[]): Candidate | null {
  // An excluded phrase ("Donald Trump Jr.") is the longest match and takes its text out of play
  // for the actor that excludes it; other actors sharing the form still count.
  const excluded = all.filter((e) => e.kind === 'exclude').map((e) => e.actor);
  const list = excluded.length ? all.filter((e) => !excluded.includes(e.actor)) : all;
  const suffix = PERSON_SUFFIX_RE.test(text.slice(end, end + 6));
  const options: Option[] = [];
  const fulls = list.filter((e) => e.kind === 'full');
  if (fulls.length > 0) {
    for (const e of fulls) {
      if (e.actor.isPerson && suffix) continue;
      options.push({ id: e.actor.id, settled: true, full: true });
    }
  } else {
    const word = text.slice(start, end);
    // A bare surname is a name only when capitalised: "trump card" is not Donald Trump.
    if (!isUpperChar(word[0]!)) return null;
    const caseless = !hasLower(word); // ZELENSKYY: case says nothing in an all-caps headline
    const initial = caseless || isSentenceInitial(text, start);
    const prev = previousToken(text, start);
    let before: string | undefined; // the folded text before the name, for titles
    for (const e of list) {
      const a = e.actor;
      if (a.bareSurname === 'never' || (a.isPerson && suffix)) continue;
      const titled =
        a.titles.length > 0 && titleBefore((before ??= foldBefore(text, start)), a.titles);
      let given = false;
      if (!titled && prev !== null) {
        const key = foldKey(prev);
        const bare = key.replace(/\.$/, '');
        if (bare.length === 1 && isUpperChar(prev[0]!)) {
          // An initial: "V. Zelenskyy" is him, "J. Zelenskyy" someone else.
          if (!a.initials.has(bare)) continue;
          given = true;
        } else if (isUpperChar(prev[0]!) && hasLower(prev) && isWordCharAt(prev, prev.length - 1)) {
          if (a.givenNames.has(key) || inflectedGivenName(key, a.givenNames)) given = true;
          else if (
            !NEUTRAL_WORDS.has(key) &&
            !key.endsWith("'s") &&
            !(isTitleCase(text) && !opensText(text, start - prev.length - 1))
          ) {
            continue; // Ivanka Trump
          }
        }
      }
      if (given) {
        options.push({ id: a.id, settled: true, full: true });
        continue;
      }
      if (a.commonWord && initial && !titled) {
        options.push({ id: a.id, settled: false, full: false });
        continue;
      }
      options.push({ id: a.id, settled: titled || a.bareSurname === 'always', full: false });
    }
  }
  if (options.length === 0) return null;
  const settled = options.filter((o) => o.settled);
  if (settled.length === 1) {
    const o = settled[0]!;
    return { start, end, actorIds: [o.id], settled: true, full: o.full };
  }
  const pool = settled.length > 1 ? settled : options;
  return { start, end, actorIds: pool.map((o) => o.id), settled: false, full: false };
}
