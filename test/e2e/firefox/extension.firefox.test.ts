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

/** Upper bound for the scan, the card or a page to show what a test waits for, ms; a limit. */
const WAIT_MS = 20_000;
/** The fixture article: names in headings, links and plain text; hidden copies never match. */
const ARTICLE = '/spotting/article.html';
const NAME = 'Volodymyr Zelenskyy';

/** Every highlighted range's text, sorted, read from the page's `CSS.highlights`. */
function highlighted(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const texts: string[] = [];
    const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    for (const [, highlight] of registry) {
      for (const range of highlight) {
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        texts.push(live.toString());
      }
    }
    return texts.sort();
  });
}

/** The viewport box of the first highlighted range whose text is `text`, scrolled into view. */
function boxOfHighlighted(page: Page, text: string) {
  return page.evaluate((needle) => {
    const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> }).highlights;
    for (const [, highlight] of registry) {
      for (const range of highlight) {
        const live = document.createRange();
        live.setStart(range.startContainer, range.startOffset);
        live.setEnd(range.endContainer, range.endOffset);
        if (live.toString() !== needle) continue;
        live.startContainer.parentElement?.scrollIntoView({ block: 'center' });
        const r = live.getBoundingClientRect();
        return { x: r.x, y: r.y, width: r.width, height: r.height };
      }
    }
    return null;
  }, text);
}

/** What the tests read of the hover card, inside its closed shadow root. */
interface CardView {
  open: boolean;
  label: string;
  /** All its text, screen-reader words included ("Stance: supports"). */
  text: string;
}

const READ_CARD = `function () {
  const dialog = this.querySelector('[role=dialog]');
  if (!dialog) return { open: false, label: '', text: '' };
  const r = dialog.getBoundingClientRect();
  return {
    open: dialog.checkVisibility() && r.width > 0 && r.height > 0,
    label: dialog.getAttribute('aria-label') || '',
    text: dialog.textContent,
  };
}`;

/** Waits for `name`'s highlight, rests the pointer on it and waits for its card's positions. */
async function hoverForCard(
  session: FirefoxSession,
  page: Page,
  name: string,
  /** What the card must show: by default a position's stance. */
  ready: (text: string) => boolean = (text) => /Stance: \w+/.test(text),
): Promise<CardView | null> {
  await poll(
    () => highlighted(page),
    (found) => found.includes(name),
  );
  const box = await boxOfHighlighted(page, name);
  if (!box) throw new Error(`"${name}" is not highlighted`);
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 4 });
  return poll(
    () => session.inShadowRoot<CardView>(page, CARD_HOST_SELECTOR, READ_CARD),
    (view) => view?.open === true && ready(view.text),
  );
}

async function poll<T>(read: () => Promise<T>, ok: (value: T) => boolean): Promise<T> {
  const deadline = Date.now() + WAIT_MS;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    value = await read();
  }
  return value;
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
