/**
 * The build of the matcher's trie (./trie.ts) from a dictionary: every form folded into one array
 * of code units, sorted by a radix sort, the nodes made in one sorted pass. The background runs it
 * once per dictionary version and stores the arrays with the dictionary (./stored-tables.ts), so
 * a page only reads them and never builds; the `spot` commands, the bench and the draft's name
 * finder build in place (`buildMatcher`, ./matcher.ts).
 */
import type { Dictionary } from '../views';
import { surnameForms } from './inflection';
import { SPACE, foldCode, isIgnorableCode, isSpaceCode, isWordCode } from './normalize';
import { HAS_CHILDREN, KINDS, TERMINAL, WORD_END, type TrieTables } from './trie';

/**
 * The trie of a dictionary's forms: every alias, every surname form (inflected ones included)
 * and every excluded phrase of every actor. Forms that do not start with a word character are
 * left out: a name starts with a letter.
 */
export function dictionaryTables(dict: Dictionary): TrieTables {
  // Every form counted first, so the folded forms' arrays are made once, at their size.
  const surnames = dict.actors.map((a) => surnameForms(a.match));
  let room = 0;
  let unitRoom = 0;
  const makeRoom = (list: readonly string[]) => {
    room += list.length;
    for (const form of list) unitRoom += form.length;
  };
  dict.actors.forEach((a, index) => {
    makeRoom(a.aliases);
    makeRoom(surnames[index]!);
    makeRoom(a.match.exclude ?? []);
  });
  const folded = new FoldedForms([], [], room, unitRoom);
  dict.actors.forEach((a, index) => {
    const ref = index * KINDS.length;
    for (const alias of a.aliases) folded.add(alias, ref);
    for (const surname of surnames[index]!) folded.add(surname, ref + 1);
    for (const phrase of a.match.exclude ?? []) folded.add(phrase, ref + 2);
  });
  return buildTrieTables(folded);
}

/**
 * The trie of folded forms as flat arrays (the layout: `FlatTrie`, ./trie.ts): the forms go in
 * sorted, so the nodes are numbered in depth-first order and the nodes where a form ends come in
 * increasing order.
 */
export function buildTrieTables(folded: FoldedForms): TrieTables {
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
  const code = new Uint16Array(nodes);
  const nextSibling = new Int32Array(nodes);
  const flags = new Uint8Array(nodes);
  const terminals = new Int32Array(distinct);
  const entryStart = new Int32Array(distinct + 1);
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
  for (let s = 0; s < n; s++) {
    const i = order[s]!;
    const from = start[i]!;
    const len = start[i + 1]! - from;
    const l = shared[s]!;
    let node = path[l]!;
    if (l < len) {
      if (l < depth) nextSibling[path[l + 1]!] = size;
      else flags[node]! |= HAS_CHILDREN;
      for (let j = l; j < len; j++) {
        if (j > l) flags[node]! |= HAS_CHILDREN;
        const c = units[from + j]!;
        code[size] = c;
        node = size++;
        path[j + 1] = node;
      }
    }
    if (t < 0 || terminals[t] !== node) {
      terminals[++t] = node;
      entryStart[t] = entries;
      flags[node]! |= TERMINAL | (isWordCode(units[from + len - 1]!) ? WORD_END : 0);
    }
    // The same form listed twice for one actor and kind is one entry.
    const ref = refs[i]!;
    let known = false;
    for (let k = entryStart[t]!; k < entries; k++) known ||= entryRefs[k] === ref;
    if (!known) entryRefs[entries++] = ref;
    depth = len;
  }
  entryStart[distinct] = entries;
  return {
    size: nodes,
    forms: distinct,
    code,
    nextSibling,
    flags,
    terminals,
    entryStart,
    entryRefs: entries === n ? entryRefs : entryRefs.slice(0, entries),
  };
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
