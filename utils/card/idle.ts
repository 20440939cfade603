/**
 * Work the card does ahead of need, in the page's idle time: a hit-test warm-up after the first
 * scan (always-on, ./hover-controller.ts) and the card's set-up during the hover delay (card
 * bundle, ./card-surface.tsx). Each step is its own task, so none of them makes a long one; the
 * timeout makes sure a page that is never idle still gets them done within the hover delay.
 */

import { whenIdle, type IdleWindow } from '../idle';

/** Longest wait for an idle period before a step runs anyway, ms. */
export const WARM_STEP_TIMEOUT_MS = 10;

/** Another step runs in the same idle period only while this much of it is left, ms. */
const STEP_ROOM_MS = 12;

/**
 * A queue of small steps, run in the order they were added: one per idle callback, or more while
 * the idle period has room for them.
 */
export interface IdleSteps {
  /** Adds steps at the end of the queue. */
  add(...steps: (() => void)[]): void;
  /** Steps not yet run. */
  readonly pending: number;
}

export function createIdleSteps(
  win: IdleWindow,
  signal: AbortSignal,
  timeout: number = WARM_STEP_TIMEOUT_MS,
): IdleSteps {
  const queue: (() => void)[] = [];
  let scheduled = false;

  const next = () => {
    if (scheduled || queue.length === 0 || signal.aborted) return;
    scheduled = true;
    whenIdle(
      win,
      (deadline) => {
        scheduled = false;
        do {
          const step = queue.shift();
          try {
            step?.();
          } catch {
            // A warm-up that fails costs nothing but its head start: the card does it on open.
          }
        } while (
          queue.length > 0 &&
          !signal.aborted &&
          deadline !== undefined &&
          !deadline.didTimeout &&
          deadline.timeRemaining() > STEP_ROOM_MS
        );
        next();
      },
      timeout,
      signal,
    );
  };
  signal.addEventListener('abort', () => (queue.length = 0), { once: true });

  return {
    add(...steps) {
      if (signal.aborted) return;
      queue.push(...steps);
      next();
    },
    get pending() {
      return queue.length;
    },
  };
}

/**
 * The first `Intl` call of a renderer process initialises its locale data: tens of milliseconds
 * (over a hundred under load), in one call that cannot be split, whatever the call. A date format
 * with the card's own options does it at the prefetch point, while the card bundle is still on
 * its way and the main thread would otherwise wait; the card's formats are cheap after it.
 */
export function warmIntl(): void {
  new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' }).format(0);
}
