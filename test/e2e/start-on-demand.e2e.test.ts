/**
 * What a page loads, as the page's debugger sees it (isolated worlds included): every page gets
 * the small content script and, in its first idle period, the spotting bundle; the hover bundle
 * comes only once a name is highlighted, and the card bundle only on a deliberate hover
 * (card-on-demand.e2e.test.ts). A page that names nobody loads neither, even when the pointer
 * crosses it.
 */
import type { CDPSession } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstScanDone, launchExtension, NewsPage, type ExtensionSession } from './harness';
import { mentionsReady, waitForCard } from './card-dom';

/** Long enough for anything a page load sets off to have run, ms; not a measurement. */
const SETTLE_MS = 1_000;

const fileOf = (url: string) => url.match(/^chrome-extension:\/\/[^/]+\/(.+)$/)?.[1] ?? null;

/** Opens `path` in a new tab and records the extension's scripts parsed in it. */
async function openRecorded(session: ExtensionSession, path: string) {
  const page = await session.context.newPage();
  const cdp: CDPSession = await session.context.newCDPSession(page);
  const files: string[] = [];
  cdp.on('Debugger.scriptParsed', (e) => {
    const file = fileOf(e.url);
    if (file) files.push(file);
  });
  await cdp.send('Debugger.enable');
  await page.goto(session.fixtureUrl(path));
  return { page, cdp, files };
}

describe('the page side, loaded in steps', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('a page that names nobody loads the content script and the spotting bundle, nothing more', async () => {
    const { page, cdp, files } = await openRecorded(session, '/spotting/no-names.html');
    await session.waitForSpotting(page, firstScanDone);
    const { width, height } = page.viewportSize()!;
    await page.mouse.move(width / 2, 120);
    await page.mouse.move(width / 2, height / 2, { steps: 5 });
    await page.waitForTimeout(SETTLE_MS);
    expect([...new Set(files)].sort()).toEqual(['content-loader.js', 'spotter.js']);
    await cdp.detach();
    await page.close();
  });

  it('a page with names loads the hover bundle once a name is highlighted, and hovers work', async () => {
    const { page, cdp, files } = await openRecorded(session, '/demo.html');
    await mentionsReady(page);
    await session.waitForSpotting(page, firstScanDone);
    await page.waitForTimeout(SETTLE_MS);
    expect([...new Set(files)].sort()).toEqual(['content-loader.js', 'hover.js', 'spotter.js']);
    expect(files.filter((f) => f === 'hover.js')).toHaveLength(1);

    const news = new NewsPage(session, page);
    await news.hoverName('Volodymyr Zelenskyy');
    await waitForCard(page, 'Volodymyr Zelenskyy');
    expect(files).toContain('card.js');
    await cdp.detach();
    await page.close();
  });
});
