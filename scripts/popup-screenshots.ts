/**
 * Screenshots of the popup (for the demo page's tab, one cell's evidence open), of the
 * comparison page and of the source viewer (one position's evidence marked), in light and dark,
 * for the README and reviews.
 *
 *   npx tsx scripts/popup-screenshots.ts [outDir]     (default docs/screenshots)
 *
 * Uses the last build (`STANDPOINT_OUT_DIR` or .output) and the e2e harness's browser.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchExtension, NewsPage } from '../test/e2e/harness';

/** Chrome's popup bubble is at most 800 x 600; the popup keeps to 780 px. */
const POPUP_VIEWPORT = { width: 780, height: 600 };
/** A common laptop window for the full-width comparison page. */
const COMPARE_VIEWPORT = { width: 1280, height: 800 };
/** The comparison shown: people of the demo article who disagree on Donetsk and NATO. */
const COMPARE_QUERY = '?actors=zelenskyy,witkoff,putin,merz,macron';
/** The source viewer as a card's "Show in source" opens it: Zelenskyy on the NATO bid. */
const SOURCE_QUERY = '?source=berlin-talks-report&position=zelenskyy-nato-membership-bid';
/** Upper bound for the first highlights on the demo page, ms. */
const HIGHLIGHT_LIMIT_MS = 30_000;

const outDir = path.resolve(process.argv[2] ?? path.join('docs', 'screenshots'));
mkdirSync(outDir, { recursive: true });

async function settled(page: Page, selector: string): Promise<void> {
  await page.locator(selector).first().waitFor();
  await page.evaluate(() => document.fonts.ready);
}

const session = await launchExtension();
try {
  const news = await NewsPage.open(session, '/demo.html');
  const until = Date.now() + HIGHLIGHT_LIMIT_MS;
  while ((await news.mentions()).length === 0) {
    if (Date.now() > until) throw new Error('No highlights on the demo page');
    await new Promise((r) => setTimeout(r, 100));
  }
  const tabId = await session.tabIdOf(news.page);
  for (const scheme of ['light', 'dark'] as const) {
    const suffix = scheme === 'light' ? '' : '-dark';
    const popup = await session.context.newPage();
    await popup.emulateMedia({ colorScheme: scheme });
    await popup.setViewportSize(POPUP_VIEWPORT);
    await popup.goto(session.extensionUrl(`popup.html?tabId=${tabId}`));
    await settled(popup, '.sp-matrix button.sp-m-cell-btn');
    await popup.locator('.sp-matrix button.sp-m-cell-btn').first().click();
    await popup.evaluate(() => window.scrollTo(0, 0));
    await popup.mouse.move(0, 0);
    await popup.screenshot({ path: path.join(outDir, `popup${suffix}.png`) });
    await popup.close();

    const compare = await session.context.newPage();
    await compare.emulateMedia({ colorScheme: scheme });
    await compare.setViewportSize(COMPARE_VIEWPORT);
    await compare.goto(session.extensionUrl(`compare.html${COMPARE_QUERY}`));
    await settled(compare, '.sp-matrix');
    await compare.screenshot({ path: path.join(outDir, `compare${suffix}.png`) });
    await compare.close();

    const source = await session.context.newPage();
    await source.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await source.setViewportSize(COMPARE_VIEWPORT);
    await source.goto(session.extensionUrl(`source.html${SOURCE_QUERY}`));
    await settled(source, 'mark[data-selected]');
    await source.screenshot({ path: path.join(outDir, `source-viewer${suffix}.png`) });
    await source.close();
  }
  console.log(`Saved popup, comparison and source viewer screenshots in ${outDir}`);
} finally {
  await session.close();
}
