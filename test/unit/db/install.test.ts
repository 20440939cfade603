import { describe, expect, it } from 'vitest';
import { StandpointDB } from '@/utils/db/database';
import { ensureBuiltinPack, refreshDerivedRows } from '@/utils/db/install';
import { rollbackPack } from '@/utils/db/uninstall';
import { dictionaryVersion } from '@/utils/db/queries';
import { dictionaryVersionItem } from '@/utils/settings';
import { DICTIONARY_KEY } from '@/utils/spotting/storage-keys';
import { readDictionary } from '@/utils/spotting/stored-dictionary';
import { browser } from 'wxt/browser';
import { FIXTURES, dump, edited, fixture, freshDb, install } from './helpers';

describe('applyPack', () => {
  it('installs a pack into every table and publishes the dictionary version', async () => {
    const db = freshDb();
    const v1 = await fixture(FIXTURES.newsV1);
    const r = await install(db, v1, { origin: 'file', verified: false });
    expect(r).toEqual({
      ok: true,
      value: {
        status: 'installed',
        packId: 'fixture-news',
        version: 1,
        previousVersion: null,
        changes: { added: 0, changed: 0, removed: 0 },
      },
    });
    const row = await db.packs.get('fixture-news');
    expect(row).toMatchObject({
      version: 1,
      sha256: v1.sha256,
      title: 'Fixture news pack',
      publishedAt: '2025-03-04',
      origin: 'file',
      verified: false,
      previous: null,
      highestVersion: 1,
      highestSha256: v1.sha256,
    });
    expect((await db.packBodies.get(['fixture-news', 1]))?.pack).toEqual(v1.pack);
    expect(await db.sources.count()).toBe(1);
    expect(await db.actors.count()).toBe(4);
    expect(await db.topics.count()).toBe(2);
    expect(await db.positions.count()).toBe(4);
    expect(await db.claims.get('actor:anna-berg')).toMatchObject({ packId: 'fixture-news' });
    expect(await db.positionChanges.count()).toBe(0);
    expect(await dictionaryVersionItem.getValue()).toBe(await dictionaryVersion(db));
    // Pages get the dictionary with its matcher's trie built: what a page reads is whole.
    const stored = await browser.storage.local.get(DICTIONARY_KEY);
    const onPage = readDictionary(JSON.parse(JSON.stringify(stored[DICTIONARY_KEY])));
    expect(onPage?.version).toBe(await dictionaryVersionItem.getValue());
    expect(onPage?.actors.map((a) => a.id).sort()).toEqual(
      (await db.actors.toArray()).map((a) => a.id).sort(),
    );
    expect(onPage?.tables.forms).toBeGreaterThan(0);
  });

  it('is idempotent: the same version and bytes again change nothing', async () => {
    const db = freshDb();
    const v1 = await fixture(FIXTURES.newsV1);
    await install(db, v1);
    const before = await dump(db);
    const version = await dictionaryVersionItem.getValue();
    const r = await install(db, v1);
    expect(r.ok && r.value.status).toBe('unchanged');
    expect(await dump(db)).toEqual(before);
    expect(await db.positions.count()).toBe(4);
    expect(await dictionaryVersionItem.getValue()).toBe(version);
  });

  it('updates to a newer version, keeps the old one and records the diff', async () => {
    const db = freshDb();
    const [v1, v2] = await Promise.all([fixture(FIXTURES.newsV1), fixture(FIXTURES.newsV2)]);
    await install(db, v1);
    const versionBefore = await dictionaryVersionItem.getValue();
    const r = await install(db, v2, { now: new Date('2025-04-05T10:00:00Z') });
    expect(r).toEqual({
      ok: true,
      value: {
        status: 'updated',
        packId: 'fixture-news',
        version: 2,
        previousVersion: 1,
        changes: { added: 1, changed: 1, removed: 1 },
      },
    });
    const row = await db.packs.get('fixture-news');
    expect(row?.version).toBe(2);
    expect(row?.previous).toMatchObject({ version: 1, sha256: v1.sha256 });
    expect(await db.packBodies.count()).toBe(2);
    expect((await db.positions.toArray()).map((p) => p.id).sort()).toEqual([
      'berg-ceasefire',
      'dahl-ceasefire',
      'dahl-sanctions',
      'delegation-ceasefire',
    ]);
    expect(await db.sources.count()).toBe(2);

    const changes = await db.positionChanges.orderBy('seq').toArray();
    const byId = Object.fromEntries(changes.map((c) => [c.positionId, c]));
    expect(byId['berg-ceasefire']).toMatchObject({
      kind: 'changed',
      actorId: 'anna-berg',
      topicId: 'ceasefire',
      previous: {
        stance: 'supports',
        summary: 'Wants a ceasefire before anything else.',
        date: '2025-03-03',
      },
      current: { stance: 'conditional', date: '2025-04-02' },
      fromVersion: 1,
      packVersion: 2,
      at: '2025-04-05T10:00:00.000Z',
    });
    expect(byId['dahl-sanctions']).toMatchObject({ kind: 'added', previous: null });
    expect(byId['berg-sanctions']).toMatchObject({
      kind: 'removed',
      previous: { stance: 'opposes' },
      current: null,
    });
    expect(byId['dahl-ceasefire']).toBeUndefined();
    expect(await dictionaryVersionItem.getValue()).not.toBe(versionBefore);
  });

  it('refuses an older version than the highest installed, with the store unchanged', async () => {
    const db = freshDb();
    const [v1, v2] = await Promise.all([fixture(FIXTURES.newsV1), fixture(FIXTURES.newsV2)]);
    await install(db, v2);
    const before = await dump(db);
    const r = await install(db, v1);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(/version 1 was refused: version 2 was already installed/);
    expect(await dump(db)).toEqual(before);
  });

  it('refuses the same version with different bytes, with the store unchanged', async () => {
    const db = freshDb();
    const v1 = await fixture(FIXTURES.newsV1);
    await install(db, v1);
    const tampered = await edited(v1, (p) => {
      p.positions[0]!.stance = 'opposes';
    });
    const before = await dump(db);
    const r = await install(db, tampered);
    expect(!r.ok && r.error).toMatch(/a published version must never change/);
    expect(await dump(db)).toEqual(before);
  });

  it('rolls a half-finished install back: nothing of it is left', async () => {
    const name = `standpoint-abort-${Date.now()}`;
    const db = new StandpointDB(name);
    const [v1, v2] = await Promise.all([fixture(FIXTURES.newsV1), fixture(FIXTURES.newsV2)]);
    await install(db, v1);
    const before = await dump(db);
    const versionBefore = await dictionaryVersionItem.getValue();

    // A second handle on the same database whose writes to `positions` fail: by then the
    // install has already deleted the old rows and written sources, actors, aliases and topics.
    const failing = new StandpointDB(name);
    let writesBeforeFailure = 0;
    failing.use({
      stack: 'dbcore',
      name: 'fail-on-positions',
      create: (core) => ({
        ...core,
        table: (tableName) => {
          const table = core.table(tableName);
          return {
            ...table,
            mutate: (req) => {
              if (tableName === 'positions' && req.type === 'put') {
                return Promise.reject(new Error('worker stopped'));
              }
              writesBeforeFailure += 1;
              return table.mutate(req);
            },
          };
        },
      }),
    });
    const r = await install(failing, v2);
    expect(writesBeforeFailure).toBeGreaterThan(3);
    expect(!r.ok && r.error).toMatch(/could not be installed; nothing was changed/);
    failing.close();
    expect(await dump(db)).toEqual(before);
    expect(await dictionaryVersionItem.getValue()).toBe(versionBefore);
  });

  it('rolls back a half-finished first install to an empty store', async () => {
    const name = `standpoint-abort-first-${Date.now()}`;
    const v1 = await fixture(FIXTURES.newsV1);
    const failing = new StandpointDB(name);
    failing.use({
      stack: 'dbcore',
      name: 'fail-on-packs',
      create: (core) => ({
        ...core,
        table: (tableName) => {
          const table = core.table(tableName);
          return {
            ...table,
            mutate: (req) =>
              tableName === 'packs' ? Promise.reject(new Error('disk full')) : table.mutate(req),
          };
        },
      }),
    });
    const r = await install(failing, v1);
    expect(r.ok).toBe(false);
    failing.close();
    const db = new StandpointDB(name);
    const after = await dump(db);
    for (const rows of Object.values(after)) expect(rows).toEqual([]);
  });
});

describe('ensureBuiltinPack', () => {
  it('installs when absent, skips when current, updates when the bundle is newer', async () => {
    const db = freshDb();
    const [v1, v2] = await Promise.all([fixture(FIXTURES.newsV1), fixture(FIXTURES.newsV2)]);
    const first = await ensureBuiltinPack(db, v1.pack);
    expect(first.ok && first.value.status).toBe('installed');
    expect(await db.packs.get('fixture-news')).toMatchObject({ origin: 'builtin', verified: true });
    const second = await ensureBuiltinPack(db, v1.pack);
    expect(second.ok && second.value.status).toBe('unchanged');
    expect(await db.positions.count()).toBe(4);
    const third = await ensureBuiltinPack(db, v2.pack);
    expect(third.ok && third.value).toMatchObject({
      status: 'updated',
      version: 2,
      previousVersion: 1,
    });
  });

  it('leaves a newer copy from a feed and a reader’s rollback in place', async () => {
    const db = freshDb();
    const [v1, v2] = await Promise.all([fixture(FIXTURES.newsV1), fixture(FIXTURES.newsV2)]);
    await install(db, v2, { origin: 'feed' });
    expect((await ensureBuiltinPack(db, v1.pack)).ok).toBe(true);
    expect(await db.packs.get('fixture-news')).toMatchObject({ version: 2, origin: 'feed' });

    const other = freshDb();
    await ensureBuiltinPack(other, v1.pack);
    await ensureBuiltinPack(other, v2.pack);
    await rollbackPack(other, 'fixture-news');
    await ensureBuiltinPack(other, v2.pack);
    expect((await other.packs.get('fixture-news'))?.version).toBe(1);
  });

  it('replaces a rebuilt built-in copy of the same version, and republishes the version', async () => {
    const db = freshDb();
    const v1 = await fixture(FIXTURES.newsV1);
    await ensureBuiltinPack(db, v1.pack);
    const rebuilt = await edited(v1, (p) => {
      p.positions[0]!.summary = 'Wants a ceasefire first.';
    });
    const r = await ensureBuiltinPack(db, rebuilt.pack);
    expect(r.ok && r.value.status).toBe('updated');
    expect((await db.positions.get(['fixture-news', 'berg-ceasefire']))?.summary).toBe(
      'Wants a ceasefire first.',
    );
    await dictionaryVersionItem.setValue(null);
    await ensureBuiltinPack(db, rebuilt.pack);
    expect(await dictionaryVersionItem.getValue()).toBe(await dictionaryVersion(db));
  });
});

describe('refreshDerivedRows', () => {
  it('rebuilds rows an older extension version derived, from the stored body', async () => {
    const db = freshDb();
    await install(db, await fixture(FIXTURES.newsV1));
    const current = await dump(db);
    expect(await refreshDerivedRows(db)).toEqual([]);

    // As an older version of the code would have left them: other rows, an older format.
    await db.actors.toCollection().modify({ namedIn: [] });
    await db.claims.clear();
    await db.packs.update('fixture-news', { rowsFormat: 1 });
    expect(await refreshDerivedRows(db)).toEqual(['fixture-news']);
    expect(await dump(db)).toEqual(current);
  });
});

describe('the fixture packs', () => {
  it('stay valid and differ the way the tests rely on', async () => {
    const [v1, v2, alliance] = await Promise.all([
      fixture(FIXTURES.newsV1),
      fixture(FIXTURES.newsV2),
      fixture(FIXTURES.alliance),
    ]);
    expect(v1.pack.id).toBe(v2.pack.id);
    expect(v2.pack.version).toBeGreaterThan(v1.pack.version);
    expect(alliance.pack.actors.map((a) => a.id)).toContain('anna-berg');
  });
});
