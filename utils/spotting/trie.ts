/**
 * The trie of name forms as flat typed arrays, built in one sorted pass, and the letter-pair
 * filter that tells the walk where no form can start. The walk over page text and the rules are
 * ./matcher.ts; docs/spotting.md documents both.
 */
import { APOSTROPHE, HYPHEN_CODE, SPACE, foldCode, isIgnorableCode, isWordCode } from './normalize';
import { prepareActor, type Entry, type RuleActor } from './rules';
import type { DictionaryActor } from '../views';

/** Kinds of form, in the order of their number in an entry reference. */
export const KINDS: readonly Entry['kind'][] = ['full', 'surname', 'exclude'];

/** Node id of the trie's root. */
export const ROOT = 0;
/**
 * "No node" in the flat arrays: the root is never anyone's child, so its id can mean none, and
 * freshly allocated (zeroed) arrays need no filling. Entry lists number their items from 1.
 */
export const NONE = 0;

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
export class FlatTrie {
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
export function insertSorted(
  trie: FlatTrie,
  keys: readonly string[],
  refs: readonly number[],
): number {
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

/** Size of the letter-pair table: one byte per slot, pairs hashed into it. */
const PAIR_TABLE_SIZE = 1 << 16;
const pairSlot = (a: number, b: number) => (a * 31 + b) & (PAIR_TABLE_SIZE - 1);

/**
 * A quick "can a form start here?" over the first two folded letters, in two typed-array
 * lookups: most words of a page start with a pair no name starts with and are skipped without
 * touching the trie. Pairs are hashed, so a rare false "yes" only costs a trie lookup.
 */
export function buildStartFilter(trie: FlatTrie) {
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
