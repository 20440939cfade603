import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import type { HandlerEnv } from '@/utils/background/handlers';
import type { StandpointDB } from '@/utils/db/database';
import { ensureBuiltinPack } from '@/utils/db/install';
import { RETRY_ALARM, SYNC_ALARM } from '@/utils/sync/alarms';
import { RETRY_BASE_MS } from '@/utils/sync/backoff';
import { getFeed } from '@/utils/sync/feeds';
import { syncHandlers, type SyncEnv } from '@/utils/sync/handlers';
import { readLastSync } from '@/utils/sync/status';
import {
  CHANGED_ACTOR,
  FEED_URL,
  MemoryFeed,
  builtinPack,
  bytesOf,
  freshDb,
  packVersion,
  snapshot,
} from './fixtures';

const BASE = 'chrome-extension://standpoint-test/';
const page = { id: 'standpoint-test', url: `${BASE}options.html` };
const contentScript = {
  id: 'standpoint-test',
  url: 'https://news.example.org/article',
  tab: { id: 1 },
};

/** A pack a reader imports from a file: the built-in pack's content under an id of its own. */
const READER_PACK = 'reader-pack';
function fileText(version: number, edit = true): string {
  const pack = packVersion(version, edit);
  pack.id = READER_PACK;
  return new TextDecoder().decode(bytesOf(pack));
}

let db: StandpointDB;
let henv: HandlerEnv;
let env: SyncEnv;
let granted: Set<string>;
let clock: number;
let feed: MemoryFeed;
let h: ReturnType<typeof syncHandlers>;

beforeEach(async () => {
  db = freshDb();
  await ensureBuiltinPack(db, builtinPack());
  henv = {
    extensionId: 'standpoint-test',
    extensionBaseUrl: BASE,
    db: () => db,
    ready: async () => undefined,
    openTab: async () => undefined,
  };
  granted = new Set();
  clock = Date.parse('2026-11-30T13:00:00Z');
  feed = await MemoryFeed.create();
  env = {
    fetch: feed.fetch,
    now: () => clock,
    random: () => 0,
    permissions: {
      contains: async (p) => (p.origins ?? []).every((o) => granted.has(o)),
      remove: async (p) => {
        for (const o of p.origins ?? []) granted.delete(o);
        return true;
      },
    },
    alarms: fakeBrowser.alarms,
  };
  h = syncHandlers(() => env);
});

async function addFeed() {
  granted.add('https://news.example.org/*');
  const r = await h.addFeed({ url: FEED_URL, publicKey: feed.publicKey }, page, henv);
  expect(r.ok).toBe(true);
}

describe('sync handlers', () => {
  it('answers only extension pages', async () => {
    for (const [name, handler] of Object.entries(h)) {
      const r = await (
        handler as (
          q: unknown,
          s: unknown,
          e: HandlerEnv,
        ) => Promise<{ ok: boolean; error?: string }>
      )({}, contentScript, henv);
      expect(r.ok, name).toBe(false);
      expect(r.error, name).toContain('may only be asked from Standpoint’s own pages');
    }
  });

  it('adds a feed only with its host permission and a valid key and URL', async () => {
    const denied = await h.addFeed({ url: FEED_URL, publicKey: feed.publicKey }, page, henv);
    expect(denied).toEqual({
      ok: false,
      error:
        "Standpoint is not allowed to contact news.example.org. Add the feed again and accept the browser's question.",
    });
    granted.add('https://news.example.org/*');
    const badKey = await h.addFeed({ url: FEED_URL, publicKey: 'abc' }, page, henv);
    expect(badKey.ok).toBe(false);
    const plain = await h.addFeed(
      { url: 'http://news.example.org/feed/', publicKey: feed.publicKey },
      page,
      henv,
    );
    expect(plain).toMatchObject({ ok: false, error: expect.stringContaining('https://') });
    const added = await h.addFeed(
      { url: 'https://news.example.org/feed/', publicKey: feed.publicKey },
      page,
      henv,
    );
    expect(added).toMatchObject({ ok: true, value: { url: FEED_URL, name: 'news.example.org' } });
    const again = await h.addFeed({ url: FEED_URL, publicKey: feed.publicKey }, page, henv);
    expect(again).toEqual({ ok: false, error: 'This feed is already in your list.' });
  });

  it('syncs now, records the outcome on the feed and as the last sync', async () => {
    await addFeed();
    await feed.publish([packVersion(2)]);
    const r = await h.syncNow({}, page, henv);
    expect(r).toMatchObject({
      ok: true,
      value: [{ ok: true, updated: [{ id: builtinPack().id, to: 2 }] }],
    });
    expect((await getFeed(FEED_URL))?.lastResult?.ok).toBe(true);
    expect(await readLastSync()).toMatchObject({ ok: true, feedUrl: FEED_URL });
    const status = await h.getSyncStatus({}, page, henv);
    expect(status).toMatchObject({
      ok: true,
      value: { intervalMinutes: 360, feeds: [{ url: FEED_URL }] },
    });
  });

  it('runs one sync per feed at a time; a second request shares it', async () => {
    await addFeed();
    await feed.publish([packVersion(2)]);
    const [a, b] = await Promise.all([
      h.syncNow({}, page, henv),
      h.syncNow({ url: FEED_URL }, page, henv),
    ]);
    expect(a).toEqual(b);
    expect(feed.requests.filter((q) => q.url === FEED_URL)).toHaveLength(1);
  });

  it('backs off after a failure and schedules a retry alarm', async () => {
    await addFeed();
    feed.overrides.set('/feed/index.json', () => new Response('', { status: 500 }));
    await h.syncNow({ url: FEED_URL }, page, henv);
    const rec = await getFeed(FEED_URL);
    expect(rec).toMatchObject({ failures: 1, nextAttemptAt: clock + RETRY_BASE_MS / 2 });
    expect((await fakeBrowser.alarms.get(RETRY_ALARM))?.scheduledTime).toBe(
      clock + RETRY_BASE_MS / 2,
    );
    await h.syncNow({ url: FEED_URL }, page, henv);
    expect((await getFeed(FEED_URL))?.failures).toBe(2);
    expect((await getFeed(FEED_URL))?.nextAttemptAt).toBe(clock + RETRY_BASE_MS);
    expect(await readLastSync()).toMatchObject({
      ok: false,
      message:
        'The feed at news.example.org answered with an error (HTTP 500); your packs are unchanged.',
    });
  });

  it('does not ask the feed again before its Retry-After has passed', async () => {
    await addFeed();
    feed.overrides.set(
      '/feed/index.json',
      () => new Response('', { status: 429, headers: { 'Retry-After': '3600' } }),
    );
    await h.syncNow({}, page, henv);
    const asked = feed.requests.length;
    expect((await getFeed(FEED_URL))?.nextAttemptAt).toBe(clock + 3_600_000);
    clock += 600_000;
    const early = await h.syncNow({}, page, henv);
    expect(feed.requests.length).toBe(asked);
    expect(early).toMatchObject({
      ok: true,
      value: [
        {
          ok: false,
          message:
            'The feed at news.example.org asked not to be contacted before 14:00 UTC; your packs are unchanged.',
        },
      ],
    });
    clock += 3_000_000;
    feed.overrides.clear();
    await feed.publish([packVersion(2)]);
    const later = await h.syncNow({}, page, henv);
    expect(later).toMatchObject({ ok: true, value: [{ ok: true }] });
    expect(await getFeed(FEED_URL)).toMatchObject({
      failures: 0,
      nextAttemptAt: null,
      retryAfterUntil: null,
    });
  });

  it('keeps the feed and a readable sentence when a signed index quotes a huge hostile key', async () => {
    await addFeed();
    const hostileKey = 'x'.repeat(20_000);
    await feed.signIndex({
      format: 1,
      feedId: 'example-news',
      generatedAt: '2026-11-30T12:00:00.000Z',
      packs: [],
      [hostileKey]: 1,
    });
    feed.overrides.set(
      '/feed/index.json',
      () =>
        new Response(feed.files.get('/feed/index.json') as BodyInit, {
          headers: { ETag: `"${'e'.repeat(5000)}"` },
        }),
    );
    const r = await h.syncNow({}, page, henv);
    expect(r).toMatchObject({ ok: true, value: [{ ok: false }] });
    const rec = await getFeed(FEED_URL);
    expect(rec?.lastResult?.message).toMatch(
      /^The feed at news.example.org sent an index that is not in the feed format/,
    );
    expect(rec!.lastResult!.message.length).toBeLessThan(500);
    expect(rec?.etag).toBeNull();
    expect(
      (await h.listFeeds({}, page, henv)).ok && (await h.listFeeds({}, page, henv)),
    ).toMatchObject({ value: [{ url: FEED_URL }] });
  });

  it('imports a pack file only after confirmation, marked unverified', async () => {
    const text = fileText(2);
    const before = await snapshot(db);
    const unconfirmed = await h.importPack(
      { text, fileName: 'p.json', confirmUnverified: false },
      page,
      henv,
    );
    expect(unconfirmed).toEqual({
      ok: false,
      error:
        '“p.json” is not signed by a feed you trust. Confirm that you want to install it as unverified.',
    });
    const invalid = await h.importPack(
      { text: '{"format":1', fileName: 'p.json', confirmUnverified: true },
      page,
      henv,
    );
    expect(invalid).toMatchObject({
      ok: false,
      error: expect.stringMatching(/^“p.json” is not a valid pack: \(file\) is not valid JSON/),
    });
    expect(await snapshot(db)).toEqual(before);
    const done = await h.importPack(
      { text, fileName: 'p.json', confirmUnverified: true },
      page,
      henv,
    );
    expect(done).toMatchObject({
      ok: true,
      value: { packId: READER_PACK, version: 2, status: 'installed' },
    });
    expect(await db.packs.get(READER_PACK)).toMatchObject({
      version: 2,
      origin: 'file',
      verified: false,
    });
    const older = await h.importPack(
      { text: fileText(1, false), confirmUnverified: true },
      page,
      henv,
    );
    expect(older).toMatchObject({
      ok: false,
      error: expect.stringContaining('an older version could quietly undo corrections'),
    });
  });

  it('never lets a file replace the built-in pack, whatever its version', async () => {
    const huge = packVersion(Number.MAX_SAFE_INTEGER);
    const before = await snapshot(db);
    const r = await h.importPack(
      { text: new TextDecoder().decode(bytesOf(huge)), confirmUnverified: true },
      page,
      henv,
    );
    expect(r).toMatchObject({
      ok: false,
      error: expect.stringContaining('never replaces a verified pack'),
    });
    expect(await snapshot(db)).toEqual(before);
  });

  it('rolls a pack back to its previous version', async () => {
    await h.importPack({ text: fileText(1, false), confirmUnverified: true }, page, henv);
    await h.importPack({ text: fileText(2), confirmUnverified: true }, page, henv);
    const r = await h.rollbackPack({ packId: READER_PACK }, page, henv);
    expect(r).toEqual({ ok: true, value: { packId: READER_PACK, version: 1, rolledBack: 2 } });
    expect((await readLastSync())?.message).toContain('is back to version 1');
    const none = await h.rollbackPack({ packId: READER_PACK }, page, henv);
    expect(none.ok).toBe(false);
  });

  it('removes an imported pack in one step, and never the built-in one', async () => {
    const before = await snapshot(db);
    await h.importPack({ text: fileText(2), confirmUnverified: true }, page, henv);
    const r = await h.removePack({ packId: READER_PACK }, page, henv);
    expect(r).toMatchObject({ ok: true, value: { packId: READER_PACK, feedUrl: null } });
    expect(await snapshot(db)).toEqual(before);
    const builtin = await h.removePack({ packId: builtinPack().id }, page, henv);
    expect(builtin).toMatchObject({
      ok: false,
      error: expect.stringContaining('cannot be removed'),
    });
    expect(await h.removePack({ packId: READER_PACK }, contentScript, henv)).toMatchObject({
      ok: false,
    });
  });

  it('sets the sync interval within bounds and reschedules the alarm', async () => {
    const r = await h.setSyncInterval({ minutes: 120 }, page, henv);
    expect(r).toEqual({ ok: true, value: { minutes: 120 } });
    expect((await fakeBrowser.alarms.get(SYNC_ALARM))?.periodInMinutes).toBe(120);
    const tooOften = await h.setSyncInterval({ minutes: 1 }, page, henv);
    expect(tooOften.ok).toBe(false);
  });

  it('removes a feed and gives its host permission back', async () => {
    await addFeed();
    const r = await h.removeFeed({ url: FEED_URL }, page, henv);
    expect(r).toEqual({ ok: true, value: null });
    expect(granted.size).toBe(0);
    expect(await h.listFeeds({}, page, henv)).toEqual({ ok: true, value: [] });
  });
});

describe('what changed since the reader last looked', () => {
  it('names the people an update changed until their versions are marked seen', async () => {
    const { markChangesSeen } = await import('@/utils/sync/changes-seen');
    expect(await h.getChangedActors({}, page, henv)).toEqual({ ok: true, value: { actorIds: [] } });
    await h.importPack({ text: fileText(1, false), confirmUnverified: true }, page, henv);
    await h.importPack({ text: fileText(2), confirmUnverified: true }, page, henv);
    expect(await h.getChangedActors({}, page, henv)).toEqual({
      ok: true,
      value: { actorIds: [CHANGED_ACTOR] },
    });
    await markChangesSeen([{ id: READER_PACK, version: 2 }]);
    expect(await h.getChangedActors({}, page, henv)).toEqual({ ok: true, value: { actorIds: [] } });
    expect(await h.getChangedActors({}, contentScript, henv)).toMatchObject({ ok: false });
  });
});
