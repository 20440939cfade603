/**
 * Standpoint in Firefox, as a reader meets it: one browser, the Firefox build installed as an
 * add-on, a news page and the extension's pages. Names are highlighted and painted, a deliberate
 * hover opens the card with positions, the popup and the options page render, the page's DOM is
 * untouched, the background comes back after Firefox unloads it, and nothing of ours reaches the
 * Browser Console (no script error, no CSP report) through all of it.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ExtensionGlobal } from '../harness/chrome-api';
import { CARD_HOST_SELECTOR } from '../harness/pages';
import { launchFirefox, type FirefoxSession } from '../harness/firefox';
import {
  boxOfHighlighted,
  highlighted,
  pointOnName,
  poll,
  waitForCard,
  type CardView,
} from './reader';

/** The fixture article: names in headings, links and plain text; hidden copies never match. */
const ARTICLE = '/spotting/article.html';
const NAME = 'Volodymyr Zelenskyy';

/** Rests the mouse on `name` once it is highlighted, and waits for its card (see waitForCard). */
async function hoverForCard(
  session: FirefoxSession,
  page: Page,
  name: string,
  ready?: (text: string) => boolean,
): Promise<CardView | null> {
  const { x, y } = await pointOnName(page, name);
  await page.mouse.move(x, y, { steps: 4 });
  return waitForCard(session, page, name, ready);
}

describe('Standpoint in Firefox', () => {
  let session: FirefoxSession;
  let article: Page;

  beforeAll(async () => {
    session = await launchFirefox();
    article = await session.openPage(ARTICLE);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('highlights the names of an article, paints them, and leaves the DOM as it was', async () => {
    const names = await poll(
      () => highlighted(article),
      (found) => found.includes(NAME),
    );
    expect(names).toEqual(expect.arrayContaining([NAME, 'Donald Trump', 'Friedrich Merz']));
    expect(names).not.toContain('Emmanuel Macron'); // hidden, in a form field or an attribute

    const initial = await article.evaluate(
      () => (window as unknown as { initialDom: string }).initialDom,
    );
    const now = await article.evaluate(() => new XMLSerializer().serializeToString(document));
    expect(now).toBe(initial);

    // Painted: the name's pixels with our highlights differ from the same pixels without them.
    const box = await boxOfHighlighted(article, 'Donald Trump');
    expect(box).not.toBeNull();
    const clip = {
      x: Math.floor(box!.x) - 2,
      y: Math.floor(box!.y) - 2,
      width: Math.ceil(box!.width) + 4,
      height: Math.ceil(box!.height) + 6,
    };
    const shot = () => article.screenshot({ clip, encoding: 'base64' });
    const withHighlights = await shot();
    const saved = await article.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, unknown> }).highlights;
      const entries = [...registry];
      registry.clear();
      return entries.length;
    });
    expect(saved).toBeGreaterThan(0);
    await article.evaluate(
      () => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))),
    );
    const withoutHighlights = await shot();
    expect(
      withHighlights === withoutHighlights ? 'the same pixels: nothing painted' : 'painted',
      '"Donald Trump" with and without the add-on\'s highlights',
    ).toBe('painted');
  });

  it('opens the card with the positions after a deliberate hover', async () => {
    // A fresh load: the previous test took the highlights out of this page's registry.
    await article.reload();
    const card = await hoverForCard(session, article, NAME);
    expect(card?.open).toBe(true);
    expect(card?.label).toBe(`Standpoint: ${NAME}`);
    expect(card?.text).toContain(NAME);
    expect(card?.text).toMatch(/Stance: \w+/);

    // The page itself cannot reach into the card: its shadow root is closed.
    const fromPage = await article.evaluate(
      (tag) => document.querySelector(tag)?.shadowRoot ?? null,
      CARD_HOST_SELECTOR,
    );
    expect(fromPage).toBeNull();
  });

  it('renders the popup for the article, and says so on a tab it cannot read', async () => {
    // The tab id of the article, asked of the extension as the toolbar popup would.
    const options = await session.openExtensionPage('options.html');
    await article.bringToFront();
    const tabId = await options.evaluate(async () => {
      const { chrome } = globalThis as ExtensionGlobal;
      const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
      return tab?.id ?? null;
    });
    expect(tabId).not.toBeNull();

    const popup = await session.openExtensionPage(`popup.html?tabId=${tabId}`);
    const text = await poll(
      () => popup.evaluate(() => document.body.innerText),
      (t) => t.includes(NAME),
    );
    expect(text).toContain(NAME);

    // Opened on itself (the active tab then is the popup's own page): no content script there.
    const alone = await session.openExtensionPage('popup.html');
    const aloneText = await poll(
      () => alone.evaluate(() => document.body.innerText),
      (t) => t.includes('Standpoint cannot read this tab'),
    );
    expect(aloneText).toContain('Standpoint cannot read this tab');
    await Promise.all([popup.close(), alone.close()]);

    const optionsText = await poll(
      () => options.evaluate(() => document.body.innerText),
      (t) => t.includes('Installed packs') && t.includes('berlin-talks-2025'),
    );
    expect(optionsText).toContain('Feeds');
    expect(optionsText).toContain('berlin-talks-2025');
    await options.close();
  });

  it('comes back after Firefox unloads the background script', async () => {
    await session.stopBackground();
    expect(await session.backgroundRunning()).toBe(false);

    // A card's data comes from the store in the background: it must wake and answer. (The
    // packs hold no position of Donald Trump's; his card says so, with his role and sources.)
    const again = await session.openPage(ARTICLE);
    const card = await hoverForCard(session, again, 'Donald Trump', (text) =>
      text.includes('U.S. President'),
    );
    expect(card?.label).toBe('Standpoint: Donald Trump');
    expect(card?.text).toContain('The installed packs hold no position stated by Donald Trump');
    expect(await session.backgroundRunning()).toBe(true);
    await again.close();
  });

  it('leaves nothing in the Browser Console: no error, no CSP report', async () => {
    expect(await session.addonConsoleMessages()).toEqual([]);
  });
});
