/**
 * Chromium in German (`--lang=de`; on Linux Chromium reads `LANGUAGE` instead, which the
 * harness sets too): the popup, the card and the options page speak German, dates follow the
 * German format, and pack content (names, summaries, quotes) stays in its own language.
 *
 * Chromium needs its locale files for this (Debian: `chromium-l10n`); without them it stays in
 * English and the first test says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { byClass, findAll, mentionsReady, openCard, waitForCard } from './card-dom';
import {
  launchExtension,
  NewsPage,
  PopupObject,
  type ExtensionGlobal,
  type ExtensionSession,
} from './harness';

const NAME = 'Volodymyr Zelenskyy';

describe('in German', () => {
  let session: ExtensionSession;
  let news: NewsPage;

  beforeAll(async () => {
    session = await launchExtension({ uiLanguage: 'de' });
    news = await NewsPage.open(session, '/demo.html');
    await mentionsReady(news.page);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('runs with a German interface', async () => {
    const worker = await session.serviceWorker();
    const language = await worker.evaluate(() =>
      (globalThis as ExtensionGlobal).chrome.i18n.getUILanguage(),
    );
    expect(
      language,
      'Chromium did not start in German: install its locale files (Debian: apt-get install chromium-l10n)',
    ).toMatch(/^de/);
  });

  it('shows the card in German, with the pack’s own words unchanged', async () => {
    await news.hoverName(NAME);
    await waitForCard(news.page, NAME);
    const dialog = (await openCard(news.page))!;
    expect(dialog.attrs['aria-label']).toBe(`Standpoint: ${NAME}`);
    const text = dialog.text;
    expect(text).toContain('Erklärte Positionen');
    expect(text).toContain('Stand:');
    expect(text).toMatch(/\d{2}\.\d{2}\.\d{4}/);
    expect(text).not.toContain('Stated positions');
    const chip = findAll(dialog, byClass('sp-chip'))[0]!;
    expect(chip.text).toMatch(/^Haltung: /);
    const kinds = findAll(dialog, byClass('sp-evidence-kind')).map((k) => k.text);
    expect(kinds.every((k) => k === 'Wörtliches Zitat' || k === 'Wiedergabe der Quelle')).toBe(
      true,
    );
    expect(findAll(dialog, byClass('sp-compare'))[0]?.text).toBe('Vergleichen');
  });

  it('shows the popup in German', async () => {
    const popup = await PopupObject.open(session, news.page);
    await popup.page.locator('.sp-matrix').waitFor();
    expect(await popup.page.evaluate(() => document.documentElement.lang)).toBe('de');
    // textContent: the words themselves, whatever case the style shows them in.
    const text = await popup.root().evaluate((e) => e.textContent ?? '');
    for (const words of [
      'Wen vergleichen',
      'Auf dieser Seite',
      'Auf dieser Website aus',
      'Vergleichsseite öffnen',
      'Letzte Synchronisierung',
      'Dafür',
    ])
      expect(text).toContain(words);
    expect(text).not.toContain('Whom to compare');
    await popup.page.close();
  });

  it('shows the options page in German', async () => {
    const options = await session.openExtensionPage('options.html');
    await options.getByRole('heading', { name: 'Installierte Pakete' }).waitFor();
    expect(await options.title()).toBe('Standpoint-Einstellungen');
    const text = await options.locator('body').innerText();
    for (const words of ['Feed hinzufügen', 'Feeds prüfen', 'Lesen', 'Namen hervorheben'])
      expect(text).toContain(words);
    expect(text).toMatch(/veröffentlicht am \d{2}\.\d{2}\.\d{4}/);
    await options.getByLabel('Feeds prüfen').selectOption({ label: 'einmal täglich' });
    await expect
      .poll(() => options.locator('.interval .notice').innerText())
      .toBe('Feeds werden einmal täglich geprüft.');
    await options.close();
  });

  it('describes the keyboard shortcuts and writes the background’s sentences in German', async () => {
    const worker = await session.serviceWorker();
    const commands = await worker.evaluate(() =>
      (
        globalThis as unknown as {
          chrome: { commands: { getAll(): Promise<{ name?: string; description?: string }[]> } };
        }
      ).chrome.commands.getAll(),
    );
    const described = Object.fromEntries(commands.map((c) => [c.name, c.description]));
    expect(described['next-name']).toBe('Die Karte für den nächsten Namen auf der Seite zeigen');
    expect(described['open-card']).toBe('Die Karte für den Namen an oder nach der Auswahl zeigen');

    // A refusal written by the background: the source viewer asks for a source no pack has.
    const viewer = await session.openExtensionPage('source.html?source=no-such-source');
    await expect
      .poll(() => viewer.locator('body').innerText())
      .toContain('Kein installiertes Paket hat eine Quelle „no-such-source“.');
    await viewer.close();
  });
});
