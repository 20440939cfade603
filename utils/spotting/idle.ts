/** Idle-time scheduling, shared by the loader, the start of spotting and the scan. */

/** An idle callback runs at the latest after this long, ms, so busy pages still get scanned. */
export const IDLE_TIMEOUT_MS = 300;

/** Runs `work` when the browser is idle (at the latest after IDLE_TIMEOUT_MS); returns a cancel. */
export function whenIdle(
  win: Window & typeof globalThis,
  work: (deadline?: IdleDeadline) => void,
): () => void {
  if (typeof win.requestIdleCallback === 'function') {
    const id = win.requestIdleCallback(work, { timeout: IDLE_TIMEOUT_MS });
    return () => win.cancelIdleCallback(id);
  }
  const id = win.setTimeout(work, 1);
  return () => win.clearTimeout(id);
}
