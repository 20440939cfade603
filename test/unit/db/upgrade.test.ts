import { describe, expect, it } from 'vitest';
import Dexie from 'dexie';
import { SCHEMA_V1, StandpointDB, type PackRowV1 } from '@/utils/db/database';
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
    await old.table('aliases').bulkPut(rows.aliases);
    await old.table('topics').bulkPut(rows.topics);
    await old.table('positions').bulkPut(rows.positions);
  });
  expect(old.verno).toBe(1);
  old.close();
  return { v1, v2 };
}

describe('database schema upgrade', () => {
  it('opens a version 1 database and upgrades it to version 2 without losing data', async () => {
    const name = `standpoint-upgrade-${Date.now()}`;
    const { v1, v2 } = await createV1Database(name);

    const db = new StandpointDB(name);
    await db.open();
    expect(db.verno).toBe(2);
    expect(db.tables.map((t) => t.name).sort()).toEqual([
      'actors',
      'aliases',
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
    });
    expect((await db.packBodies.get(['fixture-news', 2]))?.pack).toEqual(v2.pack);
    expect((await db.packBodies.get(['fixture-news', 1]))?.pack).toEqual(v1.pack);

    // The new compound index answers over the rows written by version 1.
    const onCeasefire = await db.positions
      .where('[actorId+topicId]')
      .equals(['anna-berg', 'ceasefire'])
      .toArray();
    expect(onCeasefire.map((p) => p.id)).toEqual(['berg-ceasefire']);

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
    expect(db.verno).toBe(2);
    expect(await db.packs.count()).toBe(0);
    db.close();
  });
});
