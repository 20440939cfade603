/**
 * Idle-time scheduling, one way for every part of the page side: the loader's start, spotting's
 * set-up and scan slices (utils/spotting), and the card's warm-up steps (utils/card/idle.ts).
 */

/** An idle callback runs at the latest after this long, ms, so busy pages still get scanned. */
export const IDLE_TIMEOUT_MS = 300;

/** The part of `window` used here (tests pass a fake). */
export type IdleWindow = Pick<Window, 'setTimeout'> &
  Partial<Pick<Window, 'clearTimeout' | 'requestIdleCallback' | 'cancelIdleCallback'>>;

/**
 * Runs `work` once in the browser's next idle period, at the latest after `timeout` ms (a plain
 * timer where there are no idle callbacks), unless `signal` has aborted by then. `work` gets the
 * idle deadline when the browser gave one. Returns a cancel.
 */
export function whenIdle(
  win: IdleWindow,
  work: (deadline?: IdleDeadline) => void,
  timeout: number = IDLE_TIMEOUT_MS,
  signal?: AbortSignal,
): () => void {
  const run = (deadline?: IdleDeadline) => {
    if (!signal?.aborted) work(deadline);
  };
  if (typeof win.requestIdleCallback === 'function') {
    const id = win.requestIdleCallback(run, { timeout });
    return () => win.cancelIdleCallback?.(id);
  }
  const id = win.setTimeout(() => run(), 0);
  return () => win.clearTimeout?.(id);
}

/**
 * True when an idle period still has `ms` of its time left. A deadline the browser gave because
 * the timeout ran out (`didTimeout`) has no idle time: it has room only for work that cannot wait.
 */
export function hasRoom(deadline: IdleDeadline, ms: number): boolean {
  return !deadline.didTimeout && deadline.timeRemaining() >= ms;
}
