/**
 * The card on a touch screen in Firefox (docs/card.md, "Touch"). The Firefox build is declared
 * for Firefox for Android too, where a finger is all a reader has. Real touch input: WebDriver
 * BiDi `input.performActions` with a pointer source of type `touch` (puppeteer-core's
 * `page.touchscreen`), which Firefox dispatches as a finger's: pointer events of pointerType
 * `touch` and touch events and, for a tap (a touch shorter than about 300 ms), the compatibility
 * mouse events and a `click` that is a PointerEvent of pointerType `touch` (docs/firefox.md,
 * "Touch"). A finger pressed on a name sets its card up; a tap on a name opens its card at once;
 * that one click is kept from following a link under the name, and a second tap follows it; a tap
 * elsewhere closes the card. The page is the Chromium test's (test/e2e/touch.e2e.test.ts): it
 * records what the page itself saw of each event.
 */
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchFirefox, type FirefoxSession } from '../harness/firefox';
import { CARD_HOST_SELECTOR } from '../harness/pages';
import {
  blankPoint,
  clearTouchLog,
  LINKED_NAME as LINKED,
  PLAIN_NAME as PLAIN,
  readTouchLog,
  TOUCH_PAGE,
} from '../harness/touch-page';
import {
  highlighted,
  pointOnName,
  poll,
  readCard,
  waitForCard,
  waitForNoCard,
  type CardView,
} from './reader';

/**
 * How long one press waits for its card to be set up before the finger lifts and presses again,
 * ms; a limit, not a measurement. See `pressUntilSetUp`.
 */
const PRESS_WAIT_MS = 3_000;
/** How many presses before giving up: a limit, not a measurement. */
const PRESSES = 6;
/**
 * Well past the hover delay (400 ms default) and the close grace (300 ms), with room for a busy
 * machine: a card a hover would open or close has done so by then.
 */
const WELL_PAST_DELAY_MS = 1_500;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('touch in Firefox', () => {
  let session: FirefoxSession;
  let page: Page;

  beforeAll(async () => {
    session = await launchFirefox();
    page = await session.openPage(TOUCH_PAGE);
  });

  afterAll(async () => {
    await session?.close();
  });

  const pageLog = () => page.evaluate(readTouchLog);

  /** Taps `name` after checking that the card does not cover it; returns the point tapped. */
  async function tapUncovered(name: string): Promise<{ x: number; y: number }> {
    const { x, y } = await pointOnName(page, name);
    const under = await page.evaluate(
      (px, py) => document.elementFromPoint(px, py)?.localName ?? null,
      x,
      y,
    );
    expect(under).not.toBe(CARD_HOST_SELECTOR);
    await page.touchscreen.tap(x, y);
    return { x, y };
  }

  /** Taps the page beside the blank block: neither a name nor the card. */
  async function tapElsewhere(): Promise<void> {
    const { x, y, under } = await page.evaluate(blankPoint);
    expect(['html', 'body']).toContain(under);
    await page.touchscreen.tap(x, y);
  }

  /** Esc, and waits for the card to close. */
  async function closeWithEscape(): Promise<void> {
    await page.keyboard.press('Escape');
    expect((await waitForNoCard(session, page))?.open ?? false).toBe(false);
  }

  /**
   * Puts a finger on `name` and keeps it there until the card of `name` is set up, unseen; lifts
   * it and returns that card. The hover side (`hover.js`) starts a moment after the page's first
   * highlight and the page cannot tell when (the Chromium test asks the content script, which
   * BiDi cannot reach in Firefox): a press before then is not seen, as a reader's would not be.
   * So a press that sets nothing up within PRESS_WAIT_MS is lifted and made again, PRESSES times
   * at most; without the press's prefetch no press ever sets the card up.
   */
  async function pressUntilSetUp(name: string): Promise<CardView | null> {
    const { x, y } = await pointOnName(page, name);
    const setUp = (view: CardView | null) =>
      view !== null && view.label === `Standpoint: ${name}` && view.positions.length > 0;
    let view: CardView | null = null;
    for (let press = 0; press < PRESSES && !setUp(view); press++) {
      const finger = await page.touchscreen.touchStart(x, y);
      try {
        view = await poll(() => readCard(session, page), setUp, PRESS_WAIT_MS);
        if (setUp(view)) {
          // Still pressed: nothing has clicked yet, nothing is shown.
          expect((await pageLog()).clicks).toEqual([]);
          expect(view?.open).toBe(false);
        }
      } finally {
        await finger.end();
      }
    }
    return view;
  }

  it('runs on a page that cannot scroll (a scroll would close a card), with no card set up', async () => {
    expect(
      await page.evaluate(() => document.documentElement.scrollHeight <= window.innerHeight),
    ).toBe(true);
    const names = await poll(
      () => highlighted(page),
      (found) => found.includes(PLAIN) && found.includes(LINKED),
    );
    expect(names).toEqual(expect.arrayContaining([PLAIN, LINKED]));
    // No card host yet: the first press sets the first card up.
    expect(await readCard(session, page)).toBeNull();
  });

  it('a finger pressed on a name sets its card up, positions and all, before it lifts', async () => {
    await page.evaluate(clearTouchLog);
    const card = await pressUntilSetUp(PLAIN);
    expect(card?.label).toBe(`Standpoint: ${PLAIN}`);
    expect(card?.positions.length).toBeGreaterThan(0);
    // The press alone did it: the page saw the finger's touch pointer events, and no mouse.
    const log = await pageLog();
    expect(log.pointerTypes).toContain('pointerdown:touch');
    expect(log.pointerTypes.every((t) => t.endsWith(':touch'))).toBe(true);
    // A press held longer than a tap clicks nothing in Firefox; if this one was short enough
    // to click, its card is open: close it.
    if ((await readCard(session, page))?.open) await closeWithEscape();
  });

  it('a tap on a name in plain text opens its card with the positions; a tap elsewhere closes it', async () => {
    await page.evaluate(clearTouchLog);
    await tapUncovered(PLAIN);
    const card = await waitForCard(session, page, PLAIN);
    expect(card?.open).toBe(true);
    expect(card?.label).toBe(`Standpoint: ${PLAIN}`);
    expect(card?.positions.length).toBeGreaterThan(0);
    for (const position of card!.positions) {
      expect(position.topic.length).toBeGreaterThan(0);
      expect(position.stance).toMatch(/^Stance: \w/);
    }
    // It was the tap that opened it, not a hover: the page saw touch pointer events only (the
    // hover side ignores those), and the tap's click reached the page already handled.
    const log = await pageLog();
    expect(log.pointerTypes.length).toBeGreaterThan(0);
    expect(log.pointerTypes.every((t) => t.endsWith(':touch'))).toBe(true);
    expect(log.clicks).toEqual([
      { on: 'plain', pointerType: 'touch', defaultPrevented: true, trusted: true },
    ]);

    await tapElsewhere();
    expect((await waitForNoCard(session, page))?.open ?? false).toBe(false);
  });

  it('a first tap on a name in a link opens its card and stays on the page; a second follows the link', async () => {
    const before = await page.evaluate(() => location.href);
    expect(new URL(before).hash).toBe('');
    await page.evaluate(clearTouchLog);

    const { x, y } = await tapUncovered(LINKED);
    expect((await waitForCard(session, page, LINKED))?.open).toBe(true);
    // The link's own click handler ran (the page sees the click) with the click's default
    // action cancelled: the page did not navigate.
    expect((await pageLog()).linkClicks).toEqual([{ defaultPrevented: true, trusted: true }]);
    expect(await page.evaluate(() => location.href)).toBe(before);

    // The name is not under the card: the second tap lands on the link, and follows it.
    expect(
      await page.evaluate((px, py) => document.elementFromPoint(px, py)?.id ?? null, x, y),
    ).toBe('name-link');
    await page.touchscreen.tap(x, y);
    expect(
      await poll(
        () => page.evaluate(() => location.hash),
        (hash) => hash === '#host',
      ),
    ).toBe('#host');
    expect(await page.evaluate(() => location.href)).toBe(`${before}#host`);
    expect((await pageLog()).linkClicks).toEqual([
      { defaultPrevented: true, trusted: true },
      { defaultPrevented: false, trusted: true },
    ]);
    // The second tap leaves the card as it is.
    const card = await readCard(session, page);
    expect(card?.open).toBe(true);
    expect(card?.label).toBe(`Standpoint: ${LINKED}`);

    // A tap on another name switches the card; back on the linked name, its first tap is again
    // the card's, not the link's.
    await tapUncovered(PLAIN);
    expect((await waitForCard(session, page, PLAIN))?.open).toBe(true);
    await tapUncovered(LINKED);
    expect((await waitForCard(session, page, LINKED))?.open).toBe(true);
    expect((await pageLog()).linkClicks.at(-1)).toEqual({ defaultPrevented: true, trusted: true });
    await closeWithEscape();
  });

  it('leaves no hover behind: the mouse events Firefox makes of a tap open, keep or reopen no card', async () => {
    await page.evaluate(clearTouchLog);
    await tapUncovered(PLAIN);
    expect((await waitForCard(session, page, PLAIN))?.open).toBe(true);
    // Firefox made its compatibility mouse events of the tap, at the name.
    expect((await pageLog()).compatMouse).toEqual(
      expect.arrayContaining(['mousemove', 'mousedown', 'mouseup']),
    );
    // A hover's card closes once the pointer has left the name and the card; a tapped card has
    // no pointer to follow, and stays.
    await sleep(WELL_PAST_DELAY_MS);
    const kept = await readCard(session, page);
    expect(kept?.open).toBe(true);
    expect(kept?.label).toBe(`Standpoint: ${PLAIN}`);
    // Closed with no pointer move at all, the card stays closed: the mouse Firefox placed on the
    // name by the tap does not rest there as a hover would.
    await closeWithEscape();
    await sleep(WELL_PAST_DELAY_MS);
    expect((await readCard(session, page))?.open).toBe(false);
    // Only touch pointer events all along: nothing a hover would follow.
    expect((await pageLog()).pointerTypes.every((t) => t.endsWith(':touch'))).toBe(true);
  });

  it('leaves nothing in the Browser Console: no error, no CSP report', async () => {
    expect(await session.addonConsoleMessages()).toEqual([]);
  });
});
