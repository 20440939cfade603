/**
 * The card on a touch screen (docs/card.md, "Touch"), with trusted touch input in a context that
 * has a touch screen (`hasTouch`; Playwright's `touchscreen.tap` sends the DevTools protocol's
 * `Input.dispatchTouchEvent`, and Chromium makes of it the pointer events, the compatibility
 * mouse events and the `click` a finger's tap makes). A tap on a name opens its card at once;
 * that one click is kept from following a link under the name, and a second tap on the same
 * name follows it; a tap elsewhere closes the card. The fixture page
 * (test/fixtures/pages/touch.html) records what the page itself saw of each click.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  byClass,
  cardName,
  findAll,
  mentionsReady,
  openCard,
  waitForCard,
  waitForNoCard,
} from './card-dom';
import { CARD_HOST_SELECTOR, launchExtension, NewsPage, type ExtensionSession } from './harness';
import {
  blankPoint,
  clearTouchLog,
  LINKED_NAME as LINKED,
  PLAIN_NAME as PLAIN,
  readTouchLog,
  TOUCH_PAGE,
} from './harness/touch-page';

/** Upper bound for the page to react, ms; a limit, not a measurement. */
const WAIT_MS = 15_000;
/**
 * Well past the hover delay (400 ms default) and the close grace (300 ms), with room for a busy
 * machine: a card a hover would open or close has done so by then.
 */
const WELL_PAST_DELAY_MS = 1_500;

/** What the fixture page has recorded so far. */
const pageLog = (page: Page) => page.evaluate(readTouchLog);

describe('touch', () => {
  let session: ExtensionSession;
  let news: NewsPage;

  beforeAll(async () => {
    session = await launchExtension({ hasTouch: true });
    news = await NewsPage.open(session, TOUCH_PAGE);
    await mentionsReady(news.page);
    await news.hoverReady();
  });

  afterAll(async () => {
    await session?.close();
  });

  const cardBundleLoaded = () =>
    session.evaluateInContentScript<boolean>(
      news.page,
      `Symbol.for('standpoint.card-bundle') in globalThis`,
    );

  /** The positions on the open card, once it shows them. */
  async function shownPositions() {
    const read = async () => {
      const dialog = await openCard(news.page);
      return dialog ? findAll(dialog, byClass('sp-cpos')) : [];
    };
    await expect.poll(async () => (await read()).length, { timeout: WAIT_MS }).toBeGreaterThan(0);
    return read();
  }

  /** Taps `text` after checking that the card does not cover it; returns the point tapped. */
  async function tapUncovered(text: string): Promise<{ x: number; y: number }> {
    const { x, y } = await news.pointOn(text);
    const under = await news.page.evaluate(
      ([px, py]) => document.elementFromPoint(px!, py!)?.localName ?? null,
      [x, y],
    );
    expect(under).not.toBe(CARD_HOST_SELECTOR);
    await news.tapName(text);
    return { x, y };
  }

  /** A point on the page that is neither a name nor the card. */
  async function blankSpot(): Promise<{ x: number; y: number }> {
    const { x, y, under } = await news.page.evaluate(blankPoint);
    expect(['html', 'body']).toContain(under);
    return { x, y };
  }

  it('runs on a touch screen, on a page that cannot scroll (a scroll would close a card)', async () => {
    const page = news.page;
    expect(await page.evaluate(() => navigator.maxTouchPoints)).toBeGreaterThan(0);
    expect(
      await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight),
    ).toBe(true);
    expect((await news.mentions()).map((m) => m.text)).toEqual(
      expect.arrayContaining([PLAIN, LINKED]),
    );
    // No card yet on this page: the first tap loads the card bundle itself.
    expect(await cardBundleLoaded()).toBe(false);
  });

  it('a tap on a name in plain text opens its card at once; a tap elsewhere closes it', async () => {
    const page = news.page;
    await page.evaluate(clearTouchLog);
    await tapUncovered(PLAIN);
    await waitForCard(page, PLAIN);
    // The first card of the page: it shows the name while its data loads, then the positions.
    const positions = await shownPositions();
    expect((await openCard(page))!.attrs['aria-label']).toBe(`Standpoint: ${PLAIN}`);
    for (const p of positions) {
      expect(findAll(p, byClass('sp-cpos-topic'))[0]!.text.length).toBeGreaterThan(0);
      expect(findAll(p, byClass('sp-chip'))[0]!.text).toMatch(/^Stance: /);
    }
    // It was the tap that opened it, not a hover: the page saw touch pointer events only (the
    // hover side ignores those), and the tap's click reached the page already handled.
    const log = await pageLog(page);
    expect(log.pointerTypes.length).toBeGreaterThan(0);
    expect(log.pointerTypes.every((t) => t.endsWith(':touch'))).toBe(true);
    expect(log.clicks).toEqual([
      { on: 'plain', pointerType: 'touch', defaultPrevented: true, trusted: true },
    ]);

    const { x, y } = await blankSpot();
    await page.touchscreen.tap(x, y);
    await waitForNoCard(page);
  });

  it('a first tap on a name in a link opens its card and stays on the page; a second follows the link', async () => {
    const page = news.page;
    const before = page.url();
    expect(new URL(before).hash).toBe('');
    await page.evaluate(clearTouchLog);

    await tapUncovered(LINKED);
    await waitForCard(page, LINKED);
    await shownPositions();
    // The link's own click handler ran (the page sees the click) with the click's default
    // action cancelled: the page did not navigate.
    expect((await pageLog(page)).linkClicks).toEqual([{ defaultPrevented: true, trusted: true }]);
    expect(page.url()).toBe(before);
    expect(await page.evaluate(() => location.hash)).toBe('');

    // The name is not under the card: the second tap lands on the link.
    const { x, y } = await news.pointOn(LINKED);
    expect(
      await page.evaluate(([px, py]) => document.elementFromPoint(px!, py!)?.id ?? null, [x, y]),
    ).toBe('name-link');
    await page.touchscreen.tap(x, y);
    await expect.poll(() => page.evaluate(() => location.hash), { timeout: WAIT_MS }).toBe('#host');
    expect(page.url()).toBe(`${before}#host`);
    expect((await pageLog(page)).linkClicks).toEqual([
      { defaultPrevented: true, trusted: true },
      { defaultPrevented: false, trusted: true },
    ]);
    // The second tap leaves the card as it is.
    expect(await cardName(page)).toBe(LINKED);

    // A tap on another name switches the card; back on the linked name, its first tap is again
    // the card's, not the link's.
    await tapUncovered(PLAIN);
    await waitForCard(page, PLAIN);
    await tapUncovered(LINKED);
    await waitForCard(page, LINKED);
    expect((await pageLog(page)).linkClicks.at(-1)).toEqual({
      defaultPrevented: true,
      trusted: true,
    });
    await page.keyboard.press('Escape');
    await waitForNoCard(page);
  });

  it('leaves no hover behind: the mouse events a tap makes open, keep or reopen no card', async () => {
    const page = news.page;
    await page.evaluate(clearTouchLog);
    await tapUncovered(PLAIN);
    await waitForCard(page, PLAIN);
    // The browser made its compatibility mouse events of the tap, at the name.
    expect((await pageLog(page)).compatMouse).toEqual(
      expect.arrayContaining(['mousemove', 'mousedown', 'mouseup']),
    );
    // A hover's card closes once the pointer has left the name and the card; a tapped card has
    // no pointer to follow, and stays.
    await page.waitForTimeout(WELL_PAST_DELAY_MS);
    expect(await cardName(page)).toBe(PLAIN);
    // Closed with no pointer move at all, the card stays closed: the mouse the browser placed on
    // the name by the tap does not rest there as a hover would.
    await page.keyboard.press('Escape');
    await waitForNoCard(page);
    await page.waitForTimeout(WELL_PAST_DELAY_MS);
    expect(await openCard(page)).toBeNull();
    // The same after a tap elsewhere.
    await tapUncovered(PLAIN);
    await waitForCard(page, PLAIN);
    const { x, y } = await blankSpot();
    await page.touchscreen.tap(x, y);
    await waitForNoCard(page);
    await page.waitForTimeout(WELL_PAST_DELAY_MS);
    expect(await openCard(page)).toBeNull();
    // Only touch pointer events all along: nothing a hover would follow.
    expect((await pageLog(page)).pointerTypes.every((t) => t.endsWith(':touch'))).toBe(true);
  });
});
