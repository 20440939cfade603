/**
 * What a page costs without the extension, and what our scan, the plain RegExp approach and
 * mark.js cost on it, each as a ratio to the floor timed in the same run. Runs in the browser
 * without extensions, with ./in-page/engine.ts injected into the page. Each timing is one run on
 * its own fresh copy of the body (style and layout up to date), after one untimed warm-up run.
 */
import type { CDPSession, Page } from 'playwright-core';
import type { Dictionary } from '@/utils/views';
import type { BenchEngine, Measured } from './in-page/engine';
import { median } from './stats';

/** Upper bound for a page to load, ms (a limit, not a measurement). */
export const PAGE_LOAD_TIMEOUT_MS = 60_000;

export interface PageCostOptions {
  /** Timed runs of the floor, the scan and the plain approach. */
  runs: number;
  /** Timed runs of mark.js (0 skips it on this page). */
  markJsRuns: number;
  /** Timed runs of each DOM-edit variant. */
  editRuns: number;
  dictionary: Dictionary;
  terms: string[];
  engineJs: string;
  markJsFile: string;
}

export interface PageCosts {
  /** Characters in the page's text nodes, and how many text nodes. */
  chars: number;
  mentions: number;
  floorMs: number;
  scanMs: number;
  scanRatio: number;
  plainMs: number;
  plainRatio: number;
  markJsMs: number | null;
  markJsRatio: number | null;
  editsNoneMs: number;
  editsStaticMs: number;
  editsLiveMs: number;
  /** Edits with our highlights over edits without: the target is at most 1.2. */
  editRatio: number;
  liveEditRatio: number;
  editedNodes: number;
  /** The page's own JS heap after a full collection, bytes (the heap baseline). */
  heapBytes: number;
}

type EngineHost = { standpointBench: BenchEngine };

/** JS heap in use after a full collection, bytes. */
export async function heapAfterGc(cdp: CDPSession): Promise<number> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { usedSize } = await cdp.send('Runtime.getHeapUsage');
  return usedSize;
}

/** Loads `url` in a fresh tab of the plain browser and measures it. */
export async function measurePage(
  newPage: () => Promise<Page>,
  url: string,
  opts: PageCostOptions,
): Promise<PageCosts> {
  const page = await newPage();
  try {
    await page.goto(url, { waitUntil: 'load', timeout: PAGE_LOAD_TIMEOUT_MS });
    const cdp = await page.context().newCDPSession(page);
    const heapBytes = await heapAfterGc(cdp);
    await cdp.detach();
    // The scripts stay defined once run; their elements go, so their source is not page text.
    for (const tag of [{ content: opts.engineJs }, { path: opts.markJsFile }]) {
      const handle = await page.addScriptTag(tag);
      await handle.evaluate((el) => (el as Element).remove());
      await handle.dispose();
    }
    await page.evaluate(
      ([dict, terms]) => (globalThis as unknown as EngineHost).standpointBench.prepare(dict, terms),
      [opts.dictionary, opts.terms] as const,
    );
    const run = (what: Measured) =>
      page.evaluate((w) => (globalThis as unknown as EngineHost).standpointBench.run(w), what);

    // Warm-up: first compilation and first string conversions are paid here, untimed.
    for (const what of ['floor', 'scan', 'plain'] as const) await run(what);

    const floor: number[] = [];
    const scan: number[] = [];
    const scanRatio: number[] = [];
    const plain: number[] = [];
    const plainRatio: number[] = [];
    let chars = 0;
    let mentions = 0;
    for (let r = 0; r < opts.runs; r++) {
      const f = await run('floor');
      const s = await run('scan');
      const p = await run('plain');
      floor.push(f.ms);
      scan.push(s.ms);
      plain.push(p.ms);
      scanRatio.push(s.ms / f.ms);
      plainRatio.push(p.ms / f.ms);
      chars = f.found;
      mentions = s.found;
    }
    const mark: number[] = [];
    const markRatio: number[] = [];
    for (let r = 0; r < opts.markJsRuns; r++) {
      const f = await run('floor');
      const m = await run('markjs');
      mark.push(m.ms);
      markRatio.push(m.ms / f.ms);
    }
    // The three edit variants, in a rotating order so none always runs first.
    const variants = ['edits-none', 'edits-static', 'edits-live'] as const;
    const edits: Record<(typeof variants)[number], number[]> = {
      'edits-none': [],
      'edits-static': [],
      'edits-live': [],
    };
    let editedNodes = 0;
    for (let r = 0; r < opts.editRuns; r++) {
      for (let k = 0; k < variants.length; k++) {
        const v = variants[(r + k) % variants.length]!;
        const e = await run(v);
        edits[v].push(e.ms);
        editedNodes = e.found;
      }
    }
    const none = median(edits['edits-none']);
    return {
      chars,
      mentions,
      floorMs: median(floor),
      scanMs: median(scan),
      scanRatio: median(scanRatio),
      plainMs: median(plain),
      plainRatio: median(plainRatio),
      markJsMs: mark.length ? median(mark) : null,
      markJsRatio: markRatio.length ? median(markRatio) : null,
      editsNoneMs: none,
      editsStaticMs: median(edits['edits-static']),
      editsLiveMs: median(edits['edits-live']),
      editRatio: median(edits['edits-static']) / none,
      liveEditRatio: median(edits['edits-live']) / none,
      editedNodes,
      heapBytes,
    };
  } finally {
    await page.close();
  }
}
