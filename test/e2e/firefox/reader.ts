/**
 * What a reader sees of Standpoint on a page in Firefox, for the Firefox tests: the names the
 * add-on highlighted (the page's `CSS.highlights`, shared by the page and the content script),
 * where a name is on the screen, and the hover card, read inside its closed shadow root over
 * WebDriver BiDi (test/e2e/harness/firefox.ts, `inShadowRoot`).
 */
import type { Page } from 'puppeteer-core';
import type { FirefoxSession } from '../harness/firefox';
import { CARD_HOST_SELECTOR } from '../harness/pages';

/** Upper bound for the scan, the card or a page to show what a test waits for, ms; a limit. */
const WAIT_MS = 20_000;

/** Reads `read` until `ok` holds or `timeoutMs` have passed; returns the last value read. */
export async function poll<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  timeoutMs = WAIT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 150));
    value = await read();
  }
  return value;
}

/** Every highlighted range's text, sorted, read from the page's `CSS.highlights`. */
export function highlighted(page: Page): Promise<string[]> {
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
export function boxOfHighlighted(page: Page, text: string) {
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

/**
 * The middle of `name`'s highlight, once the page has highlighted it, scrolled into view.
 * Throws when it is not highlighted within WAIT_MS.
 */
export async function pointOnName(page: Page, name: string): Promise<{ x: number; y: number }> {
  const box = await poll(
    () => boxOfHighlighted(page, name),
    (found) => found !== null,
  );
  if (!box) throw new Error(`"${name}" is not highlighted`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

/** What the tests read of the hover card, inside its closed shadow root. */
export interface CardView {
  /** Shown to the reader: not a card set up ahead of its hover or tap, which sits unseen. */
  open: boolean;
  label: string;
  /** All its text, screen-reader words included ("Stance: supports"). */
  text: string;
  /** Its positions: each one's topic and stance chip ("Stance: Supports"). */
  positions: { topic: string; stance: string }[];
}

/**
 * Runs with the card's shadow root as `this`. A card set up ahead (at the prefetch point) is
 * rendered in a layer marked `sp-unseen` (`visibility: hidden`); `checkVisibility()` without
 * options would call it visible.
 */
const READ_CARD = `function () {
  const layer = this.querySelector('.sp-layer');
  const dialog = layer && layer.querySelector('[role=dialog]');
  if (!dialog) return { open: false, label: '', text: '', positions: [] };
  const r = dialog.getBoundingClientRect();
  const text = (el, selector) => (el.querySelector(selector)?.textContent ?? '').trim();
  return {
    open: !layer.classList.contains('sp-unseen') &&
      dialog.checkVisibility({ visibilityProperty: true }) && r.width > 0 && r.height > 0,
    label: dialog.getAttribute('aria-label') || '',
    text: dialog.textContent,
    positions: [...dialog.querySelectorAll('.sp-cpos')].map((p) => ({
      topic: text(p, '.sp-cpos-topic'),
      stance: text(p, '.sp-chip'),
    })),
  };
}`;

/** The card as rendered now; null while the page has no card host (no card set up yet). */
export function readCard(session: FirefoxSession, page: Page): Promise<CardView | null> {
  return session.inShadowRoot<CardView>(page, CARD_HOST_SELECTOR, READ_CARD);
}

/**
 * Waits for `name`'s card to be open and to show what `ready` asks (by default a position's
 * stance); returns the card as last read, open or not.
 */
export function waitForCard(
  session: FirefoxSession,
  page: Page,
  name: string,
  ready: (text: string) => boolean = (text) => /Stance: \w+/.test(text),
): Promise<CardView | null> {
  return poll(
    () => readCard(session, page),
    (view) => view?.open === true && view.label === `Standpoint: ${name}` && ready(view.text),
  );
}

/** Waits until no card is shown; returns the card as last read. */
export function waitForNoCard(session: FirefoxSession, page: Page): Promise<CardView | null> {
  return poll(
    () => readCard(session, page),
    (view) => view?.open !== true,
  );
}
