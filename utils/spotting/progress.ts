/**
 * The spotter's progress on a page (its first name drawn, each full scan done), told where the
 * page cannot see it. `npm run bench` and the e2e tests need these moments; a page must not be
 * able to tell that Standpoint runs (docs/threat-model.md), so neither goes into anything the
 * document shares with its scripts (the performance timeline of `performance.mark`, the DOM, a
 * message):
 * - for traces, `console.timeStamp(label)`: a `TimeStamp` event in Chrome's trace (category
 *   `devtools.timeline`, `args.data.message` the label) and nothing a page can read;
 * - for waiting, a plain object on the content script's isolated world's global under a
 *   `Symbol.for` key (as the bundles leave their entry points: utils/lazy-bundle.ts), read over
 *   the DevTools protocol (test/e2e/harness/content-world.ts). The page's `window` is another
 *   world: it never sees the key or the object.
 */

/** The `Symbol.for` name of the progress object on the content script's global. */
export const SPOTTING_PROGRESS_NAME = 'standpoint.spotting-progress';

/** Trace labels (`console.timeStamp`) of the two moments. */
export const FIRST_HIGHLIGHT_STAMP = 'standpoint:first-highlight';
export const SCAN_DONE_STAMP = 'standpoint:scan-done';

export interface SpottingProgress {
  /** The slice that drew the page's first name has ended. */
  firstHighlight: boolean;
  /** Full scans ended: the page's first, then one per rescan (navigation, site switched back on). */
  scansDone: number;
}

/** The part of the global the progress is told to. */
export interface ProgressScope {
  console?: { timeStamp?: (label?: string) => void };
}

/** The progress object on `scope`, made on first use. */
function progressOf(scope: ProgressScope): SpottingProgress {
  const slot = scope as Record<symbol, SpottingProgress | undefined>;
  const key = Symbol.for(SPOTTING_PROGRESS_NAME);
  return (slot[key] ??= { firstHighlight: false, scansDone: 0 });
}

/** The slice that drew the page's first name has ended. */
export function reportFirstHighlight(scope: ProgressScope): void {
  scope.console?.timeStamp?.(FIRST_HIGHLIGHT_STAMP);
  progressOf(scope).firstHighlight = true;
}

/** A full scan of the page has ended. */
export function reportScanDone(scope: ProgressScope): void {
  scope.console?.timeStamp?.(SCAN_DONE_STAMP);
  progressOf(scope).scansDone++;
}
