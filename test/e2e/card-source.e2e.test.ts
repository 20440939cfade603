/**
 * From the card to the evidence in context: "Show in source" opens the source viewer with the
 * position's evidence marked and emphasised, and "Compare" opens the comparison page with the
 * person picked. Both go through the background (`openPage`), since a web page may not navigate
 * to an extension page. With STANDPOINT_SCREENSHOT_DIR set, the viewer's screenshot is saved there
 * as source-viewer.png.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, NewsPage, type ExtensionSession } from './harness';
import {
  byClass,
  centreOf,
  findAll,
  mentionsReady,
  openCard,
  waitForCard,
  type CardElement,
  showFullCard,
} from './card-dom';

/** Upper bound for a new tab and its page to load (ms); a limit, not a measurement. */
const WAIT_MS = 15_000;

describe('card links', () => {
  let session: ExtensionSession;
  let news: NewsPage;
  /** The source the first test opened. */
  let sourceId = '';

  beforeAll(async () => {
    session = await launchExtension();
    news = await NewsPage.open(session, '/demo.html');
    await mentionsReady(news.page);
  });

  afterAll(async () => {
    await session?.close();
  });

  async function clickInCard(el: CardElement): Promise<Page> {
    const { x, y } = await centreOf(news.page, el);
    const opened = session.context.waitForEvent('page', { timeout: WAIT_MS });
    await news.page.mouse.move(x, y, { steps: 4 });
    await news.page.mouse.click(x, y);
    const page = await opened;
    await page.waitForLoadState('domcontentloaded');
    return page;
  }

  it('opens the source viewer with the evidence of the position marked and in view', async () => {
    await news.hoverName('Volodymyr Zelenskyy');
    await waitForCard(news.page, 'Volodymyr Zelenskyy');
    await showFullCard(news.page);
    const position = findAll((await openCard(news.page))!, byClass('sp-position'))[0]!;
    const positionId = position.attrs['data-position']!;
    const words = findAll(position, byClass('sp-evidence-text'))[0]!.text.replace(
      /^\u201c|\u201d$/g,
      '',
    );
    const link = findAll(position, (e) => e.tag === 'a')[0]!;
    const viewer = await clickInCard(link);
    sourceId = new URL(viewer.url()).searchParams.get('source')!;
    expect(new URL(viewer.url()).pathname).toBe('/source.html');
    expect(new URL(viewer.url()).searchParams.get('position')).toBe(positionId);

    const chosen = viewer.locator('mark[data-selected]');
    await chosen.first().waitFor({ timeout: WAIT_MS });
    expect((await chosen.allInnerTexts()).join('')).toBe(words);
    expect(await chosen.first().getAttribute('data-positions')).toContain(positionId);
    // Scrolled into view (smoothly, unless the reader prefers reduced motion).
    await expect
      .poll(
        () =>
          chosen.first().evaluate((el) => {
            const r = el.getBoundingClientRect();
            return r.top >= 0 && r.bottom <= window.innerHeight;
          }),
        { timeout: WAIT_MS },
      )
      .toBe(true);
    // Every position on this source is marked and listed.
    const legend = await viewer.locator('.src-legend li').count();
    expect(legend).toBeGreaterThan(1);
    const marked = await viewer
      .locator('mark')
      .evaluateAll((marks) => new Set(marks.flatMap((m) => m.dataset.positions!.split(' '))).size);
    expect(marked).toBe(legend);
    const dir = process.env.STANDPOINT_SCREENSHOT_DIR;
    if (dir) {
      await mkdir(dir, { recursive: true });
      await viewer.screenshot({ path: path.join(dir, 'source-viewer.png') });
    }
    await viewer.close();
  });

  it('scrolls the chosen evidence into view on a short window', async () => {
    const probe = await session.openExtensionPage(`source.html?source=${sourceId}`);
    const marks = probe.locator('mark');
    await marks.first().waitFor({ timeout: WAIT_MS });
    const last = (await marks.last().getAttribute('data-positions'))!.split(' ')[0]!;
    await probe.close();

    const viewer = await session.context.newPage();
    await viewer.setViewportSize({ width: 700, height: 300 });
    await viewer.goto(session.extensionUrl(`source.html?source=${sourceId}&position=${last}`));
    const chosen = viewer.locator('mark[data-selected]').last();
    await chosen.waitFor({ timeout: WAIT_MS });
    await expect
      .poll(
        () =>
          chosen.evaluate((el) => {
            const r = el.getBoundingClientRect();
            return r.top >= 0 && r.bottom <= window.innerHeight && window.scrollY > 0;
          }),
        { timeout: WAIT_MS },
      )
      .toBe(true);
    await viewer.close();
  });

  it('opens the comparison page with the person picked', async () => {
    await news.page.bringToFront();
    await news.page.keyboard.press('Escape');
    await news.hoverName('Volodymyr Zelenskyy');
    await waitForCard(news.page, 'Volodymyr Zelenskyy');
    const button = findAll((await openCard(news.page))!, byClass('sp-compare'))[0]!;
    const compare = await clickInCard(button);
    const url = new URL(compare.url());
    expect(url.pathname).toBe('/compare.html');
    expect(url.searchParams.get('actors')).toBe('zelenskyy');
    await compare.close();
  });
});
