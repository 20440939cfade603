/**
 * One running extension for a test file: Chromium with the build loaded, the fixture server,
 * and the helpers tests need to reach the extension's pages, its service worker and its
 * content scripts.
 */
import type { BrowserContext, CDPSession, Page, Worker } from 'playwright-core';
import type { ExtensionGlobal } from './chrome-api';
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
    async contentScriptWorlds(page) {
      const cdp = await context.newCDPSession(page);
      try {
        return (await isolatedWorlds(cdp, extensionOrigin, null)).map((w) => w.name);
      } finally {
        await cdp.detach().catch(() => undefined);
      }
    },
    async evaluateInContentScript<T>(page: Page, expression: string): Promise<T> {
      const cdp = await context.newCDPSession(page);
      try {
        const { frameTree } = await cdp.send('Page.getFrameTree');
        const world = (await isolatedWorlds(cdp, extensionOrigin, frameTree.frame.id))[0];
        if (!world) throw new Error('No content script of the extension runs in this page');
        const result = await cdp.send('Runtime.evaluate', {
          expression,
          contextId: world.id,
          returnByValue: true,
          awaitPromise: true,
        });
        if (result.exceptionDetails) {
          throw new Error(`Content script evaluation failed: ${result.exceptionDetails.text}`);
        }
        return result.result.value as T;
      } finally {
        await cdp.detach().catch(() => undefined);
      }
    },
    async close() {
      await browser.close();
      await server.close();
    },
  };
  return session;
}

/** The part of CDP's `Runtime.executionContextCreated` event we read. */
interface ExecutionContextCreated {
  context: { id: number; name: string; origin: string; auxData?: unknown };
}

interface WorldInfo {
  id: number;
  name: string;
}

/**
 * The extension's isolated worlds in a page (of one frame, or of all when `frameId` is null).
 * Enabling CDP's Runtime domain reports every existing execution context, isolated ones included.
 */
async function isolatedWorlds(
  cdp: CDPSession,
  extensionOrigin: string,
  frameId: string | null,
): Promise<WorldInfo[]> {
  const worlds: WorldInfo[] = [];
  const onContext = ({ context: ctx }: ExecutionContextCreated) => {
    const aux = ctx.auxData as { type?: string; frameId?: string } | undefined;
    if (aux?.type !== 'isolated' || !ctx.origin.startsWith(extensionOrigin)) return;
    if (frameId !== null && aux.frameId !== frameId) return;
    worlds.push({ id: ctx.id, name: ctx.name });
  };
  cdp.on('Runtime.executionContextCreated', onContext);
  try {
    await cdp.send('Runtime.enable');
    return worlds;
  } finally {
    cdp.off('Runtime.executionContextCreated', onContext);
  }
}
