import { describe, expect, it } from 'vitest';
import builtinPackJson from '@/utils/pack/generated/builtin-pack.json';
import { bundledPack, installBuiltin } from '@/utils/background/builtin';
import { listActors } from '@/utils/db/queries';
import { dictionaryVersionItem } from '@/utils/settings';
import { freshDb } from '../db/helpers';

describe('the built-in pack', () => {
  it('passes the pack gate', () => {
    const r = bundledPack();
    expect(r.ok).toBe(true);
  });

  it('installs on first run, once, and lists its people', async () => {
    const db = freshDb();
    const first = await installBuiltin(db);
    expect(first.ok && first.value.status).toBe('installed');
    const second = await installBuiltin(db);
    expect(second.ok && second.value.status).toBe('unchanged');
    const { actors } = await listActors(db);
    const people = actors.filter((a) => a.kind === 'person');
    expect(people).toHaveLength(8);
    expect(await db.packs.get(builtinPackJson.id)).toMatchObject({
      origin: 'builtin',
      verified: true,
    });
    expect(await dictionaryVersionItem.getValue()).toMatch(/^[0-9a-f]{64}$/);
  });

  it('refuses to install a broken bundle, with a reason', async () => {
    const db = freshDb();
    const broken = { ...builtinPackJson, positions: 'none' };
    const r = await installBuiltin(db, broken);
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(
      /^The built-in pack is invalid and was not installed \(positions/,
    );
    expect(await db.packs.count()).toBe(0);
  });
});
