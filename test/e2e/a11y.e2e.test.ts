/**
 * axe-core over the five surfaces a reader meets: the hover card open on the demo page (compact,
 * then with its evidence shown), the popup for that page (one cell's evidence open), the
 * comparison page (everyone, the folded people shown, one cell open), the source viewer (one
 * position's evidence marked) and the options page; each in the light and the dark colour scheme.
 * A serious or critical violation fails the test; the message lists every violation found.
 *
 * axe is evaluated through the DevTools protocol (`page.evaluate` of its source), which extension
 * pages' script policy does not block, as it would an injected script tag.
 *
 * The card lives in a closed shadow root (utils/card/host.ts), which axe, like any page script,
 * cannot enter: it walks `element.shadowRoot`, null for a closed root. Copying the card's markup
 * into an extension page would check other styles against another background; instead the card
 * is checked where the reader sees it, on the page, with its own styles. The DevTools protocol
 * reaches the closed root (harness `evaluateInShadowRoot`) and, in the test only, gives the host
 * element of the page's world a `shadowRoot` property that returns it; axe then walks the card as
 * it walks an open root. The product has no test hook for this, and the content script's own
 * world is untouched.
 */
import axeCore from 'axe-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { launchExtension, NewsPage, type ExtensionSession } from './harness';
import { cardName, mentionsReady } from './card-dom';

/** axe-core's own source text, as the package exports it for injection into a page. */
const AXE_SOURCE = axeCore.source;
/** Impacts that fail the test; minor and moderate ones are listed but do not fail it. */
const FAILING = new Set(['serious', 'critical']);
/** Upper bound for the card to open (ms); a limit, not a measurement. */
const CARD_LIMIT_MS = 15_000;
/** The built-in pack's source and one position of it, for the source viewer. */
const SOURCE = 'source.html?source=berlin-talks-report&position=zelenskyy-nato-membership-bid';

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe in the page's main world over `selector` (or the whole document). */
async function axe(page: Page, selector?: string): Promise<AxeViolation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(AXE_SOURCE);
  return page.evaluate(async (sel) => {
    const api = (window as unknown as { axe: { run: (...a: unknown[]) => Promise<unknown> } }).axe;
    const context = sel ? document.querySelector(sel) : document;
    const out = (await api.run(context, { resultTypes: ['violations'] })) as {
      violations: AxeViolation[];
    };
    return out.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target, failureSummary: n.failureSummary })),
    }));
  }, selector ?? null);
}

/** Every violation as one readable line per node. */
const describeAll = (vs: AxeViolation[]) =>
  vs
    .flatMap((v) =>
      v.nodes.map(
        (n) =>
          `[${v.impact}] ${v.id}: ${v.help} at ${JSON.stringify(n.target)}\n    ${n.failureSummary ?? ''}`,
      ),
    )
    .join('\n');

/** Fails on any serious or critical violation, listing all of them. */
function expectNoSerious(vs: AxeViolation[], where: string) {
  const serious = vs.filter((v) => FAILING.has(v.impact ?? ''));
  if (vs.length) console.info(`axe on ${where}:\n${describeAll(vs)}`);
  expect(serious, `${where}:\n${describeAll(serious)}`).toEqual([]);
}

/** Lets axe in the page's world walk the card's closed shadow root (see the file comment). */
async function exposeCard(news: NewsPage): Promise<void> {
  const ok = await news.card().query<boolean>(`function () {
    const root = this;
    Object.defineProperty(root.host, 'shadowRoot', { configurable: true, get: () => root });
    return true;
  }`);
  expect(ok).toBe(true);
}

describe('accessibility (axe-core)', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });
  afterAll(async () => {
    await session?.close();
  });

  for (const colorScheme of ['light', 'dark'] as const) {
    describe(colorScheme, () => {
      it('the card, compact and with its evidence', async () => {
        const news = await NewsPage.open(session, '/demo.html');
        await news.page.emulateMedia({ colorScheme, reducedMotion: 'reduce' });
        await mentionsReady(news.page);
        await news.hoverName('Volodymyr Zelenskyy');
        await expect
          .poll(() => cardName(news.page), { timeout: CARD_LIMIT_MS })
          .toBe('Volodymyr Zelenskyy');
        await news.card().settled();
        await exposeCard(news);
        expectNoSerious(await axe(news.page, 'standpoint-card-host'), `the card (${colorScheme})`);

        await news.card().click('button[aria-expanded="false"]');
        await expect
          .poll(() =>
            news.card().query<number>(`function () {
            return this.querySelectorAll('[aria-expanded="true"]').length;
          }`),
          )
          .toBeGreaterThan(0);
        await news.card().settled();
        expectNoSerious(
          await axe(news.page, 'standpoint-card-host'),
          `the card with evidence (${colorScheme})`,
        );
        await news.page.close();
      });

      it('the popup, one cell open', async () => {
        const news = await NewsPage.open(session, '/demo.html');
        await mentionsReady(news.page);
        const tabId = await news.tabId();
        const popup = await session.context.newPage();
        await popup.emulateMedia({ colorScheme });
        await popup.setViewportSize({ width: 780, height: 600 });
        await popup.goto(session.extensionUrl(`popup.html?tabId=${tabId}`));
        await popup.locator('.sp-matrix button.sp-m-cell-btn').first().click();
        await popup.locator('.sp-m-detail').waitFor();
        expectNoSerious(await axe(popup), `the popup (${colorScheme})`);
        await popup.close();
        await news.page.close();
      });

      it('the comparison page, everyone shown, one cell open', async () => {
        const page = await session.context.newPage();
        await page.emulateMedia({ colorScheme });
        await page.goto(session.extensionUrl('compare.html?topic=nato'));
        await page.locator('.sp-matrix button.sp-m-cell-btn').first().click();
        await page.locator('.sp-m-detail').waitFor();
        if (await page.locator('.sp-mfold-btn').count())
          await page.locator('.sp-mfold-btn').click();
        expectNoSerious(await axe(page), `the comparison page (${colorScheme})`);
        await page.close();
      });

      it('the source viewer, evidence marked', async () => {
        const page = await session.context.newPage();
        await page.emulateMedia({ colorScheme });
        await page.goto(session.extensionUrl(SOURCE));
        await page.locator('mark').first().waitFor();
        expectNoSerious(await axe(page), `the source viewer (${colorScheme})`);
        await page.close();
      });

      it('the options page', async () => {
        const page = await session.context.newPage();
        await page.emulateMedia({ colorScheme });
        await page.goto(session.extensionUrl('options.html'));
        await page.locator('main').first().waitFor();
        await page.waitForLoadState('networkidle');
        expectNoSerious(await axe(page), `the options page (${colorScheme})`);
        await page.close();
      });
    });
  }
});
