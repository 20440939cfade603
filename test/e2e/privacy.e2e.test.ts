/**
 * What a page's own scripts can see of Standpoint (docs/threat-model.md, "What a page can still
 * learn"). On a page that names nobody, nothing: no performance entry of ours in the document's
 * timeline (shared by the page and the content script's isolated world) and no entry of ours in
 * the highlight registry. On a page that names someone, the highlight is there (it paints the
 * names), and still no performance entry. The spotter's progress is read where the page cannot
 * read it, in the content script's isolated world (test/e2e/harness/content-world.ts).
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HIGHLIGHT_NAME } from '@/utils/spotting/highlight';
import {
  firstHighlightDrawn,
  firstScanDone,
  launchExtension,
  type ExtensionSession,
} from './harness';

/** What the page's own script learns. */
interface PageView {
  /** `performance.getEntries()`, as "type name". */
  entries: string[];
  /** Every entry its PerformanceObservers saw from the page's start, of every observable type. */
  observed: string[];
  /** The highlight registry: each name and its number of ranges. */
  highlights: [string, number][];
}

declare global {
  interface Window {
    observedEntries?: string[];
  }
}

/**
 * Runs before the page's and the extension's scripts: the page observes every performance entry
 * type the browser lets it observe, buffered, as a page spying on its readers would.
 */
function observeEverything(): void {
  const seen: string[] = [];
  window.observedEntries = seen;
  for (const type of PerformanceObserver.supportedEntryTypes) {
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          // A long animation frame names the scripts that ran in it.
          const scripts = (e as { scripts?: { sourceURL: string; invoker: string }[] }).scripts;
          const where = (scripts ?? []).map((s) => ` ${s.sourceURL} ${s.invoker}`).join('');
          seen.push(`${e.entryType} ${e.name}${where}`);
        }
      }).observe({ type, buffered: true });
    } catch {
      // A type this page may not observe.
    }
  }
}

/** What the page's own script sees, read in the page's main world. */
function pageView(page: Page): Promise<PageView> {
  return page.evaluate(() => {
    const registry = (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights;
    return {
      entries: performance.getEntries().map((e) => `${e.entryType} ${e.name}`),
      observed: [...(window.observedEntries ?? [])],
      highlights: [...registry].map(([name, h]): [string, number] => [name, h.size]),
    };
  });
}

/** Entries of ours: named after the product, or by the extension's URL or id. */
const ours = (entries: string[], extensionId: string) =>
  entries.filter(
    (e) => /\bstandpoint/i.test(e) || e.includes('chrome-extension:') || e.includes(extensionId),
  );

describe("what a page's own scripts see of Standpoint", () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });

  afterAll(async () => {
    await session?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await session.context.newPage();
    await page.addInitScript(observeEverything);
    await page.goto(session.fixtureUrl(path));
    return page;
  }

  it('a page that names nobody sees no performance entry of ours and an empty highlight registry', async () => {
    const page = await open('/spotting/no-names.html');
    // The spotter ran and finished its scan: read in its own world, where the page cannot look.
    const progress = await session.waitForSpotting(page, firstScanDone);
    expect(progress).toEqual({ firstHighlight: false, scansDone: 1 });

    const view = await pageView(page);
    expect(view.observed.length).toBeGreaterThan(0); // the observers work: they saw the page's own
    expect(ours(view.entries, session.extensionId)).toEqual([]);
    expect(ours(view.observed, session.extensionId)).toEqual([]);
    expect(view.highlights).toEqual([]);
    expect(
      await page.evaluate(
        () => (CSS as unknown as { highlights: { size: number } }).highlights.size,
      ),
    ).toBe(0);
    await page.close();
  });

  it('a page that names someone sees the highlight, and still no performance entry of ours', async () => {
    const page = await open('/demo.html');
    await session.waitForSpotting(page, firstHighlightDrawn);
    const progress = await session.waitForSpotting(page, firstScanDone);
    expect(progress.firstHighlight).toBe(true);

    const view = await pageView(page);
    expect(view.highlights).toHaveLength(1);
    expect(view.highlights[0]![0]).toBe(HIGHLIGHT_NAME);
    expect(view.highlights[0]![1]).toBeGreaterThan(0);
    expect(ours(view.entries, session.extensionId)).toEqual([]);
    expect(ours(view.observed, session.extensionId)).toEqual([]);
    expect(
      await page.evaluate(() => performance.getEntriesByType('mark').map((e) => e.name)),
    ).toEqual([]);
    await page.close();
  });
});
