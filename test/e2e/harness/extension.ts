/**
 * One running extension for a test file: Chromium with the build loaded, the fixture server,
 * and the helpers tests need to reach the extension's pages, its service worker and its
 * content scripts.
 */
import type { BrowserContext, Page, Worker } from 'playwright-core';
import type { SpottingProgress } from '../../../utils/spotting/progress';
import type { ExtensionGlobal } from './chrome-api';
import { ContentWorlds } from './content-world';
import { startFixtureServer, type FixtureServer } from './fixture-server';
import { launchBrowser, type LaunchBrowserOptions } from './launch';

export interface ExtensionSession {
  context: BrowserContext;
  extensionId: string;
  server: FixtureServer;
  /** A fixture URL: `fixtureUrl('/demo.html')`, `fixtureUrl('/spotting/basic.html')`. */
  fixtureUrl(pathname: string): string;
  /** An extension URL: `extensionUrl('popup.html?tabId=3')`. */
  extensionUrl(pathname: string): string;
  /** A new tab on a fixture page (path) or any URL. */
  openPage(pathOrUrl: string): Promise<Page>;
  /** A new tab on an extension page: popup.html, compare.html, options.html, source.html... */
  openExtensionPage(pathname: string): Promise<Page>;
  /** The extension's service worker, for `evaluate` calls against the `chrome.*` APIs. */
  serviceWorker(): Promise<Worker>;
  /** The browser's tab id of a page (it brings the page to the front to find it). */
  tabIdOf(page: Page): Promise<number>;
  /**
   * Sends a tab message (e.g. `getPageReport`, utils/tab-message.ts) to the content script of a tab, from
   * the service worker, and returns the handler's reply. Throws if no content script answers.
   */
  sendToTab<T = unknown>(tabId: number, type: string, data?: unknown): Promise<T>;
  /** Names of the isolated worlds in a page that belong to this extension's content scripts. */
  contentScriptWorlds(page: Page): Promise<string[]>;
  /**
   * Evaluates a JavaScript expression in the content script's isolated world of the page's main
   * frame (where `chrome.runtime` is the extension's) and returns its JSON value.
   */
  evaluateInContentScript<T = unknown>(page: Page, expression: string): Promise<T>;
  /**
   * Waits until the spotter's progress in the page's main frame passes `reached`
   * (`firstScanDone`, `firstHighlightDrawn` from ./content-world.ts), read in the content
   * script's isolated world: the page itself never sees it (utils/spotting/progress.ts).
   */
  waitForSpotting(
    page: Page,
    reached: (progress: SpottingProgress) => boolean,
  ): Promise<SpottingProgress>;
  close(): Promise<void>;
}

export type LaunchExtensionOptions = LaunchBrowserOptions;

/**
 * Launches Chromium with the extension and starts the fixture server.
 * Call `close()` in `afterAll`; it stops both and removes the profile.
 */
export async function launchExtension(
  opts: LaunchExtensionOptions = {},
): Promise<ExtensionSession> {
  const server = await startFixtureServer();
  let browser;
  try {
    browser = await launchBrowser(opts);
  } catch (error) {
    await server.close();
    throw error;
  }
  const { context, extensionId } = browser;
  const extensionOrigin = `chrome-extension://${extensionId}`;

  const fixtureUrl = (pathname: string) => server.url(pathname);
  const extensionUrl = (pathname: string) =>
    new URL(pathname.replace(/^\//, ''), extensionOrigin + '/').href;

  /** Runs `use` with the extension's worlds of a page, over a DevTools session of its own. */
  const inWorlds = async <T>(page: Page, use: (worlds: ContentWorlds) => Promise<T>) => {
    const cdp = await context.newCDPSession(page);
    try {
      return await use(await ContentWorlds.follow(cdp, extensionOrigin));
    } finally {
      await cdp.detach().catch(() => undefined);
    }
  };

  const session: ExtensionSession = {
    context,
    extensionId,
    server,
    fixtureUrl,
    extensionUrl,
    async openPage(pathOrUrl) {
      const page = await context.newPage();
      await page.goto(/^[a-z-]+:/i.test(pathOrUrl) ? pathOrUrl : fixtureUrl(pathOrUrl));
      return page;
    },
    async openExtensionPage(pathname) {
      const page = await context.newPage();
      await page.goto(extensionUrl(pathname));
      return page;
    },
    serviceWorker: browser.serviceWorker,
    async tabIdOf(page) {
      await page.bringToFront();
      const worker = await browser.serviceWorker();
      const ids = await worker.evaluate(async () => {
        const { chrome } = globalThis as ExtensionGlobal;
        const tabs = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
        return tabs.map((t) => t.id).filter((id): id is number => typeof id === 'number');
      });
      const id = ids[0];
      if (ids.length !== 1 || id === undefined) {
        throw new Error(`Expected one active tab, found ${ids.length}`);
      }
      return id;
    },
    async sendToTab<T>(tabId: number, type: string, data?: unknown): Promise<T> {
      const worker = await browser.serviceWorker();
      // The tab channel's envelope (utils/tab-message.ts): {type, data} -> {res} | {err}.
      const reply = await worker.evaluate(
        async ([tab, message]) => {
          const { chrome } = globalThis as ExtensionGlobal;
          return chrome.tabs.sendMessage(tab, message);
        },
        [tabId, { type, data }] as const,
      );
      const { res, err } = (reply ?? {}) as { res?: T; err?: { message?: string } };
      if (err) throw new Error(`Content script failed "${type}": ${err.message ?? String(err)}`);
      if (reply == null) throw new Error(`No content script handler answered "${type}"`);
      return res as T;
    },
    contentScriptWorlds: (page) =>
      inWorlds(page, async (worlds) => worlds.all().map((w) => w.name)),
    evaluateInContentScript: <T>(page: Page, expression: string) =>
      inWorlds(page, (worlds) => worlds.evaluate<T>(expression)),
    waitForSpotting: (page, reached) => inWorlds(page, (worlds) => worlds.waitFor(reached)),
    async close() {
      await browser.close();
      await server.close();
    },
  };
  return session;
}
