/**
 * What the background writes for readers (sync and install results, refusals) and the keyboard
 * shortcut descriptions the browser shows come from the locales too: the manifest names messages
 * that exist, and a German browser gets German sentences from the background.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { CARD_COMMAND_MANIFEST } from '@/utils/card/command-manifest';
import { normalizeFeedUrl } from '@/utils/sync/feeds';
import { updateDecision } from '@/utils/db/versions';
import type { PackRow } from '@/utils/db/database';

type Messages = Record<string, { message: string }>;
const read = (locale: string): Messages =>
  JSON.parse(
    readFileSync(
      join(import.meta.dirname, `../../../public/_locales/${locale}/messages.json`),
      'utf8',
    ),
  ) as Messages;

/** The browser's lookup for one locale (`$1`… filled in), as the real one does it. */
function speak(locale: string) {
  const messages = read(locale);
  fakeBrowser.i18n.getMessage = ((key: string, subs?: string | string[]) => {
    const list = subs === undefined ? [] : Array.isArray(subs) ? subs : [subs];
    return (messages[key]?.message ?? '').replace(
      /\$(\d)/g,
      (_, d: string) => list[Number(d) - 1] ?? '',
    );
  }) as typeof fakeBrowser.i18n.getMessage;
  fakeBrowser.i18n.getUILanguage = () => locale;
}

describe('background words', () => {
  it('names a message for every keyboard shortcut description, in every locale', () => {
    for (const locale of ['en', 'de', 'fr', 'uk']) {
      const messages = read(locale);
      for (const [command, spec] of Object.entries(CARD_COMMAND_MANIFEST)) {
        const key = /^__MSG_(\w+)__$/.exec(spec.description)?.[1];
        expect(key, `${command} description`).toBeDefined();
        expect(messages[key!]?.message.trim(), `${locale}: ${key}`).toBeTruthy();
      }
    }
  });

  it('writes feed refusals in the reader’s language', () => {
    expect(normalizeFeedUrl('not a url')).toEqual({
      ok: false,
      error: 'That is not a web address. Paste the full feed URL, starting with https://.',
    });
    speak('de');
    expect(normalizeFeedUrl('http://news.example.org/feed.json')).toEqual({
      ok: false,
      error:
        'Feeds müssen über https:// ausgeliefert werden (einfaches http:// funktioniert nur auf diesem Computer).',
    });
  });

  it('writes the store’s refusals in the reader’s language, with the pack’s own title', () => {
    speak('fr');
    const installed = {
      id: 'berlin',
      version: 3,
      sha256: 'a',
      highestVersion: 3,
      highestSha256: 'a',
      origin: 'feed',
      verified: true,
    } as PackRow;
    const decision = updateDecision(installed, {
      id: 'berlin',
      title: 'Berlin Talks',
      version: 2,
      sha256: 'b',
      origin: 'feed',
      verified: true,
    });
    expect(decision).toMatchObject({
      kind: 'refuse',
      code: 'older',
      reason:
        '« Berlin Talks » version 2 a été refusé : la version 3 était déjà installée, et une version plus ancienne pourrait annuler discrètement des corrections',
    });
  });
});
