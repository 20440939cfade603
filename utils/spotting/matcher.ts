/**
 * The name matcher: a trie of every alias form, keyed by folded code units, built once per
 * dictionary version in time linear in the total length of the aliases (no RegExp to compile:
 * one alternation RegExp of 5,000 aliases took longer to compile than this whole build, and its
 * matching slowed down with every alias added). Matching walks the page text in place, tries the
 * trie only at word starts, steps over invisible characters, takes any run of white space for
 * one space, and keeps the longest form that ends on a word boundary. The disambiguation rules
 * (utils/spotting/rules.ts) judge only those few positions; docs/spotting.md documents both.
 */
import type { Dictionary } from '../views';
import {
  APOSTROPHE,
  HYPHEN_CODE,
  SPACE,
  foldCode,
  foldKey,
  isIgnorableCode,
  isSpaceCode,
  isWordCode,
} from './normalize';
import { judge, prepareActor, type Candidate, type Entry } from './rules';

export interface Matcher {
  /** The dictionary version the matcher was built from. */
  readonly version: string;
  /** Distinct name forms (aliases and surnames) after folding. */
  readonly aliasCount: number;
  /** Every candidate in `text`, left to right, longest form first, none overlapping. */
  find(text: string): Candidate[];
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
