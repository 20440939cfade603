import { describe, expect, it } from 'vitest';
import builtinPackJson from '@/utils/pack/generated/builtin-pack.json';
import { bundledPack, installBuiltin } from '@/utils/background/builtin';
import { createHash } from 'node:crypto';
import { dictionary, listActors } from '@/utils/db/queries';
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

  it('moves an install of version 1 (before the match policy grew) to the bundled version', async () => {
    const db = freshDb();
    const v1 = structuredClone(builtinPackJson) as unknown as {
      version: number;
      actors: { match: Record<string, unknown> }[];
    };
    v1.version = 1;
    for (const a of v1.actors) {
      for (const k of ['context', 'namesakes', 'inflection', 'lowerCase']) delete a.match[k];
    }
    expect((await installBuiltin(db, v1)).ok).toBe(true);
    const before = await dictionary(db);
    expect(before.actors.find((a) => a.id === 'merz')?.match.context).toBeUndefined();

    const r = await installBuiltin(db);
    expect(r.ok && r.value).toMatchObject({ status: 'updated', version: builtinPackJson.version });
    expect(await db.packs.get(builtinPackJson.id)).toMatchObject({
      version: builtinPackJson.version,
      highestVersion: builtinPackJson.version,
    });
    const after = await dictionary(db);
    expect(after.version).not.toBe(before.version);
    expect(after.actors.find((a) => a.id === 'merz')?.match.context).toContain('Verhandlungen');
    // And a later start leaves it alone.
    expect((await installBuiltin(db)).ok && (await db.packs.get(builtinPackJson.id))?.version).toBe(
      builtinPackJson.version,
    );
  });

  it('has a new version number whenever its content changes', () => {
    // A published version never changes (docs/pack-format.md, "Versions"): whoever changes the
    // built-in pack raises `version` in its pack.yaml and records the new pair here.
    const sha256 = createHash('sha256').update(JSON.stringify(builtinPackJson)).digest('hex');
    expect({ version: builtinPackJson.version, sha256 }).toEqual({
      version: 2,
      sha256: '617abaa6e9d24173590adcc27d7b2202b25b2a5b7cebc2f3d963a773eecb72c8',
    });
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
