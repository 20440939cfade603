/**
 * The card follows the reader's colour scheme, and its screenshots for the README come from here:
 * set STANDPOINT_SCREENSHOT_DIR (e.g. `docs/screenshots`) to write card-light.png and card-dark.png.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, NewsPage, type ExtensionSession } from './harness';
import {
  boxOf,
  byClass,
  cardName,
  computedStyle,
  findAll,
  mentionsReady,
  openCard,
} from './card-dom';

/** Upper bound for the card to appear (ms); a limit, not a measurement. */
const WAIT_MS = 15_000;
/** Room around the card in the screenshots, px. */
const MARGIN_PX = 40;

describe('card themes', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  const backgrounds: Record<string, string> = {};

  for (const scheme of ['light', 'dark'] as const) {
    it(`renders a readable ${scheme} card`, async () => {
      const news = await NewsPage.open(session, '/demo.html');
      await news.page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
      await mentionsReady(news.page);
      await news.hoverName('Volodymyr Zelenskyy');
      await expect
        .poll(() => cardName(news.page), { timeout: WAIT_MS })
        .toBe('Volodymyr Zelenskyy');
      const dialog = (await openCard(news.page))!;
      const style = await computedStyle(news.page, dialog, [
        'background-color',
        'color',
        'font-size',
        'animation-name',
      ]);
      expect(style['font-size']).toBe('14px');
      backgrounds[scheme] = style['background-color']!;
      const box = await boxOf(news.page, dialog);
      expect(box.width).toBeLessThanOrEqual(400);
      expect(box.width).toBeGreaterThan(250);
      const body = findAll(dialog, byClass('sp-body'))[0]!;
      expect((await computedStyle(news.page, body, ['overflow-y']))['overflow-y']).toBe('auto');

      const dir = process.env.STANDPOINT_SCREENSHOT_DIR;
      if (dir) {
        await mkdir(dir, { recursive: true });
        const viewport = news.page.viewportSize()!;
        const x = Math.max(0, box.x - MARGIN_PX);
        const y = Math.max(0, box.y - MARGIN_PX * 2);
        await news.page.screenshot({
          path: path.join(dir, `card-${scheme}.png`),
          clip: {
            x,
            y,
            width: Math.min(viewport.width - x, box.width + MARGIN_PX * 2),
            height: Math.min(viewport.height - y, box.height + MARGIN_PX * 3),
          },
        });
      }
      await news.page.close();
    });
  }

  it('uses different colours in light and dark', () => {
    expect(backgrounds.light).toBe('rgb(255, 255, 255)');
    expect(backgrounds.dark).not.toBe(backgrounds.light);
  });
});
