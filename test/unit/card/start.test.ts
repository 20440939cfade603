import { afterEach, describe, expect, it, vi } from 'vitest';
import { startHoverCards, CARD_HOST_TAG } from '@/utils/card';
import { settingsItem } from '@/utils/settings';
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
    all: () => [mention],
    subscribe: () => () => {},
  };
  const move = () =>
    p.dispatchEvent(
      new PointerEvent('pointermove', {
        bubbles: true,
        pointerType: 'mouse',
        clientX: 1,
        clientY: 1,
      }),
    );
  return { index, move };
}

describe('startHoverCards', () => {
  afterEach(() => vi.useRealTimers());

  it("uses the user's hover delay, and takes its host away when the signal aborts", async () => {
    await settingsItem.setValue({ hoverDelayMs: 1_000 });
    const { index, move } = pageWithOneName();
    const abort = new AbortController();
    const controller = await startHoverCards(index, abort.signal);
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
});
