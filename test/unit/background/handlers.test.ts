import { describe, expect, it, vi } from 'vitest';
import {
  defaultEnv,
  handleGetCards,
  handleGetMatrix,
  handleGetSource,
  handleListActors,
  handleListPacks,
  handleOpenPage,
  storeHandlers,
  unexpectedFailure,
  type HandlerEnv,
  type Sender,
} from '@/utils/background/handlers';
import type { StandpointDB } from '@/utils/db/database';
import { CONTENT_SCRIPT_MESSAGES, requestSchemas } from '@/utils/messaging';
import { FIXTURES, fixture, freshDb, install } from '../db/helpers';

const ID = 'test-extension-id';
const BASE = `chrome-extension://${ID}/`;

const popup: Sender = { id: ID, url: `${BASE}popup.html` };
const compareTab: Sender = { id: ID, url: `${BASE}compare.html`, tab: { id: 7, index: 2 } };
const contentScript: Sender = {
  id: ID,
  url: 'https://news.example/article',
  tab: { id: 3, index: 0, windowId: 1 },
};
const otherExtension: Sender = {
  id: 'someone-else',
  url: 'chrome-extension://someone-else/x.html',
};

async function envWith(db?: StandpointDB): Promise<HandlerEnv & { opened: string[] }> {
  const store = db ?? freshDb();
  if (!db) await install(store, await fixture(FIXTURES.newsV1));
  const opened: string[] = [];
  return {
    extensionId: ID,
    extensionBaseUrl: BASE,
    db: () => store,
    ready: async () => undefined,
    openTab: async (url) => {
      opened.push(url);
    },
    opened,
  };
}

describe('sender check', () => {
  it('lets a content script read cards', async () => {
    const env = await envWith();
    const cards = await handleGetCards({ actorIds: ['anna-berg'] }, contentScript, env);
    expect(cards.ok && cards.value[0]!.actor.id).toBe('anna-berg');
  });

  it('refuses extension-page-only messages from a content script', async () => {
    const env = await envWith();
    for (const [handler, request] of [
      [handleGetMatrix, { actorIds: ['anna-berg'] }],
      [handleListActors, {}],
      [handleGetSource, { sourceId: 'oslo-meeting' }],
      [handleListPacks, {}],
    ] as const) {
      const r = await handler(request, contentScript, env);
      expect(r.ok).toBe(false);
      expect(!r.ok && r.error).toMatch(/may only be asked from Standpoint’s own pages/);
    }
  });

  it('treats a sender without an extension URL as a content script', async () => {
    const env = await envWith();
    const r = await handleListPacks({}, { id: ID }, env);
    expect(!r.ok && r.error).toMatch(/own pages/);
  });

  it('refuses every message from another extension, reads included', async () => {
    const env = await envWith();
    for (const r of [
      await handleGetCards({ actorIds: ['anna-berg'] }, otherExtension, env),
      await handleListPacks({}, otherExtension, env),
      await handleListActors({}, { url: `${BASE}popup.html` }, env),
    ]) {
      expect(r).toEqual({
        ok: false,
        error: 'Refused: only Standpoint itself may ask its background.',
      });
    }
  });

  it('answers extension pages, in a tab or not', async () => {
    const env = await envWith();
    const actors = await handleListActors({}, popup, env);
    expect(actors.ok && actors.value.actors.map((a) => a.id)).toEqual([
      'anna-berg',
      'carl-dahl',
      'eva-holm',
      'nordic-delegation',
    ]);
    const m = await handleGetMatrix({ actorIds: ['anna-berg', 'carl-dahl'] }, compareTab, env);
    expect(m.ok && m.value.rows.length).toBe(2);
    const packs = await handleListPacks({}, popup, env);
    expect(packs.ok && packs.value.map((p) => p.id)).toEqual(['fixture-news']);
    const source = await handleGetSource({ sourceId: 'oslo-meeting' }, popup, env);
    expect(source.ok && source.value.positions).toHaveLength(4);
  });

  it('allows content scripts exactly the messages the contract lists', () => {
    expect([...CONTENT_SCRIPT_MESSAGES].sort()).toEqual(['getCards', 'openPage']);
    for (const type of Object.keys(storeHandlers))
      expect(Object.keys(requestSchemas)).toContain(type);
  });
});

describe('request validation', () => {
  it('refuses malformed requests with a readable reason', async () => {
    const env = await envWith();
    const cases: [unknown, RegExp][] = [
      [null, /malformed “getCards”/],
      ['anna-berg', /malformed/],
      [{ actorIds: [] }, /actorIds/],
      [{ actorIds: ['Anna Berg'] }, /slug/],
      [{ actorIds: ['anna-berg'], extra: true }, /extra/],
      [{ actorIds: ['anna-berg'], pageWords: ['x'.repeat(61)] }, /pageWords/],
      [{ actorIds: Array.from({ length: 51 }, (_, i) => `a${i}`) }, /actorIds/],
    ];
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    for (const [request, reason] of cases) {
      logged.mockClear();
      const r = await handleGetCards(request, contentScript, env);
      expect(r.ok, JSON.stringify(request)).toBe(false);
      // The reader gets a sentence; the reason goes to the console.
      expect(!r.ok && r.error).toBe(
        'Standpoint did not understand that request, so nothing was changed. Reload this page and try again.',
      );
      expect(String(logged.mock.calls[0]?.[0])).toMatch(reason);
    }
    logged.mockRestore();
    const open = await handleOpenPage({ page: 'options' }, contentScript, env);
    expect(open.ok).toBe(false);
    expect(env.opened).toEqual([]);
  });

  it('turns a failure inside a handler into an error result', async () => {
    const env = await envWith();
    const broken: HandlerEnv = {
      ...env,
      db: () => {
        throw new Error('database unavailable');
      },
    };
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const r = await handleListPacks({}, popup, broken);
    // A sentence about the reader's data; the technical detail only in the console.
    expect(r).toEqual({ ok: false, error: unexpectedFailure() });
    expect(!r.ok && r.error).not.toContain('database unavailable');
    expect(logged).toHaveBeenCalledWith('Standpoint: “listPacks” failed', expect.any(Error));
    logged.mockRestore();
  });
});

describe('handlers', () => {
  it('explains an unknown source', async () => {
    const env = await envWith();
    expect(await handleGetSource({ sourceId: 'gone' }, popup, env)).toEqual({
      ok: false,
      error: 'No installed pack has a source “gone”.',
    });
  });

  it('opens the source viewer and the comparison page next to the sender’s tab', async () => {
    const env = await envWith();
    const spy = vi.spyOn(env, 'openTab');
    expect(
      await handleOpenPage(
        { page: 'source', sourceId: 'oslo-meeting', positionId: 'berg-ceasefire' },
        contentScript,
        env,
      ),
    ).toEqual({ ok: true, value: null });
    expect(spy).toHaveBeenCalledWith(
      `${BASE}source.html?source=oslo-meeting&position=berg-ceasefire`,
      contentScript.tab,
    );
    await handleOpenPage({ page: 'compare', actorIds: ['anna-berg', 'carl-dahl'] }, popup, env);
    expect(env.opened[1]).toBe(`${BASE}compare.html?actors=anna-berg,carl-dahl`);
  });

  it('waits for the built-in pack check before answering', async () => {
    const db = freshDb();
    const env = await envWith(db);
    const order: string[] = [];
    const ready = async () => {
      await install(db, await fixture(FIXTURES.newsV1));
      order.push('installed');
    };
    const r = await handleListPacks({}, popup, { ...env, ready });
    order.push('answered');
    expect(order).toEqual(['installed', 'answered']);
    expect(r.ok && r.value).toHaveLength(1);
  });

  it('builds the real environment from the runtime', () => {
    const env = defaultEnv();
    expect(env.extensionId).toBe(ID);
    expect(env.extensionBaseUrl).toBe(BASE);
  });
});
