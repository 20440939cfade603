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
import type { Dictionary, DictionaryActor } from '../views';
import {
  APOSTROPHE,
  HYPHEN_CODE,
  SPACE,
  foldCode,
  foldKey,
  isIgnorableCode,
  isSpaceCode,
  isLowerChar,
  isUpperChar,
  isWordCode,
} from './normalize';
import { surnameForms } from './inflection';
import { afterNamesakes } from './namesakes';
import { judge, prepareActor, type Candidate, type Entry, type RuleActor } from './rules';

export interface Matcher {
  /** The dictionary version the matcher was built from. */
  readonly version: string;
  /** Distinct name forms (aliases and surnames) after folding. */
  readonly aliasCount: number;
  /** Every candidate in `text`, left to right, longest form first, none overlapping. */
  find(text: string): Candidate[];
}

/** Node id of the trie's root. */
const ROOT = 0;
/**
 * "No node" in the flat arrays: the root is never anyone's child, so its id can mean none, and
 * freshly allocated (zeroed) arrays need no filling. Entry lists number their items from 1.
 */
const NONE = 0;

/** Kinds of form, in the order of their number in an entry reference. */
const KINDS: readonly Entry['kind'][] = ['full', 'surname', 'exclude'];

/**
 * The trie of folded forms, in flat typed arrays rather than an object and a Map per node: a
 * pack of 50,000 forms has hundreds of thousands of nodes, and as objects they outgrew the young
 * generation, so the garbage collector made the build worse than linear. Node `n`'s children
 * are a list (`firstChild`, then `nextSibling`, each with its code unit in `code`); the root's
 * children, as many as the first letters of all forms, are also in a table by code unit. Below
 * the first letters most nodes have one child, so a lookup reads one or two slots. The arrays
 * are allocated once, as long as the forms' total length (the most nodes they can need), and
 * trimmed after the build; the forms go in sorted (`insertSorted`), so no child is looked up
 * while building and the nodes of one form lie side by side.
 *
 * The actors whose form ends at a node are numbers too (actor index × 3 + kind); the rules'
 * `Entry` objects, with the actor's folded policy, are made the first time a page holds one of
 * the actor's forms, so a build allocates next to nothing per form and nothing per actor.
 */
class FlatTrie {
  /** Nodes in use; node 0 is the root. */
  size = 1;
  code: Uint16Array;
  firstChild: Int32Array;
  nextSibling: Int32Array;
  /** The form ending at the node ends in a word character (1), so the page must not go on with one. */
  wordEnd: Uint8Array;
  /** The first item of the node's list of entries (actors whose form ends there), or NONE. */
  entryHead: Int32Array;
  /** The root's child for each code unit, or NONE. */
  readonly rootChild = new Int32Array(0x10000);
  /** Entry lists: each item's entry reference (actor index × 3 + kind), and the next item. */
  private entryRef: Int32Array;
  private entryNext: Int32Array;
  /** Items in use; item 0 is never used (NONE). */
  private entryCount = 1;
  /** `Entry` objects by reference and entry arrays by node, made on first use. */
  private readonly entryObjects = new Map<number, Entry>();
  private readonly lists = new Map<number, Entry[]>();
  private readonly prepared = new Map<number, RuleActor>();

  /**
   * @param codeUnits the forms' total length: no form has more nodes than code units, so the
   *   arrays are allocated once, at their largest, and trimmed when the build is done
   * @param forms the number of forms: at most one entry each
   */
  constructor(
    private readonly actors: readonly DictionaryActor[],
    codeUnits: number,
    forms: number,
  ) {
    const nodes = codeUnits + 1;
    this.code = new Uint16Array(nodes);
    this.firstChild = new Int32Array(nodes);
    this.nextSibling = new Int32Array(nodes);
    this.wordEnd = new Uint8Array(nodes);
    this.entryHead = new Int32Array(nodes);
    this.entryRef = new Int32Array(forms + 1);
    this.entryNext = new Int32Array(forms + 1);
  }

  /** The child of `node` for folded code unit `c`, or NONE. */
  child(node: number, c: number): number {
    if (node === ROOT) return this.rootChild[c]!;
    for (let k = this.firstChild[node]!; k !== NONE; k = this.nextSibling[k]!) {
      if (this.code[k] === c) return k;
    }
    return NONE;
  }

  hasChildren(node: number): boolean {
    return this.firstChild[node] !== NONE;
  }

  /** Makes a new child of `node` for `c`; the caller knows there is none yet. */
  newChild(node: number, c: number): number {
    const n = this.size++;
    this.code[n] = c;
    this.nextSibling[n] = this.firstChild[node]!;
    this.firstChild[node] = n;
    if (node === ROOT) this.rootChild[c] = n;
    return n;
  }

  /** The children of `node`: code units and node ids. */
  *children(node: number): Generator<[number, number]> {
    for (let k = this.firstChild[node]!; k !== NONE; k = this.nextSibling[k]!) {
      yield [this.code[k]!, k];
    }
  }

  /** Adds an entry reference to the node's list unless it is there already. */
  addEntry(node: number, ref: number): void {
    for (let k = this.entryHead[node]!; k !== NONE; k = this.entryNext[k]!) {
      if (this.entryRef[k] === ref) return;
    }
    const k = this.entryCount++;
    this.entryRef[k] = ref;
    this.entryNext[k] = this.entryHead[node]!;
    this.entryHead[node] = k;
  }

  hasEntries(node: number): boolean {
    return this.entryHead[node] !== NONE;
  }

  /** The actors whose form ends at `node`, in the order their forms were added. */
  entriesAt(node: number): Entry[] {
    let list = this.lists.get(node);
    if (!list) {
      list = [];
      for (let k = this.entryHead[node]!; k !== NONE; k = this.entryNext[k]!) {
        list.push(this.entry(this.entryRef[k]!));
      }
      list.reverse();
      this.lists.set(node, list);
    }
    return list;
  }

  /** Every surname form (folded) of every actor, filled at build: the rules read it. */
  readonly allSurnames = new Set<string>();

  /** The `Entry` of a reference; one object per actor and kind, each actor prepared once. */
  private entry(ref: number): Entry {
    let e = this.entryObjects.get(ref);
    if (!e) {
      const index = Math.floor(ref / KINDS.length);
      let actor = this.prepared.get(index);
      if (!actor) {
        actor = prepareActor(this.actors[index]!, this.allSurnames);
        this.prepared.set(index, actor);
      }
      e = { actor, kind: KINDS[ref % KINDS.length]! };
      this.entryObjects.set(ref, e);
    }
    return e;
  }

  /** Gives back the room no node and no entry took, once every form is in. */
  trim(): void {
    const n = this.size;
    this.code = this.code.slice(0, n);
    this.firstChild = this.firstChild.slice(0, n);
    this.nextSibling = this.nextSibling.slice(0, n);
    this.wordEnd = this.wordEnd.slice(0, n);
    this.entryHead = this.entryHead.slice(0, n);
    this.entryRef = this.entryRef.slice(0, this.entryCount);
    this.entryNext = this.entryNext.slice(0, this.entryCount);
  }
}

/**
 * Adds the keys to the trie in sorted order, so that each key shares its prefix with the one
 * before it: the nodes of that prefix are taken from the previous key's path, and every other
 * code unit makes a new node. No child is ever looked up, so the build touches each node once,
 * in the order it is laid out, whatever the size of the dictionary; only the sort is n log n.
 * Returns the number of distinct keys.
 */
function insertSorted(trie: FlatTrie, keys: readonly string[], refs: readonly number[]): number {
  const order = keys.map((_, i) => i);
  // Stable: equal keys keep the dictionary's order, which the rules see their actors in.
  order.sort((x, y) => (keys[x]! < keys[y]! ? -1 : keys[x]! > keys[y]! ? 1 : 0));
  let longest = 0;
  for (const key of keys) longest = Math.max(longest, key.length);
  const path = new Int32Array(longest + 1);
  let prev = '';
  let distinct = 0;
  for (const i of order) {
    const key = keys[i]!;
    let shared = 0;
    const limit = Math.min(key.length, prev.length);
    while (shared < limit && key.charCodeAt(shared) === prev.charCodeAt(shared)) shared++;
    let node = path[shared]!;
    for (let j = shared; j < key.length; j++) {
      node = trie.newChild(node, key.charCodeAt(j));
      path[j + 1] = node;
    }
    if (!trie.hasEntries(node)) {
      trie.wordEnd[node] = isWordCode(key.charCodeAt(key.length - 1)) ? 1 : 0;
      distinct++;
    }
    trie.addEntry(node, refs[i]!);
    prev = key;
  }
  return distinct;
}

/**
 * Builds the matcher for a dictionary. Call once per dictionary version and reuse it.
 * Forms that do not start with a word character are ignored: a name starts with a letter.
 */
export function buildMatcher(dict: Dictionary): Matcher {
  if (dict.vocabulary) useVocabulary(dict.vocabulary);
  const keys: string[] = [];
  const refs: number[] = [];
  let codeUnits = 0;
  const add = (form: string, ref: number): void => {
    const key = foldKey(form);
    if (key === '' || !isWordCode(key.charCodeAt(0))) return;
    keys.push(key);
    refs.push(ref);
    codeUnits += key.length;
  };
  dict.actors.forEach((a, index) => {
    const ref = index * KINDS.length;
    for (const alias of a.aliases) add(alias, ref);
    for (const surname of surnameForms(a.match)) add(surname, ref + 1);
    for (const phrase of a.match.exclude ?? []) add(phrase, ref + 2);
  });
  const trie = new FlatTrie(dict.actors, codeUnits, keys.length);
  for (let k = 0; k < keys.length; k++)
    if (refs[k]! % KINDS.length === 1) trie.allSurnames.add(keys[k]!);
  const forms = insertSorted(trie, keys, refs);
  trie.trim();
  const empty = !trie.hasChildren(ROOT);

  /** The longest form starting at word start `i` that ends on a word boundary, or null. */
  const longestAt = (text: string, i: number): { end: number; node: number } | null => {
    const n = text.length;
    let node = trie.child(ROOT, foldCode(text.charCodeAt(i)));
    let bestEnd = -1;
    let best = NONE;
    let j = i + 1;
    while (node !== NONE) {
      if (
        trie.hasEntries(node) &&
        !(
          trie.wordEnd[node] === 1 &&
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
      if (filter.mayStartAt(text, i)) {
        const found = longestAt(text, i);
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

  return { version: dict.version, aliasCount: forms, find };
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

/** Size of the letter-pair table: one byte per slot, pairs hashed into it. */
const PAIR_TABLE_SIZE = 1 << 16;
const pairSlot = (a: number, b: number) => (a * 31 + b) & (PAIR_TABLE_SIZE - 1);

/**
 * A quick "can a form start here?" over the first two folded letters, in two typed-array
 * lookups: most words of a page start with a pair no name starts with and are skipped without
 * touching the trie. Pairs are hashed, so a rare false "yes" only costs a trie lookup.
 */
function buildStartFilter(trie: FlatTrie) {
  const firstOnly = new Uint8Array(0x10000); // first letters whose forms the pair cannot judge
  const pairs = new Uint8Array(PAIR_TABLE_SIZE);
  for (const [first, node] of trie.children(ROOT)) {
    if (trie.hasEntries(node)) firstOnly[first] = 1; // a one-letter form
    for (const [second] of trie.children(node)) {
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
