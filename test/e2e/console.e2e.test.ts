/**
 * Nothing of ours in Chromium's console while a reader browses: the news page with its
 * highlights and an open card, the popup on that page and on a tab it cannot read, the comparison
 * and options pages. Every page's console, its uncaught errors and the service worker's console
 * are collected; errors and warnings fail the test (Firefox: test/e2e/firefox/).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  launchExtension,
  NewsPage,
  PopupObject,
  watchConsole,
  type ExtensionSession,
} from './harness';

/** Upper bound for the page, the card and the popup to show what the test waits for, ms. */
const WAIT_MS = 15_000;
const NAME = 'Volodymyr Zelenskyy';

describe('console', () => {
  let session: ExtensionSession;
  let problems: string[];

  beforeAll(async () => {
    session = await launchExtension();
    problems = await watchConsole(session);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('stays empty through browsing, the card, the popup and the extension pages', async () => {
    const news = await NewsPage.open(session, '/demo.html');
    await expect
      .poll(async () => (await news.mentions()).map((m) => m.text), { timeout: WAIT_MS })
      .toContain(NAME);
    await news.hoverName(NAME);
    await news.card().waitForOpen(WAIT_MS);

    const popup = await PopupObject.open(session, news.page);
    await expect.poll(() => popup.text(), { timeout: WAIT_MS }).toContain(NAME);

    // Opened on its own, the popup's active tab is its own page: no content script there.
    const alone = await session.openExtensionPage('popup.html');
    await expect
      .poll(() => alone.locator('#app').innerText(), { timeout: WAIT_MS })
      .toContain('Standpoint cannot read this tab');

    const compare = await session.openExtensionPage('compare.html');
    await expect
      .poll(() => compare.locator('body').innerText(), { timeout: WAIT_MS })
      .toContain(NAME);
    const options = await session.openExtensionPage('options.html');
    await expect
      .poll(() => options.locator('body').innerText(), { timeout: WAIT_MS })
      .toContain('Installed packs');

    expect(problems).toEqual([]);
  });
});
