/**
 * The card is loaded on demand: a page that names people but where nobody rests on a name never
 * loads the card bundle (card.js), and the first deliberate hover loads it once and opens a full
 * card. Scripts are counted as the page's debugger sees them, isolated worlds included.
 */
import type { CDPSession, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { firstHighlightDrawn, launchExtension, NewsPage, type ExtensionSession } from './harness';
import { byClass, findAll, mentionsReady, openCard, showFullCard, waitForCard } from './card-dom';

/** Long enough for anything a page load sets off to have run, ms; not a measurement. */
const SETTLE_MS = 1_500;

/** Evaluated in the content script's world: whether the card bundle has left its entry point. */
const BUNDLE_PRESENT = `Symbol.for('standpoint.card-bundle') in globalThis`;

const isCardBundle = (url: string) => /^chrome-extension:\/\/[^/]+\/card\.js$/.test(url);

describe('the card bundle, loaded on demand', () => {
  let session: ExtensionSession;
  let page: Page;
  let cdp: CDPSession;
  const scripts: string[] = [];

  beforeAll(async () => {
    session = await launchExtension();
    page = await session.context.newPage();
    cdp = await session.context.newCDPSession(page);
    cdp.on('Debugger.scriptParsed', (e) => {
      if (e.url) scripts.push(e.url);
    });
    await cdp.send('Debugger.enable');
    await page.goto(session.fixtureUrl('/demo.html'));
    await mentionsReady(page);
  });

  afterAll(async () => {
    await cdp?.detach().catch(() => undefined);
    await session?.close();
  });

  it('is not loaded on a page with names where the pointer only passes by', async () => {
    await session.waitForSpotting(page, firstHighlightDrawn);
    // The pointer crosses the page, over names too, without resting on one.
    const { width, height } = page.viewportSize()!;
    await page.mouse.move(5, 5);
    await page.mouse.move(width - 5, height - 5, { steps: 6 });
    await page.mouse.move(5, height / 2, { steps: 6 });
    await page.waitForTimeout(SETTLE_MS);

    expect(scripts.some((u) => u.endsWith('/content-loader.js'))).toBe(true);
    expect(scripts.filter(isCardBundle)).toEqual([]);
    expect(await session.evaluateInContentScript<boolean>(page, BUNDLE_PRESENT)).toBe(false);
    // Nothing of the card was set up either: the page has no card host.
    expect(await page.locator('standpoint-card-host').count()).toBe(0);
  });

  it('is loaded once by the first hover, which opens a working card', async () => {
    const news = new NewsPage(session, page);
    await news.hoverName('Volodymyr Zelenskyy');
    await waitForCard(page, 'Volodymyr Zelenskyy');
    await showFullCard(page);
    const dialog = (await openCard(page))!;
    expect(findAll(dialog, byClass('sp-role'))[0]!.text).toMatch(/Ukraine/);
    expect(findAll(dialog, byClass('sp-position')).length).toBeGreaterThan(0);
    expect(findAll(dialog, byClass('sp-evidence')).length).toBeGreaterThan(0);
    expect(await session.evaluateInContentScript<boolean>(page, BUNDLE_PRESENT)).toBe(true);

    // Another name's card uses the same bundle.
    await page.keyboard.press('Escape');
    await news.hoverName('Friedrich Merz');
    await waitForCard(page, 'Friedrich Merz');
    expect(scripts.filter(isCardBundle)).toHaveLength(1);
  });
});
