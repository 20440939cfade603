/**
 * The foundation works end to end: the built extension loads into Chromium, its content script
 * runs in an ordinary http page, and its popup opens for that page's tab.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PageReport } from '@/utils/messaging';
import {
  launchExtension,
  NewsPage,
  PopupObject,
  type ExtensionGlobal,
  type ExtensionSession,
} from './harness';

/** Upper bound for the content script to start and the popup to render (ms); a limit only. */
const READY_WAIT_MS = 15_000;

describe('smoke', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('loads the extension with a running service worker', async () => {
    expect(session.extensionId).toMatch(/^[a-p]{32}$/);
    const worker = await session.serviceWorker();
    const manifestName = await worker.evaluate(
      () => (globalThis as ExtensionGlobal).chrome.runtime.getManifest().name,
    );
    expect(manifestName).toBe('Standpoint');
  });

  it('runs its content script on a fixture page', async () => {
    const news = await NewsPage.open(session, '/demo.html');
    expect(await news.page.locator('h1').innerText()).toContain('Zelenskyy');
    // Chromium runs each extension's content scripts in an isolated world named after it.
    await expect
      .poll(() => session.contentScriptWorlds(news.page), { timeout: READY_WAIT_MS })
      .toContain('Standpoint');
    // Inside that world `chrome.runtime` is our extension's: the script was injected by it.
    const runtimeId = await session.evaluateInContentScript(news.page, 'chrome.runtime.id');
    expect(runtimeId).toBe(session.extensionId);
    // And it answers for its page: the report the popup asks for (once its listener is up).
    const tabId = await news.tabId();
    const askReport = () =>
      session.sendToTab<{ ok: boolean; value?: PageReport }>(tabId, 'getPageReport');
    await expect
      .poll(() => askReport().then((r) => r.ok && r.value?.host), { timeout: READY_WAIT_MS })
      .toBe('127.0.0.1');
    await news.page.close();
  });

  it('opens the popup for a tab', async () => {
    const news = await NewsPage.open(session, '/demo.html');
    const popup = await PopupObject.open(session, news.page);
    expect(popup.page.url()).toMatch(/popup\.html\?tabId=\d+$/);
    await expect.poll(() => popup.text(), { timeout: READY_WAIT_MS }).toContain('Standpoint');
    await popup.page.close();
    await news.page.close();
  });
});
