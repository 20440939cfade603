/**
 * A page whose stylesheet unsets everything (`* { all: unset !important }`), shrinks the root
 * font to 1px, transforms <html>, hides anything that looks like a dialog and lays a cover at the
 * largest z-index still shows a correct, readable card on top; its scripts swallow pointer and
 * key events at the document and get no handle on the card.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, NewsPage, type ExtensionSession } from './harness';
import {
  boxOf,
  byClass,
  centreOf,
  computedStyle,
  findAll,
  mentionsReady,
  openCard,
  readCard,
  waitForCard,
  waitForNoCard,
  showFullCard,
} from './card-dom';

describe('card on a hostile page', () => {
  let session: ExtensionSession;
  let news: NewsPage;

  beforeAll(async () => {
    session = await launchExtension();
    news = await NewsPage.open(session, '/card-hostile.html');
    await mentionsReady(news.page);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows the positions with their evidence', async () => {
    await news.hoverName('Volodymyr Zelenskyy');
    await waitForCard(news.page, 'Volodymyr Zelenskyy');
    await showFullCard(news.page);
    const dialog = (await openCard(news.page))!;
    expect(findAll(dialog, byClass('sp-role'))[0]!.text).toBe('Ukrainian President, Ukraine');
    const positions = findAll(dialog, byClass('sp-position'));
    expect(positions.length).toBeGreaterThan(0);
    expect(findAll(positions[0]!, byClass('sp-evidence'))).toHaveLength(1);
  });

  it('keeps its own type size, box and width whatever the page sets', async () => {
    const dialog = (await openCard(news.page))!;
    const style = await computedStyle(news.page, dialog, ['font-size', 'display', 'visibility']);
    expect(style).toEqual({ 'font-size': '14px', display: 'flex', visibility: 'visible' });
    const name = findAll(dialog, byClass('sp-name'))[0]!;
    expect((await computedStyle(news.page, name, ['font-size']))['font-size']).toBe('16px');
    const box = await boxOf(news.page, dialog);
    expect(box.width).toBeGreaterThan(250);
    expect(box.width).toBeLessThanOrEqual(400);
    const viewport = news.page.viewportSize()!;
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  });

  it('is on top of an element at the largest z-index', async () => {
    const dialog = (await openCard(news.page))!;
    const { x, y } = await centreOf(news.page, dialog);
    const top = await news.page.evaluate(
      ([px, py]) => document.elementFromPoint(px!, py!)?.localName ?? null,
      [x, y],
    );
    expect(top).toBe('standpoint-card-host');
  });

  it('still closes on Esc though the page swallows key events', async () => {
    await news.page.keyboard.press('Escape');
    await waitForNoCard(news.page);
    await news.hoverName('Volodymyr Zelenskyy');
    await waitForCard(news.page, 'Volodymyr Zelenskyy');
  });

  it('gives page scripts no way into the card', async () => {
    expect((await readCard(news.page))!.shadowRootType).toBe('closed');
    const reach = await news.page.evaluate(() => {
      const host = document.querySelector('standpoint-card-host');
      return {
        found: host !== null,
        shadowRoot: host?.shadowRoot ?? null,
        text: host?.textContent,
      };
    });
    expect(reach).toEqual({ found: true, shadowRoot: null, text: '' });
  });
});
