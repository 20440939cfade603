/**
 * Scheduling on the page, one way for every part of the page side: idle time for work no reader
 * waits for (scan slices that follow the page's changes, a rebuilt matcher, the card's warm-up
 * steps in utils/card/idle.ts), and a task of its own for the short steps a reader does wait for
 * (the set-up and the first scan of a page, utils/spotting).
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
 * Runs `work` in a task of its own, after the tasks the page has already queued but without
 * waiting for an idle period (which a page still loading images or running its scripts may not
 * give for hundreds of ms), unless `signal` has aborted by then. For short steps only: each such
 * task must stay far under the 50 ms of a long task. Returns a cancel.
 */
export function nextTask(win: IdleWindow, work: () => void, signal?: AbortSignal): () => void {
  const id = win.setTimeout(() => {
    if (!signal?.aborted) work();
  }, 0);
  return () => win.clearTimeout?.(id);
}

/**
 * True when an idle period still has `ms` of its time left. A deadline the browser gave because
 * the timeout ran out (`didTimeout`) has no idle time: it has room only for work that cannot wait.
 */
export function hasRoom(deadline: IdleDeadline, ms: number): boolean {
  return !deadline.didTimeout && deadline.timeRemaining() >= ms;
}
