/**
 * Thin page objects for the e2e tests: a news page, the hover card and the popup. They hold the
 * selectors and the small bits of DOM reading so tests speak in user terms. Extend them as the
 * features grow; keep each method one user-visible step.
 */
import type { Locator, Page } from 'playwright-core';
import type { ExtensionSession } from './extension';
import { evaluateInShadowRoot } from './shadow';

/** Upper bound for the hover side to start on a page with names, ms (a limit, not a measurement). */
const HOVER_READY_WAIT_MS = 20_000;

/** One highlighted range, as the page's CSS Custom Highlight registry holds it. */
export interface HighlightedMention {
  /** The highlight's name in `CSS.highlights`. */
  highlight: string;
  /** The highlighted text. */
  text: string;
}

/** A page the reader visits (a fixture page or the demo page). */
export class NewsPage {
  constructor(
    readonly session: ExtensionSession,
    readonly page: Page,
  ) {}

  /** Opens a fixture path (e.g. `/demo.html`) or a full URL in a new tab. */
  static async open(session: ExtensionSession, pathOrUrl: string): Promise<NewsPage> {
    return new NewsPage(session, await session.openPage(pathOrUrl));
  }

  /** Navigates this tab to a fixture path or URL. */
  async goto(pathOrUrl: string): Promise<void> {
    const url = /^[a-z-]+:/i.test(pathOrUrl) ? pathOrUrl : this.session.fixtureUrl(pathOrUrl);
    await this.page.goto(url);
  }

  /**
   * Every highlighted range on the page, read from `CSS.highlights` (the registry is shared by
   * the page and the content script, so this sees what the extension drew without DOM changes).
   */
  async mentions(): Promise<HighlightedMention[]> {
    return this.page.evaluate(() => {
      const found: { highlight: string; text: string }[] = [];
      const registry = (CSS as unknown as { highlights?: Map<string, Set<AbstractRange>> })
        .highlights;
      if (!registry) return found;
      for (const [name, highlight] of registry) {
        for (const range of highlight) {
          const live = document.createRange();
          live.setStart(range.startContainer, range.startOffset);
          live.setEnd(range.endContainer, range.endOffset);
          found.push({ highlight: name, text: live.toString() });
        }
      }
      return found;
    });
  }

  /**
   * Waits until the page's hover side has started. It loads once the page's first name is
   * highlighted (`hover.js`, docs/spotting.md "Start"); a pointer that stops on a name before
   * then gets its card only on its next move, as a reader's would.
   */
  async hoverReady(timeoutMs = HOVER_READY_WAIT_MS): Promise<void> {
    const started = Date.now();
    const ready = () =>
      this.session
        .evaluateInContentScript<boolean>(
          this.page,
          `Symbol.for('standpoint.hover-bundle') in globalThis`,
        )
        .catch(() => false);
    while (!(await ready())) {
      if (Date.now() - started > timeoutMs) {
        throw new Error(`The hover side did not start within ${timeoutMs} ms`);
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  /**
   * Moves the pointer onto the first occurrence of `text` in the page's text (it may span inline
   * elements), once the hover side has started. Throws when the text is not on the page.
   */
  async hoverName(text: string, occurrence = 0): Promise<void> {
    await this.hoverReady();
    const { x, y } = await this.pointOn(text, occurrence);
    await this.page.mouse.move(x, y, { steps: 4 });
  }

  /**
   * Taps the first occurrence of `text` (as `hoverName` finds it) on the touch screen, once the
   * hover side has started: trusted touch input, with the pointer and mouse events a browser
   * makes of a tap. Needs a session launched with `hasTouch: true`.
   */
  async tapName(text: string, occurrence = 0): Promise<void> {
    await this.hoverReady();
    const { x, y } = await this.pointOn(text, occurrence);
    await this.page.touchscreen.tap(x, y);
  }

  /**
   * The middle of the first line box of the `occurrence`th `text` in the page's text, in
   * viewport pixels, after scrolling it to the middle of the view. Throws when it is not there.
   */
  async pointOn(text: string, occurrence = 0): Promise<{ x: number; y: number }> {
    const box = await this.page.evaluate(
      ([needle, nth]) => {
        const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
        const nodes: Text[] = [];
        let whole = '';
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          nodes.push(n as Text);
          whole += (n as Text).data;
        }
        let at = -1;
        for (let i = 0; i <= nth; i++) {
          at = whole.indexOf(needle, at + 1);
          if (at < 0) return null;
        }
        // Written without inner named functions: tsx (esbuild keepNames) would wrap them in a
        // helper that does not exist in the page.
        const range = document.createRange();
        let seen = 0;
        let started = false;
        for (const node of nodes) {
          const end = seen + node.data.length;
          if (!started && at >= seen && at < end) {
            range.setStart(node, at - seen);
            started = true;
          }
          if (at + needle.length >= seen && at + needle.length <= end) {
            range.setEnd(node, at + needle.length - seen);
            break;
          }
          seen = end;
        }
        (range.startContainer.parentElement ?? document.body).scrollIntoView({ block: 'center' });
        const rect = range.getClientRects()[0] ?? range.getBoundingClientRect();
        return { x: rect.left + rect.width / 2, y: rect.top + rect.height / 2 };
      },
      [text, occurrence] as const,
    );
    if (!box) throw new Error(`"${text}" is not on the page`);
    return box;
  }

  /** The document as markup, to prove the extension left the page's DOM untouched. */
  async serializedDom(): Promise<string> {
    return this.page.evaluate(() => new XMLSerializer().serializeToString(document));
  }

  /** The hover card on this page. */
  card(): CardObject {
    return new CardObject(this.page);
  }

  /** This tab's id in the browser. */
  tabId(): Promise<number> {
    return this.session.tabIdOf(this.page);
  }
}

/** The element that hosts the card's shadow root. */
export const CARD_HOST_SELECTOR = 'standpoint-card-host';

/** How often the card object re-reads the card while waiting (ms). */
const CARD_POLL_MS = 100;
/** Default upper bound for the card to open or close (ms); a limit, not a measurement. */
const CARD_WAIT_MS = 10_000;

/** What the card object reads from the shadow root in one go. */
export interface CardState {
  /** A `[role=dialog]` is in the shadow root and rendered (not `display: none`, has a box). */
  open: boolean;
  text: string;
  /** The dialog's box in viewport pixels. */
  box: { x: number; y: number; width: number; height: number } | null;
}

/** Runs in the page with the shadow root as `this`; plain source text, so no bundler helpers leak in. */
const READ_CARD = `function () {
  const dialog = this.querySelector('[role=dialog]');
  if (!dialog) return { open: false, text: '', box: null };
  const r = dialog.getBoundingClientRect();
  const visible = dialog.checkVisibility ? dialog.checkVisibility() : r.width > 0;
  return {
    open: visible && r.width > 0 && r.height > 0,
    text: dialog.innerText,
    box: { x: r.x, y: r.y, width: r.width, height: r.height },
  };
}`;

/**
 * The hover card, rendered inside the shadow root of `<standpoint-card-host>`. The root is
 * closed (pages must not read or rewrite the card), so this reads it through the DevTools
 * protocol rather than Playwright locators.
 */
export class CardObject {
  constructor(readonly page: Page) {}

  /** The card host element in the light DOM (present once the content script mounted it). */
  host(): Locator {
    return this.page.locator(CARD_HOST_SELECTOR);
  }

  /** The card's current state; closed when there is no host yet. */
  async state(): Promise<CardState> {
    const state = await evaluateInShadowRoot<CardState>(this.page, CARD_HOST_SELECTOR, READ_CARD);
    return state ?? { open: false, text: '', box: null };
  }

  /**
   * Runs `functionDeclaration` (source of `function () { ... }`) with the card's shadow root as
   * `this`, for checks the other methods do not cover. Returns null when there is no card host.
   */
  query<T>(functionDeclaration: string): Promise<T | null> {
    return evaluateInShadowRoot<T>(this.page, CARD_HOST_SELECTOR, functionDeclaration);
  }

  async isOpen(): Promise<boolean> {
    return (await this.state()).open;
  }

  /** The card's visible text ('' when closed). */
  async text(): Promise<string> {
    return (await this.state()).text;
  }

  /** Resolves once the card is open; throws after `timeout` ms. */
  async waitForOpen(timeout = CARD_WAIT_MS): Promise<void> {
    await this.waitFor(true, timeout);
  }

  /** Resolves once the card is closed; throws after `timeout` ms. */
  async waitForClosed(timeout = CARD_WAIT_MS): Promise<void> {
    await this.waitFor(false, timeout);
  }

  /** Resolves when the card's CSS animations and transitions have finished (for screenshots). */
  async settled(): Promise<void> {
    await this.query<boolean>(
      `function () {
        return Promise.all(this.getAnimations().map((a) => a.finished.catch(() => null))).then(
          () => true,
        );
      }`,
    );
  }

  /** Clicks the centre of the first element matching `selector` inside the card. */
  async click(selector: string): Promise<void> {
    const box = await this.query<{ x: number; y: number } | null>(
      `function () {
        const el = this.querySelector(${JSON.stringify(selector)});
        if (!el) return null;
        el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
        const r = el.getBoundingClientRect();
        return { x: r.x + r.width / 2, y: r.y + r.height / 2 };
      }`,
    );
    if (!box) throw new Error(`No "${selector}" in the card`);
    await this.page.mouse.click(box.x, box.y);
  }

  private async waitFor(open: boolean, timeout: number): Promise<void> {
    const deadline = Date.now() + timeout;
    while ((await this.isOpen()) !== open) {
      if (Date.now() > deadline) {
        throw new Error(`The card did not ${open ? 'open' : 'close'} within ${timeout} ms`);
      }
      await this.page.waitForTimeout(CARD_POLL_MS);
    }
  }
}

/**
 * The popup, opened as a tab on `popup.html?tabId=<id>`: the popup reads the `tabId` parameter
 * to know which page it reports on (a real popup uses the active tab).
 */
export class PopupObject {
  constructor(
    readonly session: ExtensionSession,
    readonly page: Page,
  ) {}

  /** Opens the popup for the tab of `forPage` (or with no tab when omitted). */
  static async open(session: ExtensionSession, forPage?: Page): Promise<PopupObject> {
    const tabId = forPage ? await session.tabIdOf(forPage) : undefined;
    const query = tabId === undefined ? '' : `?tabId=${tabId}`;
    const page = await session.openExtensionPage(`popup.html${query}`);
    return new PopupObject(session, page);
  }

  /** The popup's root element (where Preact renders). */
  root(): Locator {
    return this.page.locator('#app');
  }

  async text(): Promise<string> {
    return this.root().innerText();
  }
}
