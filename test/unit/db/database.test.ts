import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import {
  SCHEMA_V1,
  SCHEMA_V2,
  StandpointDB,
  type PackRow,
  type PackRowV1,
} from '@/utils/db/database';
import { packRows } from '@/utils/db/rows';
import { cards, listPacks } from '@/utils/db/queries';
import { applyPack } from '@/utils/db/install';
import { FIXTURES, fixture } from './helpers';

/** Writes a database exactly as schema version 1 stored it: news v2 installed over v1. */
async function createV1Database(name: string) {
  const [v1, v2] = await Promise.all([fixture(FIXTURES.newsV1), fixture(FIXTURES.newsV2)]);
  const old = new Dexie(name);
  old.version(1).stores(SCHEMA_V1);
  const row: PackRowV1 = {
    id: 'fixture-news',
    version: 2,
    sha256: v2.sha256,
    title: v2.pack.title,
    publishedAt: v2.pack.publishedAt,
    installedAt: '2025-04-05T10:00:00.000Z',
    origin: 'feed',
    verified: true,
    pack: v2.pack,
    previous: {
      version: 1,
      sha256: v1.sha256,
      origin: 'builtin',
      verified: true,
      installedAt: '2025-03-05T10:00:00.000Z',
      pack: v1.pack,
    },
  };
  const rows = packRows(v2.pack);
  await old.transaction('rw', old.tables, async () => {
    await old.table('packs').put(row);
    await old.table('sources').bulkPut(rows.sources);
    await old.table('actors').bulkPut(rows.actors);
    // Version 1 and 2 also kept every alias in a table of its own, which nothing read.
    await old.table('aliases').bulkPut(
      v2.pack.actors.flatMap((a) =>
        a.aliases.map((alias) => ({
          packId: v2.pack.id,
          actorId: a.id,
          alias,
          norm: alias.toLowerCase(),
        })),
      ),
    );
    await old.table('topics').bulkPut(rows.topics);
    await old.table('positions').bulkPut(rows.positions);
  });
  expect(old.verno).toBe(1);
  old.close();
  return { v1, v2 };
}

describe('database schema upgrade', () => {
  it('opens a version 1 database and upgrades it to the current version without losing data', async () => {
    const name = `standpoint-upgrade-${Date.now()}`;
    const { v1, v2 } = await createV1Database(name);

    const db = new StandpointDB(name);
    await db.open();
    expect(db.verno).toBe(3);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'actors',
      'claims',
      'packBodies',
      'packs',
      'positionChanges',
      'positions',
      'sources',
      'topics',
    ]);

    // Pack bodies moved out of the metadata rows; anti-rollback memory seeded.
    const row = await db.packs.get('fixture-news');
    expect(row).toEqual({
      id: 'fixture-news',
      version: 2,
      sha256: v2.sha256,
      title: 'Fixture news pack',
      publishedAt: '2025-04-03',
      installedAt: '2025-04-05T10:00:00.000Z',
      origin: 'feed',
      verified: true,
      previous: {
        version: 1,
        sha256: v1.sha256,
        origin: 'builtin',
        verified: true,
        installedAt: '2025-03-05T10:00:00.000Z',
      },
      highestVersion: 2,
      highestSha256: v2.sha256,
      firstInstalledAt: '2025-04-05T10:00:00.000Z',
    });
    expect((await db.packBodies.get(['fixture-news', 2]))?.pack).toEqual(v2.pack);
    expect((await db.packBodies.get(['fixture-news', 1]))?.pack).toEqual(v1.pack);

    // The pack owns the people and topics it describes.
    expect(await db.claims.get('actor:anna-berg')).toMatchObject({ packId: 'fixture-news' });
    expect(await db.claims.get('topic:ceasefire')).toMatchObject({ packId: 'fixture-news' });

    // Queries and the trust rules work on the upgraded store.
    const [card] = await cards(db, ['carl-dahl']);
    expect(card!.positions.map((p) => p.id).sort()).toEqual(['dahl-ceasefire', 'dahl-sanctions']);
    expect((await listPacks(db))[0]).toMatchObject({ version: 2, previousVersion: 1 });
    const older = await applyPack(db, v1.pack, {
      origin: 'feed',
      verified: true,
      rawSha256: v1.sha256,
    });
    expect(older.ok).toBe(false);
    db.close();
  });

  it('creates an empty database directly at the current version', async () => {
    const db = new StandpointDB(`standpoint-new-${Date.now()}`);
    await db.open();
    expect(db.verno).toBe(3);
    expect(await db.packs.count()).toBe(0);
    db.close();
  });

  it('upgrades version 2: drops the aliases table and unused indexes, settles who owns what', async () => {
    const name = `standpoint-upgrade-v2-${Date.now()}`;
    const [news, alliance] = await Promise.all([
      fixture(FIXTURES.newsV1),
      fixture(FIXTURES.alliance),
    ]);
    const old = new Dexie(name);
    old.version(2).stores(SCHEMA_V2);
    const meta = (f: typeof news, installedAt: string, verified: boolean): PackRow => ({
      id: f.pack.id,
      version: f.pack.version,
      sha256: f.sha256,
      title: f.pack.title,
      publishedAt: f.pack.publishedAt,
      installedAt,
      origin: verified ? 'feed' : 'file',
      verified,
      previous: null,
      highestVersion: f.pack.version,
      highestSha256: f.sha256,
    });
    await old.transaction('rw', old.tables, async () => {
      // The alliance pack (verified) came after the news pack (unverified): it takes the actor
      // both describe; the news pack keeps what only it describes.
      for (const [f, at, verified] of [
        [news, '2025-03-05T10:00:00.000Z', false],
        [alliance, '2025-05-05T10:00:00.000Z', true],
      ] as const) {
        const rows = packRows(f.pack);
        await old.table('packs').put(meta(f, at, verified));
        await old
          .table('packBodies')
          .put({ packId: f.pack.id, version: 1, sha256: f.sha256, pack: f.pack });
        await old.table('sources').bulkPut(rows.sources);
        await old.table('actors').bulkPut(rows.actors);
        await old.table('topics').bulkPut(rows.topics);
        await old.table('positions').bulkPut(rows.positions);
        await old
          .table('aliases')
          .put({ packId: f.pack.id, actorId: 'anna-berg', alias: 'Anna Berg', norm: 'anna berg' });
      }
    });
    old.close();

    const db = new StandpointDB(name);
    await db.open();
    expect(db.verno).toBe(3);
    expect(db.tables.map((t) => t.name)).not.toContain('aliases');
    const indexes = (table: string) =>
      db
        .table(table)
        .schema.indexes.map((i) => i.name)
        .sort();
    expect(indexes('sources')).toEqual(['id', 'packId']);
    expect(indexes('topics')).toEqual(['packId']);
    expect(indexes('positions')).toEqual(['actorId', 'packId', 'sourceId']);
    expect(indexes('positionChanges')).toEqual(['[packId+positionId]', 'packId']);
    expect(await db.claims.get('actor:anna-berg')).toMatchObject({ packId: 'fixture-alliance' });
    expect(await db.claims.get('actor:carl-dahl')).toMatchObject({ packId: 'fixture-news' });
    expect((await db.packs.get('fixture-news'))?.firstInstalledAt).toBe('2025-03-05T10:00:00.000Z');
    const [card] = await cards(db, ['anna-berg']);
    expect(card!.actor).toMatchObject({
      role: 'Former foreign minister',
      definedBy: { id: 'fixture-alliance' },
    });
    db.close();
  });
});
