/**
 * The cost of following a page that keeps changing: the generated live page appends a paragraph
 * every 50 ms for 10 s; the trace attributes main-thread time to the extension by its sampled
 * stacks (see ./trace.ts), from the content script's start until the page has been still for a
 * while. The same numbers for the page's own work are given for scale.
 */
import type { BrowserContext } from 'playwright-core';
import { SCAN_DONE_STAMP } from '@/utils/spotting/progress';
import { CHANGING_FOR_MS } from './generated-pages';
import { PAGE_LOAD_TIMEOUT_MS } from './page-costs';
import { startTracing, TraceView } from './trace';

/**
 * Time the page stays traced after its last change, ms: longer than the spotter's idle timeout
 * and its per-second budget window, so deferred work is counted too.
 */
const SETTLE_AFTER_CHANGES_MS = 1_500;

export interface LiveCosts {
  /** How long the page kept changing, ms. */
  changingMs: number;
  /** The extension's sampled main-thread time over the whole run, ms. */
  extensionMs: number;
  /** The same as a share of the time the page kept changing. */
  extensionShare: number;
  /** The longest task in which the extension ran, its first scan included, ms. */
  longestTaskMs: number;
  /** The longest such task after the first scan: following the changes only, ms. */
  longestFollowTaskMs: number;
  /** All main-thread tasks of the page over the run (its own work, ours, rendering), ms. */
  mainThreadBusyMs: number;
  /** Mentions highlighted at the end. */
  mentions: number;
}

export async function measureLivePage(
  context: BrowserContext,
  extensionOrigin: string,
  url: string,
): Promise<LiveCosts> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    const tracing = await startTracing(cdp);
    await page.goto(url, { waitUntil: 'load', timeout: PAGE_LOAD_TIMEOUT_MS });
    await page.waitForFunction(() => 'benchDone' in document.documentElement.dataset, undefined, {
      timeout: CHANGING_FOR_MS * 3,
      polling: 500,
    });
    await page.waitForTimeout(SETTLE_AFTER_CHANGES_MS);
    const view = new TraceView(await tracing.stop(), extensionOrigin);
    await cdp.detach();
    const mentions = await page.evaluate(() => CSS.highlights.get('standpoint-mention')?.size ?? 0);
    const start = view.contentScriptStart;
    if (start === null) throw new Error('No content script ran on the live page');
    const extensionMs = view.ourTime(start);
    const busy = view.tasks(start).reduce((sum, t) => sum + t.ms, 0);
    return {
      changingMs: CHANGING_FOR_MS,
      extensionMs,
      extensionShare: extensionMs / CHANGING_FOR_MS,
      longestTaskMs: view.longestOurTask(start),
      longestFollowTaskMs: view.longestOurTask(view.timeStamp(SCAN_DONE_STAMP) ?? start),
      mainThreadBusyMs: busy,
      mentions,
    };
  } finally {
    await page.close();
  }
}
