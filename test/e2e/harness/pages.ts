/**
 * Thin page objects for the e2e tests: a news page, the hover card and the popup. They hold the
 * selectors and the small bits of DOM reading so tests speak in user terms. Extend them as the
 * features grow; keep each method one user-visible step.
 */
import type { Locator, Page } from 'playwright-core';
import type { ExtensionSession } from './extension';

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
   * Moves the pointer onto the first occurrence of `text` in the page's text (it may span inline
   * elements). Throws when the text is not on the page.
   */
  async hoverName(text: string, occurrence = 0): Promise<void> {
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
    await this.page.mouse.move(box.x, box.y, { steps: 4 });
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

/** The selector of the element that hosts the card's shadow root. */
export const CARD_HOST_SELECTOR = 'standpoint-card-host';

/**
 * The hover card, rendered inside the shadow root of `<standpoint-card-host>`. Playwright's CSS
 * locators pierce open shadow roots; a closed root would need a test hook from the card module.
 */
export class CardObject {
  constructor(readonly page: Page) {}

  /** The card host element (present once the content script mounted it). */
  host(): Locator {
    return this.page.locator(CARD_HOST_SELECTOR);
  }

  /** The card itself. */
  dialog(): Locator {
    return this.host().locator('[role=dialog]');
  }

  /** Resolves once the card is visible; throws after Playwright's timeout. */
  async waitForOpen(timeout?: number): Promise<void> {
    await this.dialog().first().waitFor({ state: 'visible', timeout });
  }

  /** Resolves once the card is gone. */
  async waitForClosed(timeout?: number): Promise<void> {
    await this.dialog().first().waitFor({ state: 'hidden', timeout });
  }

  async isOpen(): Promise<boolean> {
    return this.dialog().first().isVisible();
  }

  /** The card's visible text. */
  async text(): Promise<string> {
    return this.dialog().first().innerText();
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
