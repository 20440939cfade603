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
