/**
 * The trie of name forms as flat typed arrays, and the letter-pair filter that tells the walk
 * where no form can start. The arrays are built once per dictionary version (./trie-build.ts),
 * by the background, which stores them with the dictionary (./stored-tables.ts): a page reads
 * them and never builds. The walk over page text and the rules are ./matcher.ts;
 * docs/spotting.md documents both.
 */
import { APOSTROPHE, HYPHEN_CODE, SPACE, foldCode, isIgnorableCode } from './normalize';
import { prepareActor, type Entry, type RuleActor, type SurnameLookup } from './rules';
import type { DictionaryActor } from '../views';

/** Kinds of form, in the order of their number in an entry reference. */
export const KINDS: readonly Entry['kind'][] = ['full', 'surname', 'exclude'];

/** Node id of the trie's root. */
export const ROOT = 0;
/** "No node": the root is never anyone's child, so its id can mean none. */
export const NONE = 0;

/** Node flags. */
export const HAS_CHILDREN = 1;
/** Some form ends at the node: it has entries. */
export const TERMINAL = 2;
/** The form ending at the node ends in a word character, so the page must not go on with one. */
export const WORD_END = 4;
/** A child of the root whose forms the letter-pair filter cannot judge (see `buildStartFilter`). */
const FIRST_ONLY = 8;

/**
 * The trie's arrays, as the build makes them (`buildTrieTables`, ./trie-build.ts) and a page reads
 * them back from storage (`readTables`, ./stored-tables.ts). The layout is `FlatTrie`'s.
 */
export interface TrieTables {
  /** Nodes; node 0 is the root. */
  readonly size: number;
  /** Distinct forms (nodes where a form ends). */
  readonly forms: number;
  /** Each node's folded code unit. */
  readonly code: Uint16Array;
  /** Each node's next sibling, or NONE. */
  readonly nextSibling: Int32Array;
  /** Each node's flags (HAS_CHILDREN, TERMINAL, WORD_END). */
  readonly flags: Uint8Array;
  /** Nodes where a form ends, ascending. */
  readonly terminals: Int32Array;
  /** Where each terminal's entries start in `entryRefs`; one more at the end. */
  readonly entryStart: Int32Array;
  /** Entry references (actor index × 3 + kind), by terminal, in dictionary order. */
  readonly entryRefs: Int32Array;
}

/**
 * The trie of folded forms, in a few flat typed arrays sized exactly once: no object, `Map` or
 * list per node, nothing to trim or copy after the build.
 *
 * The forms go in sorted (`buildTrieTables`), so the nodes are numbered in depth-first order,
 * children in the order of their code unit: a node's first child is always the next node, and
 * each node keeps only its code unit, its next sibling and a byte of flags (7 bytes a node).
 * Below the first letters most nodes have one child, so a lookup reads one or two slots. The
 * root's children are also in a small table by code unit, one page of 256 per high byte in use,
 * for the walk's first step at every word start.
 *
 * The nodes where a form ends come in increasing order too, so their entry lists are one array
 * in that order, found by binary search (only where a form was found on the page). An entry is
 * a number (actor index × 3 + kind); the rules' `Entry` objects, with the actor's folded policy,
 * are made the first time a page holds one of the actor's forms, and the set of every surname
 * the rules read with the first of them: a page that names nobody never pays for the rules'
 * data. Made from stored arrays, the trie itself only builds the root's table.
 */
export class FlatTrie {
  /** Nodes; node 0 is the root. */
  readonly size: number;
  /** Distinct forms (nodes where a form ends). */
  readonly forms: number;
  readonly code: Uint16Array;
  readonly nextSibling: Int32Array;
  readonly flags: Uint8Array;
  /** Nodes where a form ends, ascending, and where each one's entries start in `entryRefs`. */
  private readonly terminals: Int32Array;
  private readonly entryStart: Int32Array;
  private readonly entryRefs: Int32Array;
  /** Root children by code unit: `rootPage[c >> 8]` is 1 + the page in `rootTable`, or 0. */
  private readonly rootPage = new Uint16Array(256);
  private readonly rootTable: Int32Array;
  /** `Entry` objects by reference and entry arrays by node, made on first use. */
  private readonly entryObjects = new Map<number, Entry>();
  private readonly lists = new Map<number, Entry[]>();
  private readonly prepared = new Map<number, RuleActor>();
  /** Whether a folded word is a surname form of any actor: the rules ask it (`entry`). */
  readonly surnames: SurnameLookup = { has: (key) => this.isSurname(key) };

  constructor(
    private readonly actors: readonly DictionaryActor[],
    tables: TrieTables,
  ) {
    this.size = tables.size;
    this.forms = tables.forms;
    this.code = tables.code;
    this.nextSibling = tables.nextSibling;
    this.flags = tables.flags;
    this.terminals = tables.terminals;
    this.entryStart = tables.entryStart;
    this.entryRefs = tables.entryRefs;

    // The root's children by code unit, and the filter's flag for first letters.
    let used = 0;
    for (let k = this.firstChild(ROOT); k !== NONE; k = this.nextSibling[k]!) {
      const hi = this.code[k]! >> 8;
      if (this.rootPage[hi] === 0) this.rootPage[hi] = ++used;
    }
    this.rootTable = new Int32Array(used * 256);
    for (let k = this.firstChild(ROOT); k !== NONE; k = this.nextSibling[k]!) {
      const c = this.code[k]!;
      this.rootTable[((this.rootPage[c >> 8]! - 1) << 8) | (c & 255)] = k;
      // A one-letter form, or a form whose second character a page may write as any white
      // space, apostrophe or hyphen variant: the letter-pair filter cannot judge these.
      let firstOnly = (this.flags[k]! & TERMINAL) !== 0;
      for (let m = this.firstChild(k); m !== NONE; m = this.nextSibling[m]!) {
        const d = this.code[m];
        firstOnly ||= d === SPACE || d === APOSTROPHE || d === HYPHEN_CODE;
      }
      if (firstOnly) this.flags[k]! |= FIRST_ONLY;
    }
  }

  /** The first child of `node`, or NONE. */
  firstChild(node: number): number {
    return (this.flags[node]! & HAS_CHILDREN) !== 0 ? node + 1 : NONE;
  }

  /** The child of `node` for folded code unit `c`, or NONE. */
  child(node: number, c: number): number {
    if (node === ROOT) {
      const page = this.rootPage[c >> 8]!;
      return page === 0 ? NONE : this.rootTable[((page - 1) << 8) | (c & 255)]!;
    }
    if ((this.flags[node]! & HAS_CHILDREN) === 0) return NONE;
    for (let k = node + 1; k !== NONE; k = this.nextSibling[k]!) {
      if (this.code[k] === c) return k;
    }
    return NONE;
  }

  hasChildren(node: number): boolean {
    return (this.flags[node]! & HAS_CHILDREN) !== 0;
  }

  hasEntries(node: number): boolean {
    return (this.flags[node]! & TERMINAL) !== 0;
  }

  /** Whether the form ending at `node` ends in a word character. */
  endsInWord(node: number): boolean {
    return (this.flags[node]! & WORD_END) !== 0;
  }

  /** Whether `node`, a child of the root, starts forms the letter-pair filter cannot judge. */
  firstOnly(node: number): boolean {
    return (this.flags[node]! & FIRST_ONLY) !== 0;
  }

  /** The entry references at `node` (none unless a form ends there), in dictionary order. */
  refsAt(node: number): number[] {
    let lo = 0;
    let hi = this.forms - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const v = this.terminals[mid]!;
      if (v === node) {
        return Array.from(this.entryRefs.subarray(this.entryStart[mid], this.entryStart[mid + 1]));
      }
      if (v < node) lo = mid + 1;
      else hi = mid - 1;
    }
    return [];
  }

  /** The actors whose form ends at `node`, in the order their forms were added. */
  entriesAt(node: number): Entry[] {
    let list = this.lists.get(node);
    if (!list) {
      list = this.refsAt(node).map((ref) => this.entry(ref));
      this.lists.set(node, list);
    }
    return list;
  }

  /** Whether `key`, folded, is a form of the trie with a surname entry. */
  private isSurname(key: string): boolean {
    if (key === '') return false;
    let node = ROOT;
    for (let j = 0; j < key.length; j++) {
      node = this.child(node, key.charCodeAt(j));
      if (node === NONE) return false;
    }
    return this.hasEntries(node) && this.refsAt(node).some((ref) => ref % KINDS.length === 1);
  }

  /** The `Entry` of a reference; one object per actor and kind, each actor prepared once. */
  private entry(ref: number): Entry {
    let e = this.entryObjects.get(ref);
    if (!e) {
      const index = Math.floor(ref / KINDS.length);
      let actor = this.prepared.get(index);
      if (!actor) {
        actor = prepareActor(this.actors[index]!, this.surnames);
        this.prepared.set(index, actor);
      }
      e = { actor, kind: KINDS[ref % KINDS.length]! };
      this.entryObjects.set(ref, e);
    }
    return e;
  }
}

/** Size of the letter-pair table, in bits: pairs hashed into it. */
const PAIR_BITS = 1 << 16;
const pairSlot = (a: number, b: number) => (a * 31 + b) & (PAIR_BITS - 1);

/**
 * A quick "can a form start here?" over the first two folded letters, in two table lookups:
 * most words of a page start with a pair no name starts with and are skipped without walking
 * the trie. Pairs are hashed, so a rare false "yes" only costs a trie lookup.
 */
export function buildStartFilter(trie: FlatTrie) {
  const pairs = new Uint8Array(PAIR_BITS >> 3);
  for (let node = trie.firstChild(ROOT); node !== NONE; node = trie.nextSibling[node]!) {
    const first = trie.code[node]!;
    for (let k = trie.firstChild(node); k !== NONE; k = trie.nextSibling[k]!) {
      const slot = pairSlot(first, trie.code[k]!);
      pairs[slot >> 3]! |= 1 << (slot & 7);
    }
  }
  return {
    /** Whether a form may start at `i`; `node` is the root's child for the folded letter there. */
    mayStartAt(text: string, i: number, node: number): boolean {
      if (node === NONE) return false;
      if (trie.firstOnly(node) || i + 1 >= text.length) return true;
      const next = text.charCodeAt(i + 1);
      if (isIgnorableCode(next)) return true; // "Ze\u00ADlensky": let the trie step over it
      const slot = pairSlot(trie.code[node]!, foldCode(next));
      return (pairs[slot >> 3]! & (1 << (slot & 7))) !== 0;
    },
  };
}
