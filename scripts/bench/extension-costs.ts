/**
 * What the real extension costs on a page, seen from a trace of the page's load: the content
 * script's main-thread time, its longest task, the time from its start to the first highlight,
 * and the JS heap it adds. The spotter stamps the trace at its first highlight and at the end of
 * its full scan (`console.timeStamp`, utils/spotting/progress.ts), where the page cannot see them;
 * the content script's start is the trace's evaluation of its script.
 *
 * Each page is loaded three ways (fresh tab each time; a traced load tried again comes from a
 * blank page of the same origin, see `measureWithExtension`):
 * - with a timeline trace and no sampler: the evaluation, the first highlight, the end of the
 *   scan and the longest task of ours, as a reader's browser runs them;
 * - with the sampler as well: the extension's main-thread time and where it went (the sampler
 *   slows what it watches, so these are upper bounds), and the heap;
 * - untraced, with the page's own long-task observer (./long-tasks.ts) and nothing else.
 */
import type { BrowserContext, CDPSession } from 'playwright-core';
import { FIRST_HIGHLIGHT_STAMP, SCAN_DONE_STAMP } from '@/utils/spotting/progress';
import { ContentWorlds, firstScanDone } from '../../test/e2e/harness/content-world';
import { observeLongTasks, readLongTasks, type PageLongTasks } from './long-tasks';
import { heapAfterGc, PAGE_LOAD_TIMEOUT_MS } from './page-costs';
import { startTracing, TraceView } from './trace';

/** Upper bound for the content script to finish its first scan, ms (a limit, not a measurement). */
const SCAN_WAIT_MS = 30_000;
/** How often the bench reads the spotter's progress, ms: rare enough to add no load of note. */
const SCAN_POLL_MS = 100;

export interface ExtensionCosts {
  /** From the content script's first evaluation to its first highlight, ms (null: no names). */
  firstHighlightMs: number | null;
  /**
   * Our CPU time from the content script's first evaluation to its first highlight, ms (null:
   * no names): what of `firstHighlightMs` is our own work (`TraceView.ourCpuMs`).
   */
  cpuToFirstHighlightMs: number | null;
  /** From the content script's first evaluation to the end of its first full scan, ms. */
  scanDoneMs: number | null;
  /** The extension's sampled main-thread time from its start to the end of the scan, ms (0 unsampled). */
  loadMs: number;
  /**
   * The longest main-thread task of ours (started by our code, or more than half of it ours:
   * scripts/bench/trace.ts), up to the end of the scan, ms; and the thread's CPU time in it.
   */
  longestTaskMs: number;
  longestTaskCpuMs: number;
  /**
   * The longest page task in which our code ran only nested (our observer or listener inside a
   * page's task), ms, and our own time inside it; 0 and 0 when there was none.
   */
  nestedTaskMs: number;
  nestedOursMs: number;
  /** JS heap in use after a full collection, bytes (the page and the content script together). */
  heapBytes: number;
  /** Where the extension's load time went (innermost frames; empty unsampled). */
  hotspots: { frame: string; ms: number }[];
  /** The content script's own evaluation (parse, compile, top-level code), ms. */
  evaluateMs: number;
  /** The thread's CPU time in that evaluation, ms. */
  evaluateCpuMs: number;
}

/**
 * Waits for the end of the spotter's first full scan, read in the content script's isolated
 * world over the page's DevTools session (test/e2e/harness/content-world.ts).
 */
export async function scanDone(cdp: CDPSession, extensionOrigin: string): Promise<void> {
  const worlds = await ContentWorlds.follow(cdp, extensionOrigin);
  try {
    await worlds.waitFor(firstScanDone, { timeoutMs: SCAN_WAIT_MS, pollMs: SCAN_POLL_MS });
  } finally {
    worlds.close();
  }
}

/**
 * Loads `url` in a new tab of the browser with the extension, traced (with the V8 sampler unless
 * `sampled` is false), and reads the costs.
 *
 * `warmUrl`, a page of the same origin, is loaded first, untraced, and its scan waited for. A
 * new tab's navigation gets a new renderer process, and the trace only covers a process from
 * the moment its tracing agent has started: on a page small enough to be loaded and idle before
 * then, the content script's evaluation is missing from the trace (4 of 24 loads of three small
 * corpus pages on 3 December; none of 24 with the warm page first), and a page whose tries all
 * missed it was skipped. Loaded from a page of its own origin, the page keeps the renderer that
 * was there, already traced. A warm renderer also makes the page's own load lighter, so the bench
 * loads this way only when a first try has failed.
 */
export async function measureWithExtension(
  context: BrowserContext,
  extensionOrigin: string,
  url: string,
  { sampled = true, warmUrl }: { sampled?: boolean; warmUrl?: string } = {},
): Promise<ExtensionCosts> {
  const page = await context.newPage();
  try {
    if (warmUrl) {
      // The renderer first, untraced: see `warmUrl` above. A session of its own, so the one below
      // hears of the measured page's worlds afresh.
      const warm = await context.newCDPSession(page);
      await page.goto(warmUrl, { waitUntil: 'load', timeout: PAGE_LOAD_TIMEOUT_MS });
      await scanDone(warm, extensionOrigin);
      await warm.detach();
    }
    const cdp = await context.newCDPSession(page);
    const tracing = await startTracing(cdp, { sampled });
    await page.goto(url, { waitUntil: 'load', timeout: PAGE_LOAD_TIMEOUT_MS });
    await scanDone(cdp, extensionOrigin);
    const view = new TraceView(await tracing.stop(), extensionOrigin);
    const heapBytes = await heapAfterGc(cdp);
    await cdp.detach();
    const start = view.contentScriptStart;
    if (start === null) throw new Error(`No content script ran on ${url}`);
    const first = view.timeStamp(FIRST_HIGHLIGHT_STAMP);
    const done = view.timeStamp(SCAN_DONE_STAMP);
    const end = done ?? Infinity;
    const own = view.longestOwnTask(start, end);
    const nested = view.longestNestedTask(start, end);
    return {
      firstHighlightMs: first === null ? null : (first - start) / 1000,
      cpuToFirstHighlightMs: first === null ? null : view.ourCpuMs(start, first),
      scanDoneMs: done === null ? null : (done - start) / 1000,
      loadMs: view.ourTime(start, end),
      longestTaskMs: own?.ms ?? 0,
      longestTaskCpuMs: own?.cpuMs ?? 0,
      nestedTaskMs: nested?.ms ?? 0,
      nestedOursMs: nested?.oursMs ?? 0,
      heapBytes,
      hotspots: view.ourHotspots(start, end),
      evaluateMs: view.contentScriptEvaluateMs,
      evaluateCpuMs: view.contentScriptEvaluateCpuMs,
    };
  } finally {
    await page.close();
  }
}

/**
 * An untraced load with the extension, seen by the page's own long-task observer only.
 * `extensionOrigin` finds the content script's world (by default any extension's: the bench's
 * browser holds only ours).
 */
export async function longTasksWithExtension(
  context: BrowserContext,
  url: string,
  extensionOrigin = 'chrome-extension://',
): Promise<PageLongTasks> {
  const page = await context.newPage();
  try {
    const cdp = await context.newCDPSession(page);
    await observeLongTasks(page);
    await page.goto(url, { waitUntil: 'load', timeout: PAGE_LOAD_TIMEOUT_MS });
    await scanDone(cdp, extensionOrigin);
    await cdp.detach();
    return await readLongTasks(page);
  } finally {
    await page.close();
  }
}
