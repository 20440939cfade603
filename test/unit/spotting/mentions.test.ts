import { describe, expect, it } from 'vitest';
import { Highlighter, type HighlightLike } from '@/utils/spotting/highlight';
import { MentionStore } from '@/utils/spotting/mentions';
import type { Found } from '@/utils/spotting/scan';

class FakeHighlight extends Set<AbstractRange> implements HighlightLike {}

/** A static range as plain data: happy-dom has no StaticRange. */
const plainRange = (init: StaticRangeInit) => ({ ...init, collapsed: false }) as StaticRange;

/**
 * A document whose caret and layout answers are given: the caret lands at `offset` in `node`,
 * and every range has one line box, `box`.
 */
function layoutDoc(
  node: Node,
  offset: number,
  box: { left: number; right: number; top: number; bottom: number },
) {
  return {
    caretPositionFromPoint: () => ({ offsetNode: node, offset }),
    createRange: () => ({
      setStart() {},
      setEnd() {},
      getClientRects: () => [box],
      detach() {},
    }),
  } as unknown as Document;
}

function found(node: Text, start: number, end: number, actorId: string): Found {
  return {
    candidate: { start, end, actorIds: [actorId], settled: true, full: true },
    text: node.data.slice(start, end),
    startNode: node,
    startOffset: start,
    endNode: node,
    endOffset: end,
  };
}

describe('MentionStore.mentionAt', () => {
  const p = document.createElement('p');
  p.textContent = 'Friedrich Merz met Donald Trump';
  document.body.append(p);
  const text = p.firstChild as Text;
  const box = { left: 10, right: 90, top: 10, bottom: 30 };

  function store(caretOffset: number) {
    const s = new MentionStore(
      new Highlighter(new Map(), FakeHighlight),
      layoutDoc(text, caretOffset, box),
      plainRange,
    );
    s.offer(found(text, 0, 14, 'merz'));
    s.offer(found(text, 19, 31, 'trump'));
    return s;
  }

  it('finds the mention under the caret, confirmed by its line box', () => {
    expect(store(3).mentionAt(20, 20)?.actorId).toBe('merz');
    expect(store(25).mentionAt(20, 20)?.actorId).toBe('trump');
  });

  it('answers null between names and outside the line box', () => {
    expect(store(16).mentionAt(20, 20)).toBeNull();
    expect(store(3).mentionAt(200, 20)).toBeNull(); // caret clamped to the line, point beyond it
  });

  it("skips the caret lookup when the pointer event's target holds no name's text", () => {
    let lookups = 0;
    const doc = layoutDoc(text, 3, box);
    const caret = doc.caretPositionFromPoint.bind(doc);
    doc.caretPositionFromPoint = (x: number, y: number) => (lookups++, caret(x, y));
    const s = new MentionStore(new Highlighter(new Map(), FakeHighlight), doc, plainRange);
    s.offer(found(text, 0, 14, 'merz'));
    const aside = document.createElement('aside');
    aside.append('no names here', document.createElement('b'));
    expect(s.mentionAt(20, 20, aside)).toBeNull();
    expect(lookups).toBe(0);
    // The element holding the name's text, the text itself, or no target: the caret decides.
    expect(s.mentionAt(20, 20, p)?.actorId).toBe('merz');
    expect(s.mentionAt(20, 20, text)?.actorId).toBe('merz');
    expect(s.mentionAt(20, 20, null)?.actorId).toBe('merz');
    expect(s.mentionAt(20, 20)?.actorId).toBe('merz');
    expect(lookups).toBe(4);
    // An element with more children than are looked through: the caret decides too.
    const long = document.createElement('div');
    for (let i = 0; i < 300; i++) long.append(document.createElement('span'));
    expect(s.mentionAt(20, 20, long)?.actorId).toBe('merz');
    expect(lookups).toBe(5);
  });

  it("tells whether an element may hold a name's text, as the names come and go", () => {
    const s = new MentionStore(
      new Highlighter(new Map(), FakeHighlight),
      layoutDoc(text, 3, box),
      plainRange,
    );
    const aside = document.createElement('aside');
    aside.append('no names here');
    expect(s.mayHoldMention(p)).toBe(false); // no names yet
    s.offer(found(text, 0, 14, 'merz'));
    expect(s.mayHoldMention(p)).toBe(true);
    expect(s.mayHoldMention(aside)).toBe(false);
    expect(s.mayHoldMention(null)).toBe(true); // no element: unsure
    const long = document.createElement('div');
    for (let i = 0; i < 300; i++) long.append(document.createElement('span'));
    expect(s.mayHoldMention(long)).toBe(true); // too many children to look through
    s.clear();
    expect(s.mayHoldMention(p)).toBe(false);
  });

  it('lists mentions in document order and forgets removed text', () => {
    const s = store(3);
    expect(s.all().map((m) => m.text)).toEqual(['Friedrich Merz', 'Donald Trump']);
    p.remove();
    s.removeDisconnected();
    expect(s.all()).toEqual([]);
    expect(s.mentionAt(20, 20)).toBeNull();
  });
});
