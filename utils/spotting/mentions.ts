/**
 * The live set of mentions on a page: what the scanner found, decided by the page-wide context,
 * drawn through the highlighter, and offered to the rest of the content script as a
 * `MentionIndex` (hit-testing for the hover card, the list for the popup's page report).
 */
import { PageContext } from './context';
import type { Found } from './scan';
import type { Highlighter } from './highlight';
import type { Mention, MentionIndex } from './types';

/** Makes the static range of a mention; a parameter so tests can run where `StaticRange` is missing. */
export type RangeFactory = (init: StaticRangeInit) => StaticRange;

const defaultRangeFactory: RangeFactory = (init) => new StaticRange(init);

interface CaretDocument {
  caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
  caretRangeFromPoint?: (x: number, y: number) => Range | null;
}

/**
 * Child nodes of a pointer event's target looked through for a mention's text before the caret
 * lookup is left to decide: an element that holds text under a pointer has a few, and looking
 * through hundreds (the body of a long page, between its paragraphs) costs as much as the lookup.
 */
const TARGET_CHILDREN_LOOKED_AT = 32;

/**
 * False when `target`, the element a pointer event hit, has no text of a mention among its
 * child nodes: the pointer is then on no name, and the caret lookup is not needed. The browser
 * hit-tested the point to dispatch the event; the caret lookup would do it again, bring the
 * page's style, layout and paint properties up to date first, and find the text offset: 0.1
 * to 0.2 ms a move on a large page, and more right after a change to the highlights. True
 * when unsure (no element, or more child nodes than it looks through).
 */
function mayHoldMention(byNode: ReadonlyMap<Text, unknown>, target: EventTarget | null): boolean {
  const node = target as Node | null;
  if (!node || typeof node.nodeType !== 'number') return true;
  if (node.nodeType === 3) return byNode.has(node as Text);
  let looked = 0;
  for (let c = node.firstChild; c; c = c.nextSibling) {
    if ((c.nodeType === 3 && byNode.has(c as Text)) || ++looked === TARGET_CHILDREN_LOOKED_AT) {
      return true;
    }
  }
  return false;
}

/** The text position under a viewport point, via whichever caret API the browser has. */
function caretAt(doc: Document, x: number, y: number): { node: Node; offset: number } | null {
  const d = doc as unknown as CaretDocument;
  if (typeof d.caretPositionFromPoint === 'function') {
    const pos = d.caretPositionFromPoint.call(doc, x, y);
    return pos ? { node: pos.offsetNode, offset: pos.offset } : null;
  }
  if (typeof d.caretRangeFromPoint === 'function') {
    const r = d.caretRangeFromPoint.call(doc, x, y);
    return r ? { node: r.startContainer, offset: r.startOffset } : null;
  }
  return null;
}

/** True when the viewport point lies in one of the mention's line boxes. */
function rangeContainsPoint(doc: Document, m: Mention, x: number, y: number): boolean {
  const live = doc.createRange();
  try {
    live.setStart(m.range.startContainer, m.range.startOffset);
    live.setEnd(m.range.endContainer, m.range.endOffset);
    for (const r of live.getClientRects()) {
      if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) return true;
    }
    return false;
  } catch {
    return false; // the page changed the text under the range since it was found
  } finally {
    live.detach();
  }
}

function textNodesOf(range: StaticRange): Text[] {
  const start = range.startContainer as Text;
  const end = range.endContainer as Text;
  if (start === end) return [start];
  const nodes: Text[] = [start];
  const walker = start.ownerDocument.createTreeWalker(
    start.ownerDocument.documentElement,
    4 /* SHOW_TEXT */,
  );
  walker.currentNode = start;
  for (let n = walker.nextNode(); n && n !== end; n = walker.nextNode()) nodes.push(n as Text);
  nodes.push(end);
  return nodes;
}

/** Document order of two mentions' starts. */
function compareMentions(a: Mention, b: Mention): number {
  if (a.range.startContainer === b.range.startContainer) {
    return a.range.startOffset - b.range.startOffset;
  }
  // DOCUMENT_POSITION_FOLLOWING (4): b comes after a.
  return a.range.startContainer.compareDocumentPosition(b.range.startContainer) & 4 ? -1 : 1;
}

export class MentionStore implements MentionIndex {
  private readonly byNode = new Map<Text, Mention[]>();
  private mentions: Mention[] = [];
  private sorted = true;
  /** Candidates that count only once the page names their actor in full. */
  private pending: Found[] = [];
  private readonly context = new PageContext();
  private readonly listeners = new Set<() => void>();
  private changed = false;

  constructor(
    private readonly highlighter: Highlighter,
    private readonly doc: Document = document,
    private readonly makeRange: RangeFactory = defaultRangeFactory,
  ) {}

  /** True once any mention is held. */
  get hasMentions(): boolean {
    return this.byNode.size > 0;
  }

  /** Takes one scanner result: a mention now, a pending candidate, or nothing. */
  offer(found: Found): void {
    const c = found.candidate;
    const named = this.context.note(c);
    const actorId = this.context.decide(c);
    if (actorId === null) this.pending.push(found);
    else this.addMention(found, actorId);
    if (named && this.pending.length > 0) this.promotePending();
  }

  private promotePending(): void {
    const still: Found[] = [];
    for (const f of this.pending) {
      const id = this.context.decide(f.candidate);
      if (id === null) still.push(f);
      else if (f.startNode.isConnected && f.endNode.isConnected) this.addMention(f, id);
    }
    this.pending = still;
  }

  private addMention(found: Found, actorId: string): void {
    const existing = this.byNode.get(found.startNode);
    if (
      existing?.some(
        (m) =>
          m.range.startContainer === found.startNode && m.range.startOffset === found.startOffset,
      )
    ) {
      return; // found again after a rescan of the same text
    }
    const range = this.makeRange({
      startContainer: found.startNode,
      startOffset: found.startOffset,
      endContainer: found.endNode,
      endOffset: found.endOffset,
    });
    const mention: Mention = { actorId, text: found.text, range };
    for (const node of textNodesOf(range)) {
      const list = this.byNode.get(node);
      if (list) list.push(mention);
      else this.byNode.set(node, [mention]);
    }
    // Scans report in document order: one comparison keeps the list known sorted, so `all()`
    // rarely has to sort.
    const last = this.mentions[this.mentions.length - 1];
    if (this.sorted && last && compareMentions(last, mention) > 0) this.sorted = false;
    this.mentions.push(mention);
    this.highlighter.add(range);
    this.changed = true;
  }

  /** Drops mentions (and pending candidates) that match `drop`. */
  removeWhere(drop: (startNode: Text, endNode: Text) => boolean): void {
    const keep: Mention[] = [];
    for (const m of this.mentions) {
      const s = m.range.startContainer as Text;
      const e = m.range.endContainer as Text;
      if (!drop(s, e)) {
        keep.push(m);
        continue;
      }
      this.highlighter.delete(m.range);
      for (const node of [s, e]) {
        const list = this.byNode.get(node);
        if (!list) continue;
        const rest = list.filter((x) => x !== m);
        if (rest.length) this.byNode.set(node, rest);
        else this.byNode.delete(node);
      }
      this.changed = true;
    }
    // Inner nodes of a mention spanning three or more nodes: drop their stale entries too.
    if (keep.length !== this.mentions.length) {
      const alive = new Set(keep);
      for (const [node, list] of this.byNode) {
        const rest = list.filter((x) => alive.has(x));
        if (rest.length !== list.length) {
          if (rest.length) this.byNode.set(node, rest);
          else this.byNode.delete(node);
        }
      }
    }
    this.mentions = keep;
    this.pending = this.pending.filter((f) => !drop(f.startNode, f.endNode));
  }

  /** Drops what the page removed from the document. */
  removeDisconnected(): void {
    this.removeWhere((s, e) => !s.isConnected || !e.isConnected);
  }

  /** Drops what lies inside `root` (about to be scanned again). */
  removeInside(root: Node): void {
    this.removeWhere((s, e) => root.contains(s) || root.contains(e));
  }

  /** Forgets everything, the page context included (a new page, a new dictionary, switched off). */
  clear(): void {
    if (this.mentions.length > 0) this.changed = true;
    this.mentions = [];
    this.byNode.clear();
    this.pending = [];
    this.context.clear();
    this.highlighter.clear();
  }

  /** Tells subscribers once if anything changed since the last call. */
  notifyIfChanged(): void {
    if (!this.changed) return;
    this.changed = false;
    for (const cb of [...this.listeners]) {
      try {
        cb();
      } catch {
        // A subscriber's failure must not stop the spotter or the other subscribers.
      }
    }
  }

  mentionAt(clientX: number, clientY: number, target?: EventTarget | null): Mention | null {
    if (this.byNode.size === 0) return null;
    if (target !== undefined && !mayHoldMention(this.byNode, target)) return null;
    const pos = caretAt(this.doc, clientX, clientY);
    if (!pos || pos.node.nodeType !== 3) return null;
    const list = this.byNode.get(pos.node as Text);
    if (!list) return null;
    const length = (pos.node as Text).length;
    for (const m of list) {
      const from = m.range.startContainer === pos.node ? m.range.startOffset : 0;
      const to = m.range.endContainer === pos.node ? m.range.endOffset : length;
      if (pos.offset < from || pos.offset > to) continue;
      if (rangeContainsPoint(this.doc, m, clientX, clientY)) return m;
    }
    return null;
  }

  mayHoldMention(target: EventTarget | null): boolean {
    return this.byNode.size > 0 && mayHoldMention(this.byNode, target);
  }

  all(): readonly Mention[] {
    if (!this.sorted) {
      this.mentions.sort(compareMentions);
      this.sorted = true;
    }
    return this.mentions;
  }

  subscribe(cb: () => void): () => void {
    this.listeners.add(cb);
    return () => this.listeners.delete(cb);
  }
}
