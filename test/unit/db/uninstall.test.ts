import { describe, expect, it } from 'vitest';
import { removePack, rollbackPack } from '@/utils/db/uninstall';
import { dictionaryVersion } from '@/utils/db/queries';
import { dictionaryVersionItem } from '@/utils/settings';
import { FIXTURES, dump, edited, fixture, freshDb, install } from './helpers';

describe('rollbackPack', () => {
  it('puts the previous version back and drops the rolled-back changes', async () => {
    const db = freshDb();
    const [v1, v2] = await Promise.all([fixture(FIXTURES.newsV1), fixture(FIXTURES.newsV2)]);
    await install(db, v1);
    const afterV1 = await dump(db);
    await install(db, v2);
    const r = await rollbackPack(db, 'fixture-news');
    expect(r).toEqual({ ok: true, value: { packId: 'fixture-news', version: 1, rolledBack: 2 } });
    const row = await db.packs.get('fixture-news');
    expect(row).toMatchObject({ version: 1, sha256: v1.sha256, previous: null, highestVersion: 2 });
    const now = await dump(db);
    for (const table of ['sources', 'actors', 'topics', 'positions', 'packBodies', 'claims']) {
      expect(now[table]).toEqual(afterV1[table]);
    }
    expect(now.positionChanges).toEqual([]);
    expect(await dictionaryVersionItem.getValue()).toBe(await dictionaryVersion(db));

    // Anti-rollback remembers version 2: an edited v2 is refused; the same v2 from a feed
    // leaves the reader's rollback alone; a newer version replaces it.
    const tampered = await edited(v2, (p) => {
      p.title = 'Something else';
    });
    expect((await install(db, tampered)).ok).toBe(false);
    const again = await install(db, v2);
    expect(again.ok && again.value).toMatchObject({ status: 'unchanged', version: 1 });
    const v3 = await edited(v2, (p) => {
      p.version = 3;
    });
    expect((await install(db, v3)).ok).toBe(true);
  });

  it('explains when there is nothing to roll back', async () => {
    const db = freshDb();
    await install(db, await fixture(FIXTURES.newsV1));
    const r = await rollbackPack(db, 'fixture-news');
    expect(r).toEqual({
      ok: false,
      error: '“Fixture news pack” has no earlier version to roll back to.',
    });
    expect(await rollbackPack(db, 'nope')).toEqual({
      ok: false,
      error: 'No pack “nope” is installed.',
    });
  });
});

describe('removePack', () => {
  it('removes a pack and everything derived from it, but not the built-in one', async () => {
    const db = freshDb();
    const [v1, v2, alliance] = await Promise.all([
      fixture(FIXTURES.newsV1),
      fixture(FIXTURES.newsV2),
      fixture(FIXTURES.alliance),
    ]);
    await install(db, v1);
    await install(db, v2);
    await install(db, alliance, { origin: 'builtin' });
    expect(await removePack(db, 'fixture-news')).toEqual({
      ok: true,
      value: { packId: 'fixture-news', title: 'Fixture news pack', feedUrl: null },
    });
    const left = await dump(db);
    for (const [table, rows] of Object.entries(left)) {
      for (const row of rows as { packId?: string; id?: string }[]) {
        expect(row.packId ?? row.id, table).toBe('fixture-alliance');
      }
    }
    expect(left.positions).toHaveLength(1);
    const refused = await removePack(db, 'fixture-alliance');
    expect(!refused.ok && refused.error).toMatch(/comes with Standpoint and cannot be removed/);
  });
});
