/**
 * Long tasks as the page itself sees them: a `PerformanceObserver` for `longtask` (over 50 ms),
 * installed before any script of the page runs, read once the page has settled. The same
 * observer runs on every page with the extension and without it, so a page that gets a long
 * task only with the extension shows what a site's own monitoring (or a reader) would notice.
 */
import type { Page } from 'playwright-core';

/** After the load event, the window both loads observe, ms: idle scans of ours end in it. */
const LONG_TASK_SETTLE_MS = 1_000;

/** What the page's observer saw. */
export interface PageLongTasks {
  /** Long tasks (over 50 ms) from the navigation to the end of the window. */
  count: number;
  /** The longest of them, ms (0 when there was none). */
  worstMs: number;
}

/** Installs the observer in `page` before its next navigation. */
export async function observeLongTasks(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const seen: number[] = [];
    (window as unknown as { __benchLongTasks: number[] }).__benchLongTasks = seen;
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) seen.push(e.duration);
      }).observe({ type: 'longtask', buffered: true });
    } catch {
      // No long-task support: nothing is reported.
    }
  });
}

/** Waits until LONG_TASK_SETTLE_MS after the load event, then reads what the observer saw. */
export async function readLongTasks(page: Page): Promise<PageLongTasks> {
  await page.waitForFunction(
    (settle) => {
      const nav = performance.getEntriesByType('navigation')[0] as
        PerformanceNavigationTiming | undefined;
      return !!nav && nav.loadEventEnd > 0 && performance.now() >= nav.loadEventEnd + settle;
    },
    LONG_TASK_SETTLE_MS,
    { polling: 100, timeout: 60_000 },
  );
  const durations = await page.evaluate(
    () => (window as unknown as { __benchLongTasks?: number[] }).__benchLongTasks ?? [],
  );
  return { count: durations.length, worstMs: durations.length ? Math.max(...durations) : 0 };
}

/** One plain load of `url` (no extension), observed. */
export async function plainLongTasks(newPage: () => Promise<Page>, url: string, timeoutMs: number) {
  const page = await newPage();
  try {
    await observeLongTasks(page);
    await page.goto(url, { waitUntil: 'load', timeout: timeoutMs });
    return await readLongTasks(page);
  } finally {
    await page.close();
  }
}

/** One untraced load with the extension and one without, as the page's own observer saw them. */
export interface LongTaskPair {
  with: PageLongTasks;
  without: PageLongTasks;
}

/**
 * Pairs loaded again on a page whose first pair saw a long task only with the extension: one load
 * is too few to tell the extension's doing from the machine's (on 2 cores a page's own 40 ms task
 * often passes 50 ms in one load and not in the next, with the extension or without).
 */
export const CONFIRMING_PAIRS = 4;

/**
 * Whether a page gets a long task only with the extension: most of its loads with the extension
 * saw one, and most of its loads without did not. With one pair, as before any retry: a long
 * task with the extension and none without. Pairs missing a side (NaN) are left out.
 */
export function longTaskOnlyWithUs(pairs: LongTaskPair[]): boolean {
  const seen = pairs.filter(
    (p) => Number.isFinite(p.with.count) && Number.isFinite(p.without.count),
  );
  if (seen.length === 0) return false;
  const share = (side: (p: LongTaskPair) => PageLongTasks) =>
    seen.filter((p) => side(p).count > 0).length / seen.length;
  return share((p) => p.with) > 0.5 && share((p) => p.without) < 0.5;
}
