// @vitest-environment node
/**
 * The publishing tools and the extension's sync against each other, with real keys, real
 * files, a real HTTP server on 127.0.0.1 and Node's fetch.
 */
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { keygen, PRIVATE_KEY_FILE } from '@/scripts/pack-keygen';
import { PublishError, publish, publicKeyOf } from '@/scripts/pack-publish';
import { serveFeed } from '@/scripts/pack-serve';
import { ensureBuiltinPack } from '@/utils/db/install';
import { feedIndexSchema } from '@/utils/sync/feed-schema';
import { feedRecordSchema } from '@/utils/sync/feeds';
import { syncFeed } from '@/utils/sync/sync';
import { bytesOf, builtinPack, freshDb, packVersion } from './fixtures';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'standpoint-feed-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function writePack(name: string, value: unknown): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, bytesOf(value));
  return path;
}

describe('pack:keygen', () => {
  it('writes an owner-only private key and refuses to overwrite it', async () => {
    const { publicKey, privateKeyPath } = await keygen(join(dir, 'keys'));
    expect((await stat(privateKeyPath)).mode & 0o077).toBe(0);
    expect(publicKeyOf(await readFile(privateKeyPath, 'utf8'))).toBe(publicKey);
    await expect(keygen(join(dir, 'keys'))).rejects.toMatchObject({ code: 'EEXIST' });
  });
});

describe('publish -> serve -> sync', () => {
  it('round-trips: a published feed verifies and installs; a re-sync gets 304', async () => {
    const { publicKey } = await keygen(join(dir, 'keys'));
    const keyPem = await readFile(join(dir, 'keys', PRIVATE_KEY_FILE), 'utf8');
    const out = join(dir, 'feed');
    const index = await publish({
      keyPem,
      outDir: out,
      packFiles: [await writePack('next.json', packVersion(2))],
      feedId: 'example-news',
    });
    expect(feedIndexSchema.parse(index).packs).toEqual([
      expect.objectContaining({
        id: builtinPack().id,
        version: 2,
        url: `packs/${builtinPack().id}-2.json`,
      }),
    ]);

    const served = await serveFeed(out, 0);
    try {
      const db = freshDb();
      await ensureBuiltinPack(db, builtinPack());
      const record = feedRecordSchema.parse({
        url: served.indexUrl,
        publicKey,
        name: 'Local',
        addedAt: new Date().toISOString(),
      });
      const first = await syncFeed(record, { db });
      expect(first.outcome).toMatchObject({
        ok: true,
        updated: [{ id: builtinPack().id, from: 1, to: 2 }],
      });
      expect(await db.packs.get(builtinPack().id)).toMatchObject({
        version: 2,
        verified: true,
        origin: 'feed',
      });
      const second = await syncFeed({ ...record, etag: first.etag ?? null }, { db });
      expect(second.outcome.message).toBe(
        `The feed at ${new URL(served.origin).host} has nothing new.`,
      );
    } finally {
      await served.close();
    }
  });

  it('keeps other packs listed, and refuses going backwards or rewriting a version', async () => {
    await keygen(join(dir, 'keys'));
    const keyPem = await readFile(join(dir, 'keys', PRIVATE_KEY_FILE), 'utf8');
    const out = join(dir, 'feed');
    const other = packVersion(1, false);
    other.id = 'other-pack';
    await publish({ keyPem, outDir: out, packFiles: [await writePack('a.json', packVersion(2))] });
    const index = await publish({
      keyPem,
      outDir: out,
      packFiles: [await writePack('b.json', other)],
    });
    expect(index.packs.map((p) => p.id)).toEqual([builtinPack().id, 'other-pack']);
    await expect(
      publish({ keyPem, outDir: out, packFiles: [await writePack('c.json', packVersion(1))] }),
    ).rejects.toThrow(/already offers version 2/);
    const rewritten = packVersion(2);
    rewritten.title = 'Another title';
    await expect(
      publish({ keyPem, outDir: out, packFiles: [await writePack('d.json', rewritten)] }),
    ).rejects.toThrow(/already published with different contents/);
  });

  it('refuses an invalid pack with its problems listed', async () => {
    await keygen(join(dir, 'keys'));
    const keyPem = await readFile(join(dir, 'keys', PRIVATE_KEY_FILE), 'utf8');
    const bad = packVersion(2);
    (bad as { version: unknown }).version = 'two';
    const err = await publish({
      keyPem,
      outDir: join(dir, 'feed'),
      packFiles: [await writePack('bad.json', bad)],
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PublishError);
    expect((err as Error).message).toMatch(/is not a valid pack:\n {2}version: /);
  });
});

describe('pack:serve', () => {
  it('answers If-None-Match with 304 and never serves outside its folder', async () => {
    await writeFile(join(dir, 'index.json'), '{}\n');
    const served = await serveFeed(dir, 0);
    try {
      const first = await fetch(served.indexUrl);
      const etag = first.headers.get('ETag');
      expect(first.status).toBe(200);
      expect(etag).toMatch(/^"[0-9a-f]{32}"$/);
      const again = await fetch(served.indexUrl, { headers: { 'If-None-Match': etag! } });
      expect(again.status).toBe(304);
      expect((await fetch(`${served.origin}/%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
      expect((await fetch(`${served.origin}/missing.json`)).status).toBe(404);
      expect((await fetch(served.indexUrl, { method: 'POST' })).status).toBe(405);
    } finally {
      await served.close();
    }
  });
});
