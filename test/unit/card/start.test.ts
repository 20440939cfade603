import { afterEach, describe, expect, it, vi } from 'vitest';
import { startHoverCards, CARD_HOST_TAG } from '@/utils/card';
import { cardBundle } from '@/utils/card/bundle';
import type { CardBundle } from '@/utils/card/lazy-card';
import type { Mention, MentionIndex } from '@/utils/spotting/types';

function pageWithOneName() {
  document.body.replaceChildren();
  const p = document.createElement('p');
  p.append('Merz spoke.');
  document.body.append(p);
  const text = p.firstChild as Text;
  const mention: Mention = {
    actorId: 'merz',
    text: 'Merz',
    range: {
      startContainer: text,
      startOffset: 0,
      endContainer: text,
      endOffset: 4,
      collapsed: false,
    } as StaticRange,
  };
  const index: MentionIndex = {
    mentionAt: () => mention,
    mayHoldMention: () => true,
    all: () => [mention],
    subscribe: () => () => {},
  };
  const move = () => {
    const event = new PointerEvent('pointermove', {
      bubbles: true,
      pointerType: 'mouse',
      clientX: 1,
      clientY: 1,
    });
    // As the browser's own event: the controller ignores events a page made.
    Object.defineProperty(event, 'isTrusted', { value: true });
    p.dispatchEvent(event);
  };
  return { index, move };
}

describe('startHoverCards', () => {
  afterEach(() => vi.useRealTimers());

  it("uses the user's hover delay, and takes its host away when the signal aborts", async () => {
    const { index, move } = pageWithOneName();
    const abort = new AbortController();
    const { controller, card } = startHoverCards(index, abort.signal, {
      hoverDelayMs: () => 1_000,
      words: () => [],
      loadBundle: async () => cardBundle,
    });
    await card.ensure();
    vi.useFakeTimers();
    move();
    vi.advanceTimersByTime(999);
    expect(controller.current).toBeNull();
    vi.advanceTimersByTime(1);
    expect(controller.current?.actorId).toBe('merz');
    expect(document.querySelectorAll(CARD_HOST_TAG)).toHaveLength(1);
    abort.abort();
    expect(controller.current).toBeNull();
    expect(document.querySelector(CARD_HOST_TAG)).toBeNull();
  });

  it('loads the card bundle at the prefetch point only, once, and opens the card when it arrives', async () => {
    const { index, move } = pageWithOneName();
    const abort = new AbortController();
    let loads = 0;
    let arrive: (bundle: CardBundle) => void = () => undefined;
    const { controller, card } = startHoverCards(index, abort.signal, {
      hoverDelayMs: () => 400,
      words: () => [],
      loadBundle: () => {
        loads++;
        return new Promise<CardBundle>((resolve) => (arrive = resolve));
      },
    });
    vi.useFakeTimers();
    move();
    vi.advanceTimersByTime(149);
    expect(loads).toBe(0);
    vi.advanceTimersByTime(1);
    expect(loads).toBe(1);
    // The delay ends before the bundle is here: the card opens as soon as it arrives.
    vi.advanceTimersByTime(400);
    expect(controller.current?.actorId).toBe('merz');
    expect(document.querySelector(CARD_HOST_TAG)).toBeNull();
    vi.useRealTimers();
    arrive(cardBundle);
    await card.ensure();
    expect(card.loaded).toBe(true);
    expect(document.querySelectorAll(CARD_HOST_TAG)).toHaveLength(1);
    // Later hovers and commands reuse the bundle.
    expect(controller.command('next-name')).toBe(true);
    await card.ensure();
    expect(loads).toBe(1);
    abort.abort();
  });

  it('a close before the bundle arrives means no card is shown', async () => {
    const { index } = pageWithOneName();
    const abort = new AbortController();
    let arrive: (bundle: CardBundle) => void = () => undefined;
    const { controller, card } = startHoverCards(index, abort.signal, {
      hoverDelayMs: () => 400,
      words: () => [],
      loadBundle: () => new Promise<CardBundle>((resolve) => (arrive = resolve)),
    });
    controller.command('open-card');
    controller.close();
    arrive(cardBundle);
    await card.ensure();
    expect(document.querySelector(CARD_HOST_TAG)).toBeNull();
    abort.abort();
  });

  it("makes the page's first Intl call while the bundle loads, after the prefetch point only", async () => {
    const { index, move } = pageWithOneName();
    const abort = new AbortController();
    // The call's one visible effect in a test: a date formatted.
    // `format` is an accessor on the prototype (the spec's bound-format getter), typed as a method.
    const proto = Intl.DateTimeFormat.prototype as unknown as { readonly format: unknown };
    const made = vi.spyOn(proto, 'format', 'get');
    startHoverCards(index, abort.signal, {
      hoverDelayMs: () => 400,
      words: () => [],
      loadBundle: () => new Promise<CardBundle>(() => undefined), // still on its way
    });
    vi.useFakeTimers();
    move();
    vi.advanceTimersByTime(149);
    expect(made).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(made).not.toHaveBeenCalled(); // not in the pointer's task: in idle time
    vi.advanceTimersByTime(100);
    expect(made).toHaveBeenCalledTimes(1);
    made.mockRestore();
    abort.abort();
  });
});
