/**
 * The trie of name forms as flat typed arrays, built in one sorted pass, and the letter-pair
 * filter that tells the walk where no form can start. The walk over page text and the rules are
 * ./matcher.ts; docs/spotting.md documents both.
 */
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
import { surnameForms } from './inflection';
import { prepareActor, type Entry, type RuleActor } from './rules';
import type { DictionaryActor } from '../views';

/** Kinds of form, in the order of their number in an entry reference. */
export const KINDS: readonly Entry['kind'][] = ['full', 'surname', 'exclude'];

/** Node id of the trie's root. */
export const ROOT = 0;
/** "No node": the root is never anyone's child, so its id can mean none. */
export const NONE = 0;

/** Node flags. */
const HAS_CHILDREN = 1;
/** Some form ends at the node: it has entries. */
const TERMINAL = 2;
/** The form ending at the node ends in a word character, so the page must not go on with one. */
const WORD_END = 4;
/** A child of the root whose forms the letter-pair filter cannot judge (see `buildStartFilter`). */
const FIRST_ONLY = 8;

/**
 * The trie of folded forms, in a few flat typed arrays sized exactly once: no object, `Map` or
 * list per node, nothing to trim or copy after the build.
 *
 * The forms go in sorted (`FlatTrie.build`), so the nodes are numbered in depth-first order,
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
 * the rules read with the first of them: the build allocates next to nothing per form, and a
 * page that names nobody never pays for the rules' data.
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
  /** Every surname form (folded) of every actor, made with the first `Entry` (see `entry`). */
  private allSurnames: Set<string> | null = null;

  /** Builds the trie of the dictionary's folded forms. */
  constructor(
    private readonly actors: readonly DictionaryActor[],
    folded: FoldedForms,
  ) {
    const { units, start, refs } = folded;
    // Sorted by code unit, as strings sort; equal forms keep the dictionary's order, which
    // the rules see their actors in.
    const order = sortFolds(units, start, folded.count);

    // First pass: how much each form shares with the one before it, hence the exact number of
    // nodes (every code unit past the shared prefix is a new node) and of distinct forms.
    const n = order.length;
    const shared = new Int32Array(n);
    let nodes = 1;
    let distinct = 0;
    let longest = 0;
    let prev = 0; // the fold before, as start[prev] to start[prev + 1]
    for (let s = 0; s < n; s++) {
      const i = order[s]!;
      const len = start[i + 1]! - start[i]!;
      const limit = s === 0 ? 0 : Math.min(len, start[prev + 1]! - start[prev]!);
      let l = 0;
      while (l < limit && units[start[i]! + l] === units[start[prev]! + l]) l++;
      shared[s] = l;
      // Sorted, a form is either the one before it again or goes on past what they share.
      if (l < len) {
        nodes += len - l;
        distinct++;
      }
      longest = Math.max(longest, len);
      prev = i;
    }
    this.size = nodes;
    this.code = new Uint16Array(nodes);
    this.nextSibling = new Int32Array(nodes);
    this.flags = new Uint8Array(nodes);
    this.terminals = new Int32Array(distinct);
    this.entryStart = new Int32Array(distinct + 1);
    const entryRefs = new Int32Array(n);

    // Second pass: the nodes, in depth-first order. `path[d]` is the previous form's node at
    // depth d; a form that leaves it at depth l gets a new child of path[l], the next sibling
    // of the previous form's node at depth l + 1 (the parent's last child so far) if there is
    // one, else the parent's first child, which is then the node right after the parent.
    const path = new Int32Array(longest + 1);
    let size = 1;
    let depth = 0; // length of the previous form
    let t = -1; // the last terminal
    let entries = 0;
    const pages: number[] = [];
    for (let s = 0; s < n; s++) {
      const i = order[s]!;
      const from = start[i]!;
      const len = start[i + 1]! - from;
      const l = shared[s]!;
      let node = path[l]!;
      if (l < len) {
        if (l < depth) this.nextSibling[path[l + 1]!] = size;
        else this.flags[node]! |= HAS_CHILDREN;
        for (let j = l; j < len; j++) {
          if (j > l) this.flags[node]! |= HAS_CHILDREN;
          const c = units[from + j]!;
          this.code[size] = c;
          if (j === 0) pages[c >> 8] = 1;
          node = size++;
          path[j + 1] = node;
        }
      }
      if (t < 0 || this.terminals[t] !== node) {
        this.terminals[++t] = node;
        this.entryStart[t] = entries;
        this.flags[node]! |= TERMINAL | (isWordCode(units[from + len - 1]!) ? WORD_END : 0);
      }
      // The same form listed twice for one actor and kind is one entry.
      const ref = refs[i]!;
      let known = false;
      for (let k = this.entryStart[t]!; k < entries; k++) known ||= entryRefs[k] === ref;
      if (!known) entryRefs[entries++] = ref;
      depth = len;
    }
    this.entryStart[distinct] = entries;
    this.entryRefs = entries === n ? entryRefs : entryRefs.slice(0, entries);
    this.forms = distinct;

    // The root's children by code unit, and the filter's flag for first letters.
    let used = 0;
    for (let hi = 0; hi < 256; hi++) if (pages[hi] === 1) this.rootPage[hi] = ++used;
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

  /** The `Entry` of a reference; one object per actor and kind, each actor prepared once. */
  private entry(ref: number): Entry {
    let e = this.entryObjects.get(ref);
    if (!e) {
      this.allSurnames ??= surnamesOf(this.actors);
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
}

/**
 * The forms of a dictionary folded (as `foldKey` folds them) one after another into one array
 * of code units, with their entry references: no string per form. Form i is `units` from
 * `start[i]` to `start[i + 1]`. A form is left out when nothing is left of it or it does not
 * start with a word character (a name starts with a letter).
 *
 * Forms are added one by one (`add`) into arrays made once with room for `room` forms of
 * `unitRoom` code units in all, which the caller counts first: no list of the forms as strings
 * (at tens of thousands of forms such lists grew, were copied and faulted in fresh memory), and
 * nothing allocated or copied per form. A form past the room is lost.
 */
export class FoldedForms {
  readonly units: Uint16Array;
  readonly start: Int32Array;
  readonly refs: Int32Array;
  count = 0;

  constructor(
    forms: readonly string[] = [],
    refs: readonly number[] = [],
    room = forms.length,
    unitRoom = forms.reduce((sum, form) => sum + form.length, 0),
  ) {
    this.units = new Uint16Array(unitRoom);
    this.start = new Int32Array(room + 1);
    this.refs = new Int32Array(room);
    for (let i = 0; i < forms.length; i++) this.add(forms[i]!, refs[i]!);
  }

  /** Folds `form` in with entry reference `ref` (or leaves it out; see the class). */
  add(form: string, ref: number): void {
    // Folding never lengthens a form.
    const from = this.start[this.count]!;
    const end = foldInto(form, this.units, from);
    if (end === from || !isWordCode(this.units[from]!)) return;
    this.refs[this.count] = ref;
    this.start[++this.count] = end;
  }
}

/** Every surname form of every actor, folded (what the build leaves out, left out here). */
function surnamesOf(actors: readonly DictionaryActor[]): Set<string> {
  const out = new Set<string>();
  for (const a of actors) {
    for (const form of surnameForms(a.match)) {
      const key = foldKey(form);
      if (key !== '' && isWordCode(key.charCodeAt(0))) out.add(key);
    }
  }
  return out;
}

/** Folds `s` into `units` from `at`, as `foldKey` does; returns where the fold ends. */
function foldInto(s: string, units: Uint16Array, at: number): number {
  let end = at;
  let pendingSpace = false;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (isIgnorableCode(c)) continue;
    if (isSpaceCode(c)) {
      pendingSpace = end > at;
      continue;
    }
    if (pendingSpace) units[end++] = SPACE;
    pendingSpace = false;
    units[end++] = foldCode(c);
  }
  return end;
}

/**
 * The folds' indices sorted by code unit, as strings sort, equal folds in index order: a
 * most-significant-digit radix sort. Each group of folds that agree up to depth d is
 * distributed by its code unit at d (stably, so equal folds keep their order) into groups that
 * go on to d + 1, until every group holds one fold or equal ones. It reads each fold up to where it
 * differs from the others, no comparison callback and no n log n: the build's time per form
 * stays the same from hundreds of forms to tens of thousands. A group's counts span only the
 * code units it holds (a few dozen slots within one script).
 */
export function sortFolds(units: Uint16Array, start: Int32Array, count: number): Int32Array {
  const order = new Int32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  let top = 0;
  for (let k = start[count]! - 1; k >= 0; k--) if (units[k]! > top) top = units[k]!;
  // A fold's key at depth d: its code unit there plus 1, or 0 where it has ended.
  const counts = new Int32Array(top + 2);
  const keys = new Int32Array(count);
  const moved = new Int32Array(count);
  const groups = count > 1 ? [0, count, 0] : []; // lo, hi, depth of each group left to sort
  while (groups.length > 0) {
    const d = groups.pop()!;
    const hi = groups.pop()!;
    const lo = groups.pop()!;
    let min = top + 1;
    let max = 0;
    for (let p = lo; p < hi; p++) {
      const i = order[p]!;
      const at = start[i]! + d;
      const key = at < start[i + 1]! ? units[at]! + 1 : 0;
      keys[p] = key;
      counts[key]!++;
      if (key < min) min = key;
      if (key > max) max = key;
    }
    if (min === max) {
      // One key: all of them go on (or all ended here: equal folds, already in order).
      counts[min] = 0;
      if (min !== 0) groups.push(lo, hi, d + 1);
      continue;
    }
    let at = lo;
    for (let k = min; k <= max; k++) {
      const c = counts[k]!;
      counts[k] = at;
      at += c;
    }
    for (let p = lo; p < hi; p++) moved[counts[keys[p]!]!++] = order[p]!;
    order.set(moved.subarray(lo, hi), lo);
    // counts[k] is now where group k ends. Key 0: folds that ended, equal, in order.
    let from = lo;
    for (let k = min; k <= max; k++) {
      const to = counts[k]!;
      counts[k] = 0;
      if (k !== 0 && to - from > 1) groups.push(from, to, d + 1);
      from = to;
    }
  }
  return order;
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
