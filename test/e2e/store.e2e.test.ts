/**
 * The store end to end: the built-in pack is installed on first run and served to extension
 * pages; content scripts get only their reads; a web page's origin holds nothing of ours.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionGlobal, type ExtensionSession } from './harness';

/** The built-in pack's people (its groups are not people). */
const BUILTIN_PEOPLE = [
  'kushner',
  'macron',
  'merz',
  'putin',
  'trump',
  'ushakov',
  'witkoff',
  'zelenskyy',
];

/** A message in the wire format of `@webext-core/messaging`, as a string to evaluate. */
const sendExpression = (type: string, data: unknown) =>
  `chrome.runtime.sendMessage(${JSON.stringify({ id: 1, type, data, timestamp: 0 })})`;

interface Wire<T> {
  res?: { ok: true; value: T } | { ok: false; error: string };
  err?: unknown;
}

describe('store', () => {
  let session: ExtensionSession;

  beforeAll(async () => {
    session = await launchExtension();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('lists the eight people of the built-in pack to an extension page after install', async () => {
    const page = await session.openExtensionPage('popup.html');
    const ask = (type: string) =>
      page.evaluate(
        ([t]) =>
          (globalThis as ExtensionGlobal).chrome.runtime.sendMessage({
            id: 1,
            type: t,
            data: {},
            timestamp: Date.now(),
          }) as Promise<Wire<unknown>>,
        [type] as const,
      );
    const actors = (await ask('listActors')) as Wire<{
      actors: { id: string; kind: string; name: string }[];
    }>;
    expect(actors.res?.ok).toBe(true);
    const people = actors.res?.ok ? actors.res.value.actors.filter((a) => a.kind === 'person') : [];
    expect(people.map((a) => a.id).sort()).toEqual(BUILTIN_PEOPLE);

    const packs = (await ask('listPacks')) as Wire<{ origin: string; verified: boolean }[]>;
    expect(packs.res?.ok && packs.res.value).toEqual([
      expect.objectContaining({ origin: 'builtin', verified: true }),
    ]);
    // The store lives in the extension's own origin...
    const ours = await page.evaluate(() => indexedDB.databases());
    expect(ours.map((d) => d.name)).toContain('standpoint');
    await page.close();
  });

  it('keeps nothing in a web page’s origin', async () => {
    const news = await session.openPage('/demo.html');
    await expect.poll(() => session.contentScriptWorlds(news)).toContain('Standpoint');
    // ...and never in the origin of a page the content script runs in.
    const databases = await news.evaluate(() => indexedDB.databases());
    expect(databases).toEqual([]);
    await news.close();
  });

  it('answers a content script’s reads and refuses it the extension pages’ messages', async () => {
    const news = await session.openPage('/demo.html');
    await expect.poll(() => session.contentScriptWorlds(news)).toContain('Standpoint');
    const cards = await session.evaluateInContentScript<Wire<{ actor: { id: string } }[]>>(
      news,
      sendExpression('getCards', { actorIds: BUILTIN_PEOPLE }),
    );
    expect(cards.res?.ok && cards.res.value.map((c) => c.actor.id)).toEqual(
      expect.arrayContaining(BUILTIN_PEOPLE),
    );
    for (const [type, data] of [
      ['listPacks', {}],
      ['listActors', {}],
      ['getMatrix', { actorIds: ['merz'] }],
    ] as const) {
      const refused = await session.evaluateInContentScript<Wire<unknown>>(
        news,
        sendExpression(type, data),
      );
      expect(refused.res).toEqual({
        ok: false,
        error: `Refused: “${type}” may only be asked from Standpoint’s own pages, not from a web page.`,
      });
    }
    await news.close();
  });
});
