/**
 * No breakage on real pages: every page of a corpus folder is opened with the extension; for
 * each, the extension reports no error and the page's DOM after scanning is the DOM before.
 *
 * The folder is `../shared/corpus/readability` relative to the project root unless
 * STANDPOINT_CORPUS names another. Pages are read from there, never copied. When the folder is
 * absent the test says so and passes.
 *
 * Pages are served from a made-up http host through Playwright's routing, with their scripts
 * and inline event handlers removed: a saved page's own scripts would change its DOM (or fail offline) and hide what the
 * extension does. Any other request is refused, so nothing leaves the machine.
 */
import { existsSync, readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './harness';

const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const CORPUS_DIR = path.resolve(
  PROJECT_ROOT,
  process.env.STANDPOINT_CORPUS ?? path.join('..', 'shared', 'corpus', 'readability'),
);
/** The made-up origin corpus pages are served from (content scripts run on any http page). */
const CORPUS_ORIGIN = 'http://corpus-pages.test';
/** Upper bound for a page to load and the extension to settle (ms); a limit only. */
const SETTLE_LIMIT_MS = 20_000;
/** Pause between two readings of the highlight count when waiting for it to settle (ms). */
const SETTLE_POLL_MS = 250;
/** Equal readings in a row that count as settled. */
const SETTLE_READINGS = 4;

const pages = existsSync(CORPUS_DIR)
  ? readdirSync(CORPUS_DIR)
      .filter((f) => /\.html?$/i.test(f))
      .sort()
  : [];

/** The page's own `<script>` elements, removed so the saved page cannot change itself. */
const SCRIPT_RE = /<script\b[^>]*>[\s\S]*?<\/script\s*>/gi;
/** Inline event handlers (`onerror="this.remove()"` on images that cannot load offline). */
const HANDLER_RE = /\son[a-z]+\s*=\s*(?:"[^"]*"|'[^']*'|[^\s>]+)/gi;

describe('spotting on a corpus of real pages', () => {
  if (pages.length === 0) {
    it(`has no corpus at ${CORPUS_DIR}: nothing to check`, () => {
      console.log(`spotting corpus: ${CORPUS_DIR} is absent or empty; skipped`);
      expect(pages).toEqual([]);
    });
    return;
  }

  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
    await session.context.route('**/*', async (route) => {
      const url = new URL(route.request().url());
      if (url.origin !== CORPUS_ORIGIN) return route.abort();
      const name = decodeURIComponent(url.pathname.slice(1));
      if (!pages.includes(name)) return route.fulfill({ status: 404, body: 'not found' });
      const html = (await readFile(path.join(CORPUS_DIR, name), 'utf8'))
        .replace(SCRIPT_RE, '')
        .replace(HANDLER_RE, '');
      return route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', body: html });
    });
    // Runs in the page before anything else: the DOM as parsed, before any extension ran.
    await session.context.addInitScript(() => {
      document.addEventListener('DOMContentLoaded', () => {
        (window as unknown as { domBefore: string }).domBefore =
          new XMLSerializer().serializeToString(document);
      });
    });
  });

  afterAll(async () => {
    await session?.close();
  });

  it.each(pages)('%s: no error, DOM unchanged', async (name) => {
    const page = await session.context.newPage();
    // Errors of the extension: anything reported from its scripts (chrome-extension:// URLs).
    // The saved pages' own failures offline (missing images, inline handlers calling removed
    // scripts) are theirs, not ours.
    const errors: string[] = [];
    page.on('console', (msg) => {
      const url = msg.location().url;
      // A saved page may link an extension's resource; failing to load it is not our error.
      if (msg.text().startsWith('Failed to load resource')) return;
      if (msg.type() === 'error' && url.startsWith('chrome-extension:')) {
        errors.push(msg.text());
      }
    });
    page.on('pageerror', (e) => {
      if (String(e.stack).includes('chrome-extension:')) errors.push(String(e));
    });
    await page.goto(`${CORPUS_ORIGIN}/${encodeURIComponent(name)}`, { waitUntil: 'load' });
    await expect
      .poll(() => session.contentScriptWorlds(page), { timeout: SETTLE_LIMIT_MS })
      .toContain('Standpoint');

    // Wait until the highlight count stops changing: the scan has finished.
    const readings: number[] = [];
    await expect
      .poll(
        async () => {
          readings.push(
            await page.evaluate(
              () =>
                (CSS as unknown as { highlights: Map<string, { size: number }> }).highlights.get(
                  'standpoint-mention',
                )?.size ?? -1,
            ),
          );
          const last = readings.slice(-SETTLE_READINGS);
          return last.length === SETTLE_READINGS && last.every((n) => n === last[0]);
        },
        { timeout: SETTLE_LIMIT_MS, interval: SETTLE_POLL_MS },
      )
      .toBe(true);

    const before = await page.evaluate(
      () => (window as unknown as { domBefore: string }).domBefore,
    );
    const after = await page.evaluate(() => new XMLSerializer().serializeToString(document));
    expect(after === before, `${name}: the DOM changed`).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});
