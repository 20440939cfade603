/**
 * The popup and the comparison page against the real extension: the demo page's people are
 * picked, the matrix reads, a cell's evidence opens, the disagreement filter holds, the per-site
 * switch takes the highlights off the open tab and back, and the comparison page keeps its
 * selection in the URL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, NewsPage, type ExtensionGlobal, type ExtensionSession } from './harness';

/** The content script's report, as the popup reads it. */
interface PageReport {
  host: string;
  enabled: boolean;
  actorIds: string[];
  counts: Record<string, number>;
  pageWords: string[];
}

/** Upper bound for the demo page's first highlights to appear, ms (a limit, not a measurement). */
const FIRST_HIGHLIGHTS_LIMIT_MS = 30_000;
/** How often `waitFor` looks again, ms. */
const POLL_INTERVAL_MS = 100;

/** Waits in a hook (where `expect.poll` is not available) until `check` holds. */
async function waitFor(check: () => Promise<boolean>, what: string): Promise<void> {
  const until = Date.now() + FIRST_HIGHLIGHTS_LIMIT_MS;
  while (!(await check())) {
    if (Date.now() > until) throw new Error(`Gave up waiting for ${what}`);
    await new Promise((r) => setTimeout(r, POLL_INTERVAL_MS));
  }
}

/** Ids of the checked people in the picker, in list order. */
const pickedIds = (popup: Page) =>
  popup.$$eval('input[name="actor"]:checked', (els) =>
    els.map((e) => (e as HTMLInputElement).value),
  );

/** Topic ids of the matrix rows shown. */
const rowTopics = (popup: Page) =>
  popup.$$eval('.sp-matrix tbody tr[data-topic]', (rows) =>
    rows.map((r) => r.getAttribute('data-topic')),
  );

/**
 * For each row, the stance each filled cell shows (own, or a group's shown "via" it): what the
 * disagreement filter compares, read back from the DOM.
 */
const ownStancesByRow = (popup: Page) =>
  popup.$$eval('.sp-matrix tbody tr[data-topic]', (rows) =>
    rows.map((r) =>
      [...r.querySelectorAll('button.sp-m-cell-btn')].map(
        (b) => b.querySelector('.sp-chip')?.getAttribute('data-stance') ?? '',
      ),
    ),
  );

describe('popup', () => {
  let session: ExtensionSession;
  let news: NewsPage;
  let popup: Page;
  let report: PageReport;

  beforeAll(async () => {
    session = await launchExtension();
    news = await NewsPage.open(session, '/demo.html');
    await waitFor(async () => (await news.mentions()).length > 0, 'highlights on the demo page');
    // Without the `tabs` permission the worker sees no URLs: find the tab as the active one.
    const tabId = await session.tabIdOf(news.page);
    report = await session
      .sendToTab<{ ok: true; value: PageReport }>(tabId, 'getPageReport')
      .then((r) => r.value);
    popup = await session.openExtensionPage(`popup.html?tabId=${tabId}`);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('picks people found on the page, those with positions first', async () => {
    expect(report.actorIds.length).toBeGreaterThan(1);
    await popup.locator('.sp-matrix').waitFor();
    const picked = await pickedIds(popup);
    expect(picked.length).toBe(Math.min(4, report.actorIds.length));
    for (const id of picked) expect(report.actorIds).toContain(id);
    const onPage = await popup.locator('.sp-picker ul').first().innerText();
    expect(onPage).toMatch(/\d+ mentions?/);
    // The demo page names more than four people with positions: no picked column is empty.
    const filledPerColumn = await popup.$$eval('.sp-matrix tbody tr[data-topic]', (rows) => {
      const filled: number[] = [];
      for (const row of rows)
        row.querySelectorAll('td').forEach((td, i) => {
          filled[i] = (filled[i] ?? 0) + (td.querySelector('button') ? 1 : 0);
        });
      return filled;
    });
    expect(filledPerColumn).toHaveLength(picked.length);
    for (const n of filledPerColumn) expect(n).toBeGreaterThan(0);
  });

  it('reads the matrix: the picked people as columns, topics as rows', async () => {
    const picked = await pickedIds(popup);
    const heads = await popup.$$eval('.sp-matrix thead th[scope="col"]', (ths) =>
      ths.map((th) => th.querySelector('.sp-m-actor-name')?.textContent ?? th.textContent),
    );
    expect(heads[0]).toBe('Topic');
    expect(heads).toHaveLength(picked.length + 1);
    expect((await rowTopics(popup)).length).toBeGreaterThan(0);
    expect(await popup.locator('.sp-matrix button.sp-m-cell-btn').count()).toBeGreaterThan(0);
    const text = await popup.locator('.sp-matrix').innerText();
    expect(text).toMatch(/Supports|Opposes|Conditional|Proposes|Warns|Unclear/);
  });

  it('opens a cell’s evidence with a link to its source', async () => {
    const cell = popup.locator('.sp-matrix button.sp-m-cell-btn').first();
    await cell.click();
    expect(await cell.getAttribute('aria-expanded')).toBe('true');
    const detail = popup.locator('.sp-m-detail');
    await detail.waitFor();
    expect(await detail.locator('.sp-evidence-text').first().innerText()).not.toBe('');
    const href = await detail.locator('.sp-evidence a').first().getAttribute('href');
    expect(href).toMatch(/source\.html\?source=[a-z0-9-]+&position=[a-z0-9-]+/);
    await popup.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
  });

  it('filters to the topics where the picked people disagree', async () => {
    const before = await rowTopics(popup);
    await popup.getByLabel('Only where they disagree').check();
    await expect
      .poll(() => popup.locator('[role="status"]').first().innerText())
      .toMatch(/Showing \d+ of|do not disagree/);
    const after = await rowTopics(popup);
    expect(after.length).toBeLessThan(before.length);
    for (const stances of await ownStancesByRow(popup)) {
      expect(stances.length).toBeGreaterThanOrEqual(2);
      expect(new Set(stances).size).toBeGreaterThanOrEqual(2);
    }
    await popup.getByLabel('Only where they disagree').uncheck();
    expect(await rowTopics(popup)).toEqual(before);
  });

  it('search filters the topics', async () => {
    const first = await popup
      .locator('.sp-matrix tbody tr[data-topic] .sp-m-topic-label')
      .first()
      .innerText();
    await popup.getByLabel('Search topics').fill(first);
    await expect.poll(async () => (await rowTopics(popup)).length).toBeGreaterThan(0);
    const labels = await popup.$$eval('.sp-matrix .sp-m-topic-label', (els) =>
      els.map((e) => e.textContent),
    );
    expect(labels).toContain(first);
    await popup.getByLabel('Search topics').fill('');
  });

  it('shows the packs and the sync status', async () => {
    const text = await popup.locator('.sp-packs').innerText();
    expect(text).toMatch(/version \d+ · as of/);
    expect(text).toMatch(/Last sync/);
  });

  it('switches the site off, the highlights leave the tab, and on again', async () => {
    const box = popup.getByLabel('Off on this site');
    expect(await popup.locator('.sp-site-host').innerText()).toContain(report.host);
    await box.check();
    await expect.poll(async () => (await news.mentions()).length, { timeout: 15_000 }).toBe(0);
    // The choice sticks: it is in the stored settings.
    const worker = await session.serviceWorker();
    const stored = await worker.evaluate(async () => {
      const { chrome } = globalThis as ExtensionGlobal;
      return (await chrome.storage.local.get('settings')).settings as { disabledSites?: string[] };
    });
    expect(stored.disabledSites).toContain(report.host);
    await expect.poll(() => popup.locator('.sp-notice').first().innerText()).toContain('off on');
    await box.uncheck();
    await expect
      .poll(async () => (await news.mentions()).length, { timeout: 15_000 })
      .toBeGreaterThan(0);
  });

  it('opens the comparison page with the popup’s selection, and the options page', async () => {
    const picked = await pickedIds(popup);
    const [compare] = await Promise.all([
      session.context.waitForEvent('page'),
      popup.getByRole('link', { name: 'Open the comparison page' }).click(),
    ]);
    await compare.locator('.sp-matrix').waitFor();
    expect(new URL(compare.url()).searchParams.get('actors')).toBe(picked.join(','));
    const names = await compare.$$eval('.sp-matrix thead .sp-m-actor-name', (els) => els.length);
    expect(names).toBe(picked.length);
    await compare.close();
    const [options] = await Promise.all([
      session.context.waitForEvent('page'),
      popup.getByRole('button', { name: 'Options' }).click(),
    ]);
    await options.waitForLoadState();
    expect(options.url()).toMatch(/options\.html/);
    await options.close();
  });

  it('explains a tab Standpoint cannot read and still offers everyone', async () => {
    const blank = await session.openPage('about:blank');
    const tabId = await session.tabIdOf(blank);
    const other = await session.openExtensionPage(`popup.html?tabId=${tabId}`);
    await expect.poll(() => other.locator('#app').innerText()).toContain('cannot read this tab');
    await other.locator('.sp-picker').waitFor();
    expect(await other.locator('input[name="actor"]').count()).toBeGreaterThan(2);
    expect(await other.locator('input[name="actor"]:checked').count()).toBe(0);
    await other.close();
    await blank.close();
  });
});

describe('comparison page', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('takes its selection from the URL and writes changes back', async () => {
    const page = await session.openExtensionPage('compare.html?actors=zelenskyy,merz');
    await page.locator('.sp-matrix').waitFor();
    const heads = await page.$$eval('.sp-matrix thead .sp-m-actor-name', (els) =>
      els.map((e) => e.textContent),
    );
    expect(heads).toEqual(['Volodymyr Zelenskyy', 'Friedrich Merz']);
    await page.getByLabel('Only where they disagree').check();
    await expect.poll(() => page.url()).toMatch(/[?&]disagree=1/);
    expect(page.url()).toMatch(/actors=zelenskyy,merz/);
    await page.reload();
    await page.locator('.sp-filters').waitFor();
    expect(await page.getByLabel('Only where they disagree').isChecked()).toBe(true);
  });

  it('compares everyone when the URL names nobody', async () => {
    const page = await session.openExtensionPage('compare.html');
    await page.locator('.sp-matrix').waitFor();
    expect(await page.locator('.sp-matrix thead .sp-m-actor-name').count()).toBeGreaterThan(4);
  });
});
