/**
 * The comparison page's layout with everyone in the built-in pack (eight people, ten topics), as
 * a reader meets it: the fullest topics first, the people with nothing on the shown topics folded
 * away and shown again from the keyboard (the choice kept in the URL), the header row and the
 * topic column kept in view while the table scrolls both ways, and long summaries clamped instead
 * of stretching their row.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, type ExtensionSession } from './harness';

/** Per row (in table order): how many of its cells show a position. */
const filledPerRow = (page: Page) =>
  page.$$eval('.sp-matrix tbody tr[data-topic]', (rows) =>
    rows.map((r) => r.querySelectorAll('button.sp-m-cell-btn').length),
  );

/** Actor ids of the table's columns, in order. */
const columns = (page: Page) =>
  page.$$eval('.sp-matrix thead th[data-actor]', (ths) =>
    ths.map((th) => th.getAttribute('data-actor')),
  );

describe('comparison page layout', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  it('shows the topics most people spoke on first', async () => {
    const page = await session.openExtensionPage('compare.html');
    await page.locator('.sp-matrix').waitFor();
    const filled = await filledPerRow(page);
    expect(filled.length).toBeGreaterThan(3);
    expect(filled).toEqual([...filled].sort((a, b) => b - a));
    expect(filled[0]).toBeGreaterThan(filled.at(-1)!);
    await page.close();
  });

  it('folds away the people with nothing on the shown topics and shows them by keyboard', async () => {
    const page = await session.openExtensionPage('compare.html?topic=russian-expansionism');
    await page.locator('.sp-matrix').waitFor();
    expect(await columns(page)).toEqual(['merz']);
    const fold = page.locator('.sp-mfold');
    await expect.poll(() => fold.innerText()).toMatch(/^7 people with no position on these topics/);
    expect(await fold.innerText()).toContain('Donald Trump');

    const toggle = page.getByRole('button', { name: 'Show all 7' });
    await toggle.focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => columns(page)).toHaveLength(8);
    expect(await page.locator('.sp-mfold-btn').getAttribute('aria-expanded')).toBe('true');
    await expect.poll(() => fold.innerText()).toMatch(/^7 people have no position/);
    // Kept in the URL with the rest of the selection, so a bookmark shows them too.
    await expect.poll(() => page.url()).toMatch(/[?&]all=1/);

    await page.keyboard.press('Enter');
    await expect.poll(() => columns(page)).toEqual(['merz']);
    // Clearing the search brings back every topic, and with them everyone who spoke on one.
    await page.getByRole('searchbox').fill('');
    await expect.poll(async () => (await columns(page)).length).toBeGreaterThan(1);
    await page.close();
  });

  it('keeps the header row and the topic column in view when the table scrolls both ways', async () => {
    const page = await session.openExtensionPage('compare.html');
    await page.setViewportSize({ width: 900, height: 520 });
    await page.locator('.sp-matrix').waitFor();
    if (await page.locator('.sp-mfold-btn').count()) await page.locator('.sp-mfold-btn').click();
    await expect.poll(() => columns(page)).toHaveLength(8);

    const after = await page.$eval('.sp-matrix-wrap', async (wrap) => {
      wrap.scrollTop = wrap.scrollHeight;
      wrap.scrollLeft = wrap.scrollWidth;
      await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
      const box = wrap.getBoundingClientRect();
      const lastHead = [...wrap.querySelectorAll('thead th')].at(-1)!.getBoundingClientRect();
      const corner = wrap.querySelector('thead th')!.getBoundingClientRect();
      const lastTopic = [...wrap.querySelectorAll('tbody th')].at(-1)!;
      const topic = lastTopic.getBoundingClientRect();
      const hit = (r: DOMRect) =>
        document.elementFromPoint(
          r.x + Math.min(20, r.width / 2),
          r.y + Math.min(10, r.height / 2),
        );
      return {
        scrolledDown: wrap.scrollTop,
        scrolledRight: wrap.scrollLeft,
        headTop: lastHead.top - box.top,
        cornerLeft: corner.left - box.left,
        topicLeft: topic.left - box.left,
        headHit: !!hit(lastHead)?.closest('thead th'),
        topicHit: hit(topic)?.closest('th') === lastTopic,
      };
    });
    expect(after.scrolledDown).toBeGreaterThan(50);
    expect(after.scrolledRight).toBeGreaterThan(50);
    expect(Math.abs(after.headTop)).toBeLessThan(2);
    expect(Math.abs(after.cornerLeft)).toBeLessThan(2);
    expect(Math.abs(after.topicLeft)).toBeLessThan(2);
    expect(after.headHit).toBe(true);
    expect(after.topicHit).toBe(true);
    await page.close();
  });

  it('clamps a long summary to three lines and shows it whole when the cell opens', async () => {
    const page = await session.openExtensionPage('compare.html');
    await page.setViewportSize({ width: 900, height: 700 });
    await page.locator('.sp-matrix').waitFor();
    const summaries = await page.$$eval('.sp-m-summary', (els) =>
      els.map((e) => ({
        lines: e.clientHeight / parseFloat(getComputedStyle(e).lineHeight),
        clamped: e.scrollHeight > e.clientHeight + 1,
        text: e.textContent ?? '',
      })),
    );
    expect(summaries.length).toBeGreaterThan(5);
    for (const s of summaries) expect(s.lines).toBeLessThanOrEqual(3.05);
    const clamped = summaries.findIndex((s) => s.clamped);
    expect(clamped, 'at 170 px a column clamps at least one summary').toBeGreaterThanOrEqual(0);

    const button = page.locator('.sp-m-cell-btn').nth(clamped);
    await button.focus();
    await page.keyboard.press('Enter');
    const detail = page.locator('.sp-m-detail');
    await detail.waitFor();
    expect(await detail.innerText()).toContain(summaries[clamped]!.text);
    await page.keyboard.press('Escape');
    await detail.waitFor({ state: 'detached' });
    await page.close();
  });
});
