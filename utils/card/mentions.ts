/** Helpers over the spotter's mentions: identity, document order, and the one to walk to. */
import type { Mention } from '@/utils/spotting/types';

/** Two mentions are the same when they name the same actor at the same place. */
export function sameMention(a: Mention | null | undefined, b: Mention | null | undefined): boolean {
  if (!a || !b) return false;
  return (
    a.actorId === b.actorId &&
    a.range.startContainer === b.range.startContainer &&
    a.range.startOffset === b.range.startOffset &&
    a.range.endContainer === b.range.endContainer &&
    a.range.endOffset === b.range.endOffset
  );
}

/** A live Range over a mention, for geometry and selection. */
export function liveRange(m: Mention, doc: Document = document): Range {
  const r = doc.createRange();
  r.setStart(m.range.startContainer, m.range.startOffset);
  r.setEnd(m.range.endContainer, m.range.endOffset);
  return r;
}

/**
 * Index of the first mention that ends at or after the start of `range` (the selection or
 * caret), or -1. Mentions are in document order, as `MentionIndex.all()` promises.
 */
export function firstAtOrAfter(mentions: readonly Mention[], range: AbstractRange): number {
  const doc = range.startContainer.ownerDocument ?? (range.startContainer as Document);
  const probe = doc.createRange();
  try {
    probe.setStart(range.startContainer, range.startOffset);
  } catch {
    return -1;
  }
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    try {
      // comparePoint: -1 when the mention's end lies before the selection start.
      if (probe.comparePoint(m.range.endContainer, m.range.endOffset) >= 0) return i;
    } catch {
      // A mention in a detached node or another document: skip it.
    }
  }
  return -1;
}

/** The index of the first mention whose box is inside the viewport, or -1. */
export function firstVisible(mentions: readonly Mention[], win: Window = window): number {
  for (let i = 0; i < mentions.length; i++) {
    const m = mentions[i]!;
    const node = m.range.startContainer;
    if (!node.isConnected) continue;
    const rect = liveRange(m, node.ownerDocument ?? document).getBoundingClientRect();
    if (rect.bottom > 0 && rect.top < win.innerHeight && rect.width > 0) return i;
  }
  return -1;
}
