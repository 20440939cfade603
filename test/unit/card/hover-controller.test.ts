import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Mention, MentionIndex } from '@/utils/spotting/types';
import { createHoverController, type CardSurface } from '@/utils/card/hover-controller';
import { CLOSE_GRACE_MS, PREFETCH_DWELL_MS } from '@/utils/card/timing';

const DELAY_MS = 400;

/** Marks a dispatched event as the browser's own: the controller ignores events a page made. */
function trusted<E extends Event>(event: E): E {
  Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

/** A page with three names and an index whose hit test the test steers. */
function setup({ namesAtStart = true } = {}) {
  document.body.replaceChildren();
  const p = document.createElement('p');
  p.append('Merz met Rubio, then Merz left. ');
  const link = document.createElement('a');
  link.href = 'https://example.com/zelenskyy';
  link.append('Zelenskyy');
  p.append(link);
  const card = document.createElement('div');
  // An element with text but no name in it.
  const aside = document.createElement('aside');
  aside.append('No one is named here.');
  document.body.append(p, aside, card);
  const text = p.firstChild as Text;
  const mk = (actorId: string, node: Text, start: number, end: number): Mention => ({
    actorId,
    text: node.data.slice(start, end),
    // happy-dom has no StaticRange constructor; the shape is all the controller reads.
    range: {
      startContainer: node,
      startOffset: start,
      endContainer: node,
      endOffset: end,
      collapsed: false,
    } as StaticRange,
  });
  const mentions = [
    mk('merz', text, 0, 4),
    mk('rubio', text, 9, 14),
    mk('merz', text, 21, 25),
    mk('zelenskyy', link.firstChild as Text, 0, 9),
  ];
  let under: Mention | null = null;
  const listeners = new Set<() => void>();
  const notify = () => {
    reported = true;
    listeners.forEach((l) => l());
  };
  const lookups: { x: number; y: number }[] = [];
  /** What each lookup was given as the hit-tested target. */
  const hits: (EventTarget | null | undefined)[] = [];
  /** Elements checked for names. */
  const checked: (EventTarget | null)[] = [];
  let reported = namesAtStart;
  const index: MentionIndex = {
    mentionAt: (x, y, hit) => (lookups.push({ x, y }), hits.push(hit), under),
    // As the page's index: an element holds a name when a name's text is one of its children.
    mayHoldMention: (t) => (
      checked.push(t),
      reported && mentions.some((m) => m.range.startContainer.parentNode === t)
    ),
    all: () => (reported ? mentions : []),
    subscribe: (cb) => (listeners.add(cb), () => listeners.delete(cb)),
  };
  const opened: { actorId: string; reason: string }[] = [];
  let isOpen = false;
  const surface: CardSurface = {
    open: (m, reason) => {
      opened.push({ actorId: m.actorId, reason });
      isOpen = true;
    },
    close: () => {
      isOpen = false;
    },
    contains: (t) => t === card || (t instanceof Node && card.contains(t)),
  };
  const prefetch = vi.fn();
  const reveal = vi.fn();
  const abort = new AbortController();
  const ctl = createHoverController({
    index,
    surface,
    prefetch,
    reveal,
    hoverDelayMs: () => DELAY_MS,
    signal: abort.signal,
  });
  /** The element the browser last told the pointer was over. */
  let over: Element | null = null;
  let stamp = 0;
  const pointerEvent = (type: string, init: PointerEventInit = {}) => {
    const e = trusted(
      new PointerEvent(type, {
        bubbles: true,
        composed: true,
        pointerType: 'mouse',
        clientX: 5,
        clientY: 5,
        ...init,
      }),
    );
    // One step of the pointer: its events share a time stamp, as the browser's do.
    Object.defineProperty(e, 'timeStamp', { value: stamp });
    return e;
  };
  /** A pointer move onto `target`, as the browser sends it: `pointerover` first on a new element. */
  const move = (target: Element, m: Mention | null, init: PointerEventInit = {}) => {
    under = m;
    stamp++;
    if (target !== over) target.dispatchEvent(pointerEvent('pointerover', init));
    over = target;
    target.dispatchEvent(pointerEvent('pointermove', init));
  };
  /** The pointer leaves the window: `pointerleave` at the root element and at the document. */
  const leave = () => {
    over = null;
    stamp++;
    document.documentElement.dispatchEvent(pointerEvent('pointerleave', { bubbles: false }));
    document.dispatchEvent(pointerEvent('pointerleave', { bubbles: false }));
  };
  /** A page captures the pointer on `target` (or lets it go). */
  const capture = (target: Element, got: boolean) =>
    target.dispatchEvent(pointerEvent(got ? 'gotpointercapture' : 'lostpointercapture'));
  return {
    p,
    link,
    card,
    mentions,
    ctl,
    opened,
    prefetch,
    reveal,
    abort,
    move,
    leave,
    capture,
    aside,
    isOpen: () => isOpen,
    notify,
    lookups,
    hits,
    checked,
    close: () => ctl.close(),
    setUnder: (m: Mention | null) => (under = m),
  };
}

describe('hover controller', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('prefetches after a short rest and opens only once the hover delay has passed', () => {
    const t = setup();
    t.move(t.p, t.mentions[1]!);
    vi.advanceTimersByTime(PREFETCH_DWELL_MS);
    expect(t.prefetch).toHaveBeenCalledWith(t.mentions[1], { x: 5, y: 5 });
    expect(t.opened).toEqual([]);
    // Moving within the same name keeps the dwell going.
    t.move(t.p, t.mentions[1]!);
    vi.advanceTimersByTime(DELAY_MS - PREFETCH_DWELL_MS - 1);
    expect(t.opened).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(t.opened).toEqual([{ actorId: 'rubio', reason: 'hover' }]);
    expect(t.ctl.current).toBe(t.mentions[1]);
  });

  it('opens nothing, and fetches nothing, on a quick pass over a name', () => {
    const t = setup();
    t.move(t.p, t.mentions[0]!);
    vi.advanceTimersByTime(PREFETCH_DWELL_MS - 50);
    t.move(t.p, null);
    vi.advanceTimersByTime(5_000);
    expect(t.prefetch).not.toHaveBeenCalled();
    expect(t.opened).toEqual([]);
  });

  it('closes after the grace period once the pointer leaves, and stays open on the card', () => {
    const t = setup();
    t.move(t.p, t.mentions[0]!);
    vi.advanceTimersByTime(DELAY_MS);
    expect(t.isOpen()).toBe(true);
    t.move(t.p, null); // off the name, on the way to the card
    vi.advanceTimersByTime(CLOSE_GRACE_MS - 100);
    t.move(t.card, null); // reached the card in time
    vi.advanceTimersByTime(10_000);
    expect(t.isOpen()).toBe(true);
    t.move(t.p, null); // left the card too
    vi.advanceTimersByTime(CLOSE_GRACE_MS - 1);
    expect(t.isOpen()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(t.isOpen()).toBe(false);
    expect(t.ctl.current).toBeNull();
  });

  it('shows one card at a time: resting on another name switches the card', () => {
    const t = setup();
    t.move(t.p, t.mentions[0]!);
    vi.advanceTimersByTime(DELAY_MS);
    t.move(t.p, t.mentions[3]!);
    vi.advanceTimersByTime(DELAY_MS);
    expect(t.opened.map((o) => o.actorId)).toEqual(['merz', 'zelenskyy']);
    expect(t.ctl.current).toBe(t.mentions[3]);
    expect(t.isOpen()).toBe(true);
  });

  it('ignores pointer and click events a page script made', () => {
    const t = setup();
    t.setUnder(t.mentions[0]!);
    const fake = { bubbles: true, cancelable: true, pointerType: 'mouse', clientX: 5, clientY: 5 };
    t.p.dispatchEvent(new PointerEvent('pointermove', fake));
    vi.advanceTimersByTime(DELAY_MS * 5);
    expect(t.prefetch).not.toHaveBeenCalled();
    expect(t.opened).toEqual([]);
    const tap = new PointerEvent('click', { ...fake, pointerType: 'touch' });
    t.link.dispatchEvent(tap);
    expect(tap.defaultPrevented).toBe(false);
    expect(t.opened).toEqual([]);
    // A real hover opens the card; a made-up press elsewhere does not close it.
    t.move(t.p, t.mentions[0]!);
    vi.advanceTimersByTime(DELAY_MS);
    expect(t.isOpen()).toBe(true);
    t.setUnder(null);
    t.p.dispatchEvent(new PointerEvent('pointerdown', fake));
    expect(t.isOpen()).toBe(true);
  });

  it('closes on Esc', () => {
    const t = setup();
    t.move(t.p, t.mentions[0]!);
    vi.advanceTimersByTime(DELAY_MS);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(t.isOpen()).toBe(false);
  });

  it('closes on a page scroll and on a press elsewhere, not on a press on the card', () => {
    const t = setup();
    t.move(t.p, t.mentions[0]!);
    vi.advanceTimersByTime(DELAY_MS);
    window.dispatchEvent(new Event('scroll'));
    expect(t.isOpen()).toBe(false);

    t.move(t.p, t.mentions[1]!);
    vi.advanceTimersByTime(DELAY_MS);
    t.setUnder(null);
    t.card.dispatchEvent(
      trusted(new PointerEvent('pointerdown', { bubbles: true, pointerType: 'mouse' })),
    );
    expect(t.isOpen()).toBe(true);
    t.p.dispatchEvent(
      trusted(new PointerEvent('pointerdown', { bubbles: true, pointerType: 'mouse' })),
    );
    expect(t.isOpen()).toBe(false);
  });

  it("a finger's press on a name fetches its card before the tap's click opens it", () => {
    const t = setup();
    const press = (target: Element, pointerType = 'touch') =>
      target.dispatchEvent(
        trusted(
          new PointerEvent('pointerdown', { bubbles: true, pointerType, clientX: 7, clientY: 9 }),
        ),
      );
    // On a name: fetched at the press, before any click.
    t.setUnder(t.mentions[3]!);
    press(t.link);
    expect(t.prefetch).toHaveBeenCalledTimes(1);
    expect(t.prefetch).toHaveBeenLastCalledWith(t.mentions[3], { x: 7, y: 9 });
    expect(t.opened).toEqual([]);
    t.link.dispatchEvent(
      trusted(new PointerEvent('click', { bubbles: true, cancelable: true, pointerType: 'touch' })),
    );
    expect(t.opened).toEqual([{ actorId: 'zelenskyy', reason: 'touch' }]);
    // On the open card's own name, off any name, with a mouse, or made by the page: nothing.
    press(t.link);
    t.setUnder(null);
    press(t.p);
    expect(t.isOpen()).toBe(false);
    t.setUnder(t.mentions[0]!);
    press(t.p, 'mouse');
    t.p.dispatchEvent(
      new PointerEvent('pointerdown', { bubbles: true, pointerType: 'touch', clientX: 7 }),
    );
    expect(t.prefetch).toHaveBeenCalledTimes(1);
    // Another name while a card is open: that card closes, the new one is fetched.
    t.link.dispatchEvent(
      trusted(new PointerEvent('click', { bubbles: true, cancelable: true, pointerType: 'touch' })),
    );
    expect(t.isOpen()).toBe(true);
    t.setUnder(t.mentions[1]!);
    press(t.p);
    expect(t.isOpen()).toBe(false);
    expect(t.prefetch).toHaveBeenLastCalledWith(t.mentions[1], { x: 7, y: 9 });
  });

  it('a tap on a name opens its card at once and keeps only that click from following the link', () => {
    const t = setup();
    const tap = () => {
      const ev = trusted(
        new PointerEvent('click', {
          bubbles: true,
          cancelable: true,
          pointerType: 'touch',
        }),
      );
      t.link.dispatchEvent(ev);
      return ev;
    };
    t.setUnder(t.mentions[3]!);
    const first = tap();
    expect(first.defaultPrevented).toBe(true);
    expect(t.opened).toEqual([{ actorId: 'zelenskyy', reason: 'touch' }]);
    const second = tap();
    expect(second.defaultPrevented).toBe(false);
    // Where `click` is a plain MouseEvent, the press before it tells a tap from a click.
    t.close();
    t.link.dispatchEvent(
      trusted(new PointerEvent('pointerdown', { bubbles: true, pointerType: 'touch' })),
    );
    const plain = trusted(new MouseEvent('click', { bubbles: true, cancelable: true }));
    t.link.dispatchEvent(plain);
    expect(plain.defaultPrevented).toBe(true);
    // A mouse click on a name is left alone.
    t.setUnder(t.mentions[0]!);
    t.p.dispatchEvent(
      trusted(new PointerEvent('pointerdown', { bubbles: true, pointerType: 'mouse' })),
    );
    const mouse = trusted(
      new PointerEvent('click', {
        bubbles: true,
        cancelable: true,
        pointerType: 'mouse',
      }),
    );
    t.p.dispatchEvent(mouse);
    expect(mouse.defaultPrevented).toBe(false);
  });

  it('keyboard commands open the name at or after the selection and walk the names, wrapping', () => {
    const t = setup();
    const text = t.p.firstChild as Text;
    const sel = document.getSelection()!;
    sel.removeAllRanges();
    const caret = document.createRange();
    caret.setStart(text, 6); // inside "met", between the first Merz and Rubio
    caret.collapse(true);
    sel.addRange(caret);
    expect(t.ctl.command('open-card')).toBe(true);
    expect(t.ctl.current).toBe(t.mentions[1]);
    expect(t.opened.at(-1)).toEqual({ actorId: 'rubio', reason: 'keyboard' });
    expect(t.reveal).toHaveBeenLastCalledWith(t.mentions[1]);
    t.ctl.command('next-name');
    expect(t.ctl.current).toBe(t.mentions[2]);
    t.ctl.command('next-name');
    t.ctl.command('next-name');
    expect(t.ctl.current).toBe(t.mentions[0]);
    t.ctl.command('previous-name');
    expect(t.ctl.current).toBe(t.mentions[3]);
    // A keyboard card follows scrolling (walking scrolls) and ignores the mouse; Esc closes it.
    window.dispatchEvent(new Event('scroll'));
    t.move(t.p, null);
    vi.advanceTimersByTime(CLOSE_GRACE_MS * 10);
    expect(t.isOpen()).toBe(true);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape' }));
    expect(t.isOpen()).toBe(false);
  });

  it('stops listening when its signal aborts', () => {
    const t = setup();
    t.move(t.p, t.mentions[0]!);
    vi.advanceTimersByTime(DELAY_MS);
    t.abort.abort();
    expect(t.isOpen()).toBe(false);
    t.move(t.p, t.mentions[1]!);
    vi.advanceTimersByTime(DELAY_MS * 2);
    expect(t.opened).toHaveLength(1);
  });

  it('closes the card when its name leaves the index (page edit, site switched off)', () => {
    const t = setup();
    t.move(t.p, t.mentions[1]!);
    vi.advanceTimersByTime(DELAY_MS);
    t.notify(); // the set changed, Rubio still there
    expect(t.isOpen()).toBe(true);
    t.mentions.splice(1, 1);
    t.notify();
    expect(t.isOpen()).toBe(false);
  });

  it('warms the hit test as soon as names appear and again once they have stopped changing', () => {
    const t = setup({ namesAtStart: false });
    vi.advanceTimersByTime(5_000);
    expect(t.lookups).toEqual([]); // no names reported yet: nothing to warm
    // The pointer happens to be over a name for the warm-up's own lookups.
    t.setUnder(t.mentions[1]!);
    // The first scan reports names slice after slice.
    for (let i = 0; i < 10; i++) {
      t.notify();
      vi.advanceTimersByTime(100);
    }
    // As soon as the page has names, a move onto the root element at once (its code compiled,
    // no layout read: the lookup is given the root as the target), then one move of its own
    // after a frame (happy-dom lays nothing out: the viewport's centre stands in for a name's
    // box).
    const origin = { x: 0, y: 0 };
    const centre = { x: window.innerWidth / 2, y: window.innerHeight / 2 };
    expect(t.lookups).toEqual([origin, centre]);
    expect(t.hits[0]).toBe(document.documentElement);
    vi.advanceTimersByTime(2_000);
    expect(t.lookups).toEqual([origin, centre, centre]);
    t.notify();
    vi.advanceTimersByTime(5_000);
    expect(t.lookups).toHaveLength(3);
    // The warm-up's moves onto a name open and fetch nothing.
    expect(t.prefetch).not.toHaveBeenCalled();
    expect(t.opened).toEqual([]);
  });

  it('checks an element for names once, when the pointer comes onto it, not on every move', () => {
    const t = setup();
    t.hits.length = 0; // the warm-up's
    t.checked.length = 0;
    t.move(t.link, null);
    t.move(t.link, null);
    t.move(t.link, null, { buttons: 1 });
    expect(t.checked).toEqual([t.link]);
    // The element is known to hold a name: the lookup is not handed it to check again.
    expect(t.hits).toEqual([undefined, undefined, undefined]);
  });

  it('follows pointer moves only over an element that holds a name, and on a new element at once', () => {
    const t = setup();
    vi.advanceTimersByTime(5_000); // the warm-up's lookups done
    const looked = () => t.lookups.length;
    const before = looked();
    // Onto an element with no name: nothing is looked up, and moves within it are not
    // followed.
    t.move(t.aside, null);
    t.move(t.aside, null);
    t.move(t.aside, null);
    expect(looked()).toBe(before);
    // Onto the paragraph with names: its `pointerover` looks up the point and the step's
    // `pointermove` adds no second lookup; each move within it is looked up.
    t.move(t.p, null);
    expect(looked()).toBe(before + 1);
    t.move(t.p, t.mentions[1]!);
    expect(looked()).toBe(before + 2);
    vi.advanceTimersByTime(DELAY_MS);
    expect(t.opened).toEqual([{ actorId: 'rubio', reason: 'hover' }]);
    // A quick pass: the pointer comes onto a name's element and stops there, in one step.
    t.close();
    t.move(t.aside, null);
    t.move(t.link, t.mentions[3]!);
    vi.advanceTimersByTime(PREFETCH_DWELL_MS);
    expect(t.prefetch).toHaveBeenLastCalledWith(t.mentions[3], { x: 5, y: 5 });
    vi.advanceTimersByTime(DELAY_MS);
    expect(t.ctl.current).toBe(t.mentions[3]);
  });

  it('leaving an element for one without names drops a waiting hover and closes the card after the grace', () => {
    const t = setup();
    t.move(t.p, t.mentions[0]!);
    vi.advanceTimersByTime(PREFETCH_DWELL_MS - 50);
    t.move(t.aside, null);
    vi.advanceTimersByTime(5_000);
    expect(t.opened).toEqual([]);
    expect(t.prefetch).not.toHaveBeenCalled();
    t.move(t.p, t.mentions[0]!);
    vi.advanceTimersByTime(DELAY_MS);
    expect(t.isOpen()).toBe(true);
    t.move(t.aside, null);
    vi.advanceTimersByTime(CLOSE_GRACE_MS - 1);
    expect(t.isOpen()).toBe(true);
    vi.advanceTimersByTime(1);
    expect(t.isOpen()).toBe(false);
  });

  it('keeps the card open while the pointer moves about on it, without looking anything up', () => {
    const t = setup();
    t.move(t.p, t.mentions[0]!);
    vi.advanceTimersByTime(DELAY_MS);
    t.move(t.card, null);
    const before = t.lookups.length;
    t.move(t.card, null);
    t.move(t.card, null);
    vi.advanceTimersByTime(10_000);
    expect(t.isOpen()).toBe(true);
    expect(t.lookups).toHaveLength(before);
  });

  it('drops a waiting hover and closes the card when the pointer leaves the window', () => {
    const t = setup();
    t.move(t.p, t.mentions[0]!);
    vi.advanceTimersByTime(PREFETCH_DWELL_MS - 50);
    t.leave();
    vi.advanceTimersByTime(5_000);
    expect(t.opened).toEqual([]);
    t.move(t.p, t.mentions[0]!); // back in: a `pointerover` again
    vi.advanceTimersByTime(DELAY_MS);
    expect(t.isOpen()).toBe(true);
    t.leave();
    vi.advanceTimersByTime(CLOSE_GRACE_MS);
    expect(t.isOpen()).toBe(false);
    // Out of the window, nothing is followed; a move inside the last element is not one.
    const before = t.lookups.length;
    t.p.dispatchEvent(
      trusted(new PointerEvent('pointermove', { bubbles: true, pointerType: 'mouse' })),
    );
    expect(t.lookups).toHaveLength(before);
  });

  it('follows moves again on the element under the pointer once names come into it', () => {
    const t = setup({ namesAtStart: false });
    t.move(t.p, null); // no names reported yet: moves in the paragraph are not followed
    const before = t.lookups.length;
    t.move(t.p, t.mentions[1]!);
    expect(t.lookups).toHaveLength(before);
    t.notify(); // the scan highlighted the paragraph's names, the pointer still on it
    t.lookups.length = 0;
    t.move(t.p, t.mentions[1]!);
    expect(t.lookups).toEqual([{ x: 5, y: 5 }]);
    vi.advanceTimersByTime(DELAY_MS);
    expect(t.opened.at(-1)).toEqual({ actorId: 'rubio', reason: 'hover' });
    // The names leave it again (the site switched off): moves there are no longer followed.
    t.close();
    t.mentions.length = 0;
    t.notify();
    t.lookups.length = 0;
    t.move(t.p, null);
    expect(t.lookups).toEqual([]);
  });

  it('follows the first move on the element the pointer was on before it started', () => {
    // No `pointerover` comes for an element the pointer was already on.
    const first = (target: Element, m: Mention | null) => {
      t.setUnder(m);
      target.dispatchEvent(
        trusted(new PointerEvent('pointermove', { bubbles: true, pointerType: 'mouse' })),
      );
    };
    let t = setup();
    t.checked.length = 0; // the warm-up's
    first(t.aside, null);
    first(t.aside, null);
    expect(t.checked).toEqual([t.aside]); // no name in it: later moves there are not followed
    t.abort.abort();
    t = setup();
    first(t.p, t.mentions[2]!);
    vi.advanceTimersByTime(DELAY_MS);
    expect(t.opened).toEqual([{ actorId: 'merz', reason: 'hover' }]);
  });

  it('follows every move, without the target, while a page holds the pointer captured', () => {
    const t = setup();
    t.move(t.aside, null);
    t.capture(t.aside, true);
    t.hits.length = 0;
    t.move(t.aside, t.mentions[1]!);
    t.move(t.aside, t.mentions[1]!);
    expect(t.hits).toEqual([undefined, undefined]);
    vi.advanceTimersByTime(DELAY_MS);
    expect(t.opened).toEqual([{ actorId: 'rubio', reason: 'hover' }]);
    t.capture(t.aside, false);
    const before = t.hits.length;
    t.move(t.aside, null);
    expect(t.hits).toHaveLength(before);
  });

  it('stops following moves when its signal aborts', () => {
    const t = setup();
    t.move(t.p, null);
    t.abort.abort();
    const before = t.lookups.length;
    t.move(t.p, t.mentions[1]!);
    t.move(t.aside, null);
    t.move(t.p, t.mentions[1]!);
    expect(t.lookups).toHaveLength(before);
  });

  it('warms the hit test for names highlighted before it started, with no change reported', () => {
    const t = setup();
    vi.advanceTimersByTime(5_000);
    expect(t.lookups).toHaveLength(3);
    expect(t.prefetch).not.toHaveBeenCalled();
    expect(t.opened).toEqual([]);
  });

  it('leaves a hover under way alone when it warms the hit test', () => {
    const t = setup();
    t.move(t.p, t.mentions[1]!);
    t.setUnder(null);
    t.notify();
    vi.advanceTimersByTime(DELAY_MS);
    expect(t.lookups.length).toBeGreaterThan(1); // the move's and the warm-up's
    expect(t.opened).toEqual([{ actorId: 'rubio', reason: 'hover' }]);
  });

  it('warms the hit test on a page whose names never stop changing too', () => {
    const t = setup({ namesAtStart: false });
    for (let i = 0; i < 200 && t.lookups.length < 3; i++) {
      t.notify();
      vi.advanceTimersByTime(100);
    }
    expect(t.lookups).toHaveLength(3);
  });
});
