/**
 * Spotting in a real Chromium with the built extension and the built-in pack: names are found on
 * an article, a hydrating app, an endless feed and a single-page app; the page's DOM is left as
 * it was; the app still hydrates and responds.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, NewsPage, type ExtensionGlobal, type ExtensionSession } from './harness';

/** Upper bound for the extension to start, get its dictionary and scan (ms); a limit only. */
const SCAN_WAIT_MS = 20_000;

/** Highlighted texts under Standpoint's registry name, sorted (promotions arrive out of order). */
async function highlighted(news: NewsPage): Promise<string[]> {
  const all = await news.mentions();
  return all
    .filter((m) => m.highlight === 'standpoint-mention')
    .map((m) => m.text)
    .sort();
}

/** Errors the page's console received (the content script's uncaught errors land here too). */
function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (msg) => {
    // The fixture server has no favicon: that 404 is the browser's, not an error of ours.
    if (msg.type() === 'error' && !msg.text().startsWith('Failed to load resource')) {
      errors.push(msg.text());
    }
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}

async function open(session: ExtensionSession, path: string) {
  const page = await session.context.newPage();
  const errors = collectErrors(page);
  await page.goto(session.fixtureUrl(path));
  return { news: new NewsPage(session, page), page, errors };
}

/** Writes the settings as the options page would (through the service worker's storage). */
async function writeSettings(session: ExtensionSession, settings: Record<string, unknown>) {
  const worker = await session.serviceWorker();
  await worker.evaluate(async (value) => {
    await (globalThis as ExtensionGlobal).chrome.storage.local.set({ settings: value });
  }, settings);
}

/** Highlight registry names in use on the page. */
function registryNames(page: Page): Promise<string[]> {
  return page.evaluate(() => [
    ...(CSS as unknown as { highlights: Map<string, unknown> }).highlights.keys(),
  ]);
}

describe('spotting', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('finds the names of a news article, with the rules of the pack, and changes nothing', async () => {
    const { news, page, errors } = await open(session, '/spotting/article.html');
    const expected = [
      'Donald Trump',
      'Friedrich Merz',
      'Jared\u00A0Kushner',
      'Merz',
      'Steve Witkoff',
      'TRUMP',
      'U.S. delegation',
      'Vladimir Put\u00ADin',
      'Volodymyr Zelenskyy',
      'ZELENSKYY',
      'Zelenskyy',
      'Володимир Зеленський',
      'Мерцу',
    ].sort();
    await expect.poll(() => highlighted(news), { timeout: SCAN_WAIT_MS }).toEqual(expected);

    // The registry is per document: the page's own scripts see the same highlight.
    const size = await page.evaluate(
      () =>
        (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.get(
          'standpoint-mention',
        )?.size,
    );
    expect(size).toBe(expected.length);

    const initial = await page.evaluate(
      () => (window as unknown as { initialDom: string }).initialDom,
    );
    expect(await news.serializedDom()).toBe(initial);

    const tabId = await news.tabId();
    const report = await session.sendToTab<{ ok: boolean; value: Record<string, unknown> }>(
      tabId,
      'getPageReport',
    );
    expect(report.ok).toBe(true);
    expect(report.value.enabled).toBe(true);
    expect(report.value.host).toBe('127.0.0.1');
    expect(report.value.actorIds).toEqual([
      'zelenskyy',
      'trump',
      'merz',
      'us-delegation',
      'witkoff',
      'kushner',
      'putin',
    ]);
    expect((report.value.counts as Record<string, number>).zelenskyy).toBe(4);
    expect(report.value.pageWords).toContain('plan');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets a hydrating app hydrate, keep working and re-render with its new names found', async () => {
    const { news, page, errors } = await open(session, '/spotting/hydrate.html');
    await expect
      .poll(() => highlighted(news), { timeout: SCAN_WAIT_MS })
      .toEqual(['Friedrich Merz', 'Volodymyr Zelenskyy']);
    await page.waitForFunction(() => {
      const w = window as unknown as { hydrated?: boolean; hydrationError?: string };
      return w.hydrated || w.hydrationError;
    });
    expect(
      await page.evaluate(() => (window as unknown as { hydrationError?: string }).hydrationError),
    ).toBeUndefined();
    const initial = await page.evaluate(
      () => (window as unknown as { initialDom: string }).initialDom,
    );
    expect(await news.serializedDom()).toBe(initial);

    await page.click('#more');
    await expect.poll(() => page.locator('#more').innerText()).toBe('Load update 1');
    await expect
      .poll(() => highlighted(news), { timeout: SCAN_WAIT_MS })
      .toEqual(['Donald Trump', 'Friedrich Merz', 'Volodymyr Zelenskyy']);
    await page.click('#more');
    await expect
      .poll(() => highlighted(news), { timeout: SCAN_WAIT_MS })
      .toEqual(['Donald Trump', 'Friedrich Merz', 'Steve Witkoff', 'Volodymyr Zelenskyy']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows an endless feed as it grows', async () => {
    const { news, page, errors } = await open(session, '/spotting/infinite.html');
    await expect
      .poll(() => highlighted(news), { timeout: SCAN_WAIT_MS })
      .toEqual(['Friedrich Merz']);
    for (let i = 0; i < 3; i++) {
      await page.mouse.wheel(0, 5000);
      await page.evaluate(() => (window as unknown as { loadMore: () => void }).loadMore());
    }
    await expect
      .poll(() => highlighted(news), { timeout: SCAN_WAIT_MS })
      .toEqual(expect.arrayContaining(['Friedrich Merz', 'Donald Trump', 'Volodymyr Zelenskyy']));
    const count = await page.locator('article').count();
    await expect.poll(async () => (await highlighted(news)).length).toBe(count);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('follows a single-page app through pushState and back', async () => {
    const { news, page, errors } = await open(session, '/spotting/history.html');
    await expect
      .poll(() => highlighted(news), { timeout: SCAN_WAIT_MS })
      .toEqual(['Friedrich Merz', 'Volodymyr Zelenskyy']);
    await page.click('a[data-story="2"]');
    expect(page.url()).toContain('?story=2');
    await expect
      .poll(() => highlighted(news), { timeout: SCAN_WAIT_MS })
      .toEqual(['Donald Trump', 'Emmanuel Macron', 'Zelenskyy']);
    await page.goBack();
    await expect
      .poll(() => highlighted(news), { timeout: SCAN_WAIT_MS })
      .toEqual(['Friedrich Merz', 'Volodymyr Zelenskyy']);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('honours the per-site switch before scanning, and follows it and the style live', async () => {
    const base = { hoverDelayMs: 400, highlightStyle: 'underline' };
    await writeSettings(session, { ...base, disabledSites: ['127.0.0.1'] });
    const { news, page, errors } = await open(session, '/spotting/article.html');
    await expect
      .poll(() => session.contentScriptWorlds(page), { timeout: SCAN_WAIT_MS })
      .toContain('Standpoint');
    // The report's listener comes with the spotting bundle, in the page's first idle period:
    // ask until it answers.
    const tabId = await news.tabId();
    await expect
      .poll(() => session.sendToTab(tabId, 'getPageReport'), { timeout: SCAN_WAIT_MS })
      .toMatchObject({ ok: true, value: { enabled: false } });
    expect(await registryNames(page)).toEqual([]);
    expect(await page.locator('standpoint-card-host').count()).toBe(0);

    await writeSettings(session, { ...base, disabledSites: [] });
    await expect
      .poll(async () => (await highlighted(news)).length, { timeout: SCAN_WAIT_MS })
      .toBe(13);

    await writeSettings(session, { ...base, highlightStyle: 'background', disabledSites: [] });
    await expect.poll(() => registryNames(page)).toEqual(['standpoint-mention-background']);
    await writeSettings(session, { ...base, highlightStyle: 'none', disabledSites: [] });
    await expect.poll(() => registryNames(page)).toEqual([]);
    await writeSettings(session, { ...base, disabledSites: [] });
    await expect.poll(() => registryNames(page)).toEqual(['standpoint-mention']);

    await writeSettings(session, { ...base, disabledSites: ['127.0.0.1'] });
    await expect.poll(async () => (await highlighted(news)).length).toBe(0);
    await writeSettings(session, { ...base, disabledSites: [] });
    const initial = await page.evaluate(
      () => (window as unknown as { initialDom: string }).initialDom,
    );
    expect(await news.serializedDom()).toBe(initial);
    expect(errors).toEqual([]);
    await page.close();
  });
});
