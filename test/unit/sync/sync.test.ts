import { beforeEach, describe, expect, it, vi } from 'vitest';
import { applyPack, ensureBuiltinPack } from '@/utils/db/install';
import type { StandpointDB } from '@/utils/db/database';
import { generateKeyPair } from '@/utils/sync/crypto';
import { FEED_LIMITS } from '@/utils/sync/feed-schema';
import { feedRecordSchema, type FeedRecord } from '@/utils/sync/feeds';
import { syncFeed, type SyncDeps } from '@/utils/sync/sync';
import {
  CHANGED_POSITION,
  NEW_STANCE,
  ORIGINAL_STANCE,
  FEED_URL,
  MemoryFeed,
  builtinPack,
  freshDb,
  packVersion,
  snapshot,
} from './fixtures';

let db: StandpointDB;
let feed: MemoryFeed;
let record: FeedRecord;
let deps: SyncDeps;
const NOW = Date.parse('2026-11-30T13:00:00Z');

beforeEach(async () => {
  db = freshDb();
  const builtin = builtinPack();
  await ensureBuiltinPack(db, builtin);
  feed = await MemoryFeed.create();
  record = feedRecordSchema.parse({
    url: FEED_URL,
    publicKey: feed.publicKey,
    name: 'Example News',
    addedAt: '2026-11-30T10:00:00.000Z',
  });
  deps = { db, fetch: feed.fetch, now: () => NOW, indexTimeoutMs: 200, packTimeoutMs: 200 };
});

/** Runs a sync expected to be refused and checks the store did not move. */
async function expectRefused(r: FeedRecord = record) {
  const before = await snapshot(db);
  const report = await syncFeed(r, deps);
  expect(report.outcome.ok).toBe(false);
  expect(report.outcome.updated).toEqual([]);
  expect(await snapshot(db)).toEqual(before);
  expect((await db.packs.get(builtinPack().id))?.version).toBe(1);
  return report;
}

describe('syncFeed', () => {
  it('installs a newer signed pack and records the changed position', async () => {
    const next = packVersion(2);
    await feed.publish([next]);
    const report = await syncFeed(record, deps);
    expect(report.outcome.ok).toBe(true);
    expect(report.outcome.updated).toEqual([{ id: next.id, from: 1, to: 2 }]);
    expect(report.outcome.message).toBe(
      `Updated from news.example.org: “${next.id}” is now version 2.`,
    );
    expect(report.etag).toMatch(/^"/);
    expect((await db.packs.get(next.id))?.feedUrl).toBe(FEED_URL);
    const row = await db.packs.get(next.id);
    expect(row).toMatchObject({ version: 2, origin: 'feed', verified: true });
    expect(row?.previous?.version).toBe(1);
    const changes = await db.positionChanges.where('packId').equals(next.id).toArray();
    expect(changes).toEqual([
      expect.objectContaining({
        positionId: CHANGED_POSITION,
        kind: 'changed',
        previous: expect.objectContaining({ stance: ORIGINAL_STANCE }),
        current: expect.objectContaining({ stance: NEW_STANCE }),
      }),
    ]);
  });

  it('sends If-None-Match and treats 304 as nothing to do', async () => {
    await feed.publish([packVersion(2)]);
    const first = await syncFeed(record, deps);
    const before = await snapshot(db);
    const again = await syncFeed({ ...record, etag: first.etag ?? null }, deps);
    expect(feed.requests.at(-1)).toEqual({ url: FEED_URL, ifNoneMatch: first.etag });
    expect(again.outcome).toMatchObject({
      ok: true,
      message: 'The feed at news.example.org has nothing new.',
    });
    expect(again.etag).toBeUndefined();
    expect(await snapshot(db)).toEqual(before);
  });

  it('does not keep an ETag too long to store', async () => {
    await feed.publish([packVersion(2)]);
    const index = feed.files.get('/feed/index.json')!;
    feed.overrides.set(
      '/feed/index.json',
      () => new Response(index as BodyInit, { headers: { ETag: `"${'e'.repeat(5000)}"` } }),
    );
    const report = await syncFeed(record, deps);
    expect(report.outcome.ok).toBe(true);
    expect(report.etag).toBeNull();
  });

  it('refuses an index signed by another key, before reading it', async () => {
    const other = await generateKeyPair();
    await feed.publish([packVersion(2)], { signWith: other.privateKey });
    const r = await expectRefused();
    expect(r.outcome.message).toBe(
      'The index of the feed at news.example.org is not signed by the key you added for it, so nothing in it was trusted; your packs are unchanged.',
    );
    expect(feed.requests.some((q) => q.url.includes('/packs/'))).toBe(false);
  });

  it('refuses an index whose bytes were changed after signing', async () => {
    await feed.publish([packVersion(2)]);
    const index = feed.files.get('/feed/index.json')!;
    feed.files.set(
      '/feed/index.json',
      new TextEncoder().encode(
        new TextDecoder().decode(index).replace('"version": 2', '"version": 3'),
      ),
    );
    const r = await expectRefused();
    expect(r.outcome.message).toContain('is not signed by the key you added');
  });

  it('refuses a pack whose sha256 does not match the signed index', async () => {
    const entries = await feed.publish([packVersion(2)]);
    const path = `/feed/${entries[0]!.url}`;
    const bytes = feed.files.get(path)!.slice();
    bytes[bytes.length - 3] = bytes[bytes.length - 3] === 0x20 ? 0x09 : 0x20; // same length
    feed.files.set(path, bytes);
    const r = await expectRefused();
    expect(r.outcome.message).toContain('does not match the fingerprint in the signed index');
    expect(r.outcome.message).toContain('Your packs are unchanged.');
    expect(r.etag).toBeNull();
  });

  it('refuses a truncated pack', async () => {
    const entries = await feed.publish([packVersion(2)]);
    const path = `/feed/${entries[0]!.url}`;
    feed.files.set(path, feed.files.get(path)!.slice(0, 5000));
    const r = await expectRefused();
    expect(r.outcome.message).toMatch(
      /arrived with 5 KiB instead of the \d+ KiB the signed index promises \(cut off or altered\)/,
    );
  });

  it('stops downloading a pack body larger than the signed index says', async () => {
    const entries = await feed.publish([packVersion(2)]);
    const path = `/feed/${entries[0]!.url}`;
    const big = new Uint8Array(entries[0]!.bytes + 100_000).fill(0x20);
    feed.overrides.set(path, () => new Response(big as BodyInit)); // no Content-Length
    const r = await expectRefused();
    expect(r.outcome.message).toContain('sent more than');
  });

  it('refuses an oversized index', async () => {
    await feed.publish([packVersion(2)]);
    const huge = new Uint8Array(FEED_LIMITS.indexBytes + 1).fill(0x20);
    feed.overrides.set('/feed/index.json', () => new Response(huge as BodyInit));
    const r = await expectRefused();
    expect(r.outcome.message).toBe(
      'The feed at news.example.org sent more than 256 KiB, more than allowed; your packs are unchanged.',
    );
  });

  it('refuses a signed pack that fails the pack checks', async () => {
    const bad = packVersion(2);
    (bad.positions[0] as { stance: string }).stance = 'maybe';
    await feed.publish([bad]);
    const r = await expectRefused();
    expect(r.outcome.message).toMatch(/is not a valid pack \(positions\[0\]\.stance: /);
  });

  it('refuses a pack whose content is another id or version than the index says', async () => {
    await feed.publish([packVersion(3)], {
      edit: (e) => {
        e[0]!.version = 2;
      },
    });
    const r = await expectRefused();
    expect(r.outcome.message).toContain('not what the signed index says');
  });

  it('refuses an older version than the highest installed, even after a rollback', async () => {
    await feed.publish([packVersion(3)]);
    await syncFeed(record, deps);
    const { rollbackPack } = await import('@/utils/db/uninstall');
    await rollbackPack(db, builtinPack().id);
    expect((await db.packs.get(builtinPack().id))?.version).toBe(1);
    // The rolled-back version stays rolled back while the feed offers the same version...
    const same = await syncFeed(record, deps);
    expect(same.outcome.ok).toBe(true);
    expect((await db.packs.get(builtinPack().id))?.version).toBe(1);
    // ...and an older one is refused.
    const older = await MemoryFeed.create();
    Object.assign(feed, { files: older.files });
    feed.generatedAt = '2026-11-30T12:30:00.000Z';
    await feed.publish([packVersion(2)]);
    const r = await expectRefused();
    expect(r.outcome.message).toContain(
      'version 3 was already installed, and an older version could quietly undo corrections',
    );
  });

  it('refuses the same version with different bytes', async () => {
    await feed.publish([packVersion(2)]);
    await syncFeed(record, deps);
    const before = await snapshot(db);
    const changed = packVersion(2);
    changed.description = `${changed.description} Edited.`;
    await feed.publish([changed]);
    const r = await syncFeed(record, deps);
    expect(r.outcome.ok).toBe(false);
    expect(r.outcome.message).toContain('a published version must never change');
    expect(await snapshot(db)).toEqual(before);
  });

  it('refuses an index older than one already trusted (replay)', async () => {
    await feed.publish([packVersion(2)]);
    const r = await expectRefused({ ...record, lastGeneratedAt: '2026-12-01T00:00:00.000Z' });
    expect(r.outcome.message).toContain('older than one it already sent');
  });

  it('refuses a pack another feed owns', async () => {
    await feed.publish([packVersion(2)]);
    deps.owners = { [builtinPack().id]: 'https://other.example.com/index.json' };
    const r = await expectRefused();
    expect(r.outcome.message).toContain('comes from another feed (other.example.com)');
  });

  it('refuses a pack another feed installed while this one was downloading it', async () => {
    const next = packVersion(3);
    await feed.publish([next]);
    const OTHER = 'https://other.example.com/index.json';
    const path = `/feed/packs/${next.id}-3.json`;
    const bytes = feed.files.get(path)!;
    // The other feed's install lands between this feed's ownership check and its own install.
    feed.overrides.set(path, async () => {
      const other = await applyPack(db, packVersion(2), {
        origin: 'feed',
        verified: true,
        rawSha256: 'b'.repeat(64),
        feedUrl: OTHER,
      });
      expect(other.ok).toBe(true);
      return new Response(bytes as BodyInit);
    });
    const report = await syncFeed(record, deps);
    expect(report.outcome.ok).toBe(false);
    expect(report.outcome.message).toContain('comes from another feed (other.example.com)');
    expect(await db.packs.get(next.id)).toMatchObject({ version: 2, feedUrl: OTHER });
  });

  it('refuses an index that is not in the feed format, naming the problem', async () => {
    await feed.publish([packVersion(2)], {
      edit: (e) => {
        e[0]!.url = 'https://evil.example.com/p.json';
      },
    });
    const r = await expectRefused();
    expect(r.outcome.message).toContain('is not in the feed format (packs.0.url:');
  });

  it('reports a 500 and a feed that does not answer', async () => {
    feed.overrides.set('/feed/index.json', () => new Response('boom', { status: 500 }));
    const r500 = await expectRefused();
    expect(r500.outcome.message).toBe(
      'The feed at news.example.org answered with an error (HTTP 500); your packs are unchanged.',
    );
    // A server that never answers: only the deadline ends the request, as with real fetch.
    feed.overrides.set(
      '/feed/index.json',
      (init) =>
        new Promise((_ok, fail) => {
          const signal = init!.signal!;
          if (signal.aborted) fail(signal.reason);
          signal.addEventListener('abort', () => fail(signal.reason));
        }),
    );
    deps.indexTimeoutMs = 15_000;
    // A deadline that has already passed, as AbortSignal.timeout(15 s) would be after 15 s.
    deps.timeoutSignal = () => AbortSignal.abort(new DOMException('timed out', 'TimeoutError'));
    const hung = await expectRefused();
    expect(hung.outcome.message).toBe(
      'The feed at news.example.org did not answer within 15 seconds; your packs are unchanged.',
    );
  });

  it('passes on Retry-After from a 429 or 503', async () => {
    feed.overrides.set(
      '/feed/index.json',
      () => new Response('', { status: 503, headers: { 'Retry-After': '120' } }),
    );
    const r = await expectRefused();
    expect(r.retryAfterMs).toBe(120_000);
    expect(r.outcome.message).toContain('is busy (HTTP 503)');
  });

  it('leaves the old pack when the apply is interrupted inside its transaction', async () => {
    await feed.publish([packVersion(2)]);
    const spy = vi.spyOn(db.positionChanges, 'bulkAdd').mockImplementation(() => {
      throw new DOMException('the disk is full', 'QuotaExceededError');
    });
    const r = await expectRefused();
    expect(spy).toHaveBeenCalled();
    expect(r.outcome.message).toContain('could not be installed; nothing was changed');
    expect(r.outcome.message).toContain('The browser has no room left for Standpoint’s data');
    expect(r.outcome.message).not.toContain('the disk is full');
    spy.mockRestore();
    // The next sync, with room again, installs it.
    const ok = await syncFeed(record, deps);
    expect(ok.outcome.ok).toBe(true);
    expect((await db.packs.get(builtinPack().id))?.version).toBe(2);
  });

  it('keeps the packs that passed when another pack in the index is refused', async () => {
    const second = packVersion(1, false);
    second.id = 'second-pack';
    const entries = await feed.publish([packVersion(2), second]);
    const path = `/feed/${entries[1]!.url}`;
    feed.files.set(path, feed.files.get(path)!.slice(0, 100));
    const r = await syncFeed(record, deps);
    expect(r.outcome.ok).toBe(false);
    expect(r.outcome.updated).toEqual([{ id: builtinPack().id, from: 1, to: 2 }]);
    expect(r.outcome.message).toMatch(
      /^Pack “second-pack” version 1 from news.example.org arrived with 100 bytes/,
    );
    expect(r.outcome.message).toMatch(
      new RegExp(
        `Updated: “${builtinPack().id}” is now version 2\\. Everything else is unchanged\\.$`,
      ),
    );
    expect(await db.packs.get('second-pack')).toBeUndefined();
    expect(r.etag).toBeNull();
  });
});
