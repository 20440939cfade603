/**
 * The compact card on the demo page at 1280 x 900: at most 360 px wide and 450 px tall, the
 * person and the two or three positions that matter most on the page, each as topic, stance and
 * one line; evidence and the full list are a key press away, and a keyboard user reaches them:
 * open the card with the keyboard command, Tab to "Show evidence", Enter, Tab to the source
 * link, Tab on to "n more positions", Enter, and the full list with all its evidence is there.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  boxOf,
  byClass,
  findAll,
  focusedInCard,
  mentionsReady,
  openCard,
  waitForCard,
  waitForNoCard,
} from './card-dom';
import { launchExtension, NewsPage, type ExtensionSession } from './harness';

const NAME = 'Volodymyr Zelenskyy';
/** Upper bound for the card to react, ms; a limit, not a measurement. */
const WAIT_MS = 15_000;
/** Most Tab presses to reach a control; the card holds far fewer stops before it. */
const MAX_TABS = 12;

describe('compact card', () => {
  let session: ExtensionSession;
  let news: NewsPage;

  beforeAll(async () => {
    session = await launchExtension();
    news = await NewsPage.open(session, '/demo.html');
    await mentionsReady(news.page);
  });

  afterAll(async () => {
    await session?.close();
  });

  /** Presses Tab until the focused element of the card matches, and returns what it is. */
  async function tabTo(match: (f: { role: string; name: string }) => boolean) {
    for (let i = 0; i < MAX_TABS; i++) {
      await news.page.keyboard.press('Tab');
      const f = await focusedInCard(news.page);
      if (f && match(f)) return f;
    }
    throw new Error('the control was not reached with Tab');
  }

  it('is at most 360 px wide and 450 px tall, with two or three positions in one line each', async () => {
    expect(news.page.viewportSize()).toEqual({ width: 1280, height: 900 });
    await news.hoverName(NAME);
    await waitForCard(news.page, NAME);
    const dialog = (await openCard(news.page))!;
    const box = await boxOf(news.page, dialog);
    expect(box.width).toBeLessThanOrEqual(360);
    expect(box.height).toBeLessThanOrEqual(450);
    const shown = findAll(dialog, byClass('sp-cpos'));
    expect(shown.length).toBeGreaterThanOrEqual(2);
    expect(shown.length).toBeLessThanOrEqual(3);
    for (const p of shown) {
      expect(findAll(p, byClass('sp-cpos-topic'))[0]!.text.length).toBeGreaterThan(0);
      expect(findAll(p, byClass('sp-chip'))[0]!.text).toMatch(/^Stance: /);
      expect(findAll(p, byClass('sp-summary'))[0]!.text.length).toBeGreaterThan(0);
      expect(findAll(p, byClass('sp-evidence'))).toHaveLength(0);
    }
    expect(findAll(dialog, byClass('sp-more-all'))[0]!.text).toMatch(/^\d+ more positions?$/);
    await news.page.mouse.move(2, 2);
    await waitForNoCard(news.page);
  });

  it('walks from the compact card to the full evidence by keyboard', async () => {
    await news.page.evaluate(() => {
      window.getSelection()?.removeAllRanges();
      window.scrollTo(0, 0);
    });
    const tabId = await news.tabId();
    await session.sendToTab(tabId, 'cardCommand', { command: 'open-card' });
    await waitForCard(news.page);

    await tabTo((f) => f.role === 'button' && f.name === 'Show evidence');
    await news.page.keyboard.press('Enter');
    let dialog = (await openCard(news.page))!;
    const opened = findAll(dialog, byClass('sp-cpos')).find(
      (p) => findAll(p, byClass('sp-evidence')).length > 0,
    );
    expect(opened, 'one position shows its evidence').toBeDefined();
    expect(findAll(opened!, byClass('sp-more'))[0]!.text).toBe('Hide evidence');
    expect(findAll(opened!, byClass('sp-evidence-text'))[0]!.text.length).toBeGreaterThan(0);
    const link = await tabTo((f) => f.role === 'link');
    expect(link.name).toMatch(/^Show in source \(the (quote|passage), in “.+”\)$/);

    const more = await tabTo((f) => f.role === 'button' && /more positions?$/.test(f.name));
    const added = Number(/^(\d+)/.exec(more.name)![1]);
    await news.page.keyboard.press('Enter');
    await expect
      .poll(async () => findAll((await openCard(news.page))!, byClass('sp-position')).length, {
        timeout: WAIT_MS,
      })
      .toBeGreaterThan(added);
    dialog = (await openCard(news.page))!;
    const positions = findAll(dialog, byClass('sp-position'));
    for (const p of positions) expect(findAll(p, byClass('sp-evidence'))).toHaveLength(1);
    // Focus went to the first position the list added, so reading goes on from there.
    expect((await focusedInCard(news.page))?.role).toBe('listitem');
    const box = await boxOf(news.page, dialog);
    expect(box.height).toBeLessThanOrEqual(450);
    await news.page.keyboard.press('Escape');
    await waitForNoCard(news.page);
  });
});
