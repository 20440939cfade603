/**
 * One sync of one feed, in the order that keeps a reader safe (docs/threat-model.md):
 *
 * 1. fetch the index with a timeout, a byte cap and If-None-Match (304: nothing to do);
 * 2. fetch its detached signature and verify it against the reader's key BEFORE reading
 *    anything in the index;
 * 3. for each pack the store's version rule (utils/db/versions.ts) would accept: download within
 *    the size the signed index states, check length and sha256, validate with the builder's
 *    checks, and apply it in one store transaction that also records which feed it came from.
 *
 * Older versions and a different file under an already-seen version are refused. Any failure
 * leaves the installed data exactly as it was and is recorded as a sentence for the reader.
 */
import type { Pack } from '../pack/schema';
import { LIMITS } from '../pack/schema';
import { parsePackBytes } from '../pack/validate';
import type { StandpointDB } from '../db/database';
import { applyPack } from '../db/install';
import { updateDecision } from '../db/versions';
import { sha256OfBytes } from './crypto';
import { clip, formatBytes, hostOf } from '../format';
import { SyncError } from './errors';
import type { FeedEntry } from './feed-schema';
import type { FeedRecord, SyncOutcome } from './feeds';
import { fetchVerifiedIndex, type VerifiedIndex } from './index-fetch';
import { INDEX_TIMEOUT_MS, PACK_TIMEOUT_MS, fetchCapped } from './http';
import { t } from '../i18n';

/** What `syncFeed` needs from the world; defaults are the real ones. */
export interface SyncDeps {
  db: StandpointDB;
  fetch?: typeof fetch;
  now?: () => number;
  subtle?: SubtleCrypto;
  /** packId -> owning feed URL (utils/sync/owners.ts). */
  owners?: Record<string, string>;
  indexTimeoutMs?: number;
  packTimeoutMs?: number;
  /** Makes deadline signals (AbortSignal.timeout); tests pass one they control. */
  timeoutSignal?: (ms: number) => AbortSignal;
}

/** What one sync did: the outcome to record and the feed fields to update. */
export interface SyncReport {
  outcome: SyncOutcome;
  /** Set when the index was fetched and verified: the ETag to send next time (null: none). */
  etag?: string | null;
  /** `generatedAt` of a verified index. */
  generatedAt?: string;
  /** The server's Retry-After, ms, when it asked us to wait. */
  retryAfterMs?: number | null;
}

/**
 * Longest detail quoted from a refused file, characters: problems may quote keys a hostile
 * feed chose, and a sentence must stay readable and within what the status record stores.
 */
const DETAIL_CHARS = 160;
/** Longest outcome sentence stored, characters (the feed record allows 4000). */
const MESSAGE_CHARS = 3000;

/** Deadlines, fetch and clock with their defaults filled in. */
type Ready = SyncDeps & {
  fetch: typeof fetch;
  now: () => number;
  indexTimeoutMs: number;
  packTimeoutMs: number;
};

/** Syncs one feed; never throws. */
export async function syncFeed(feed: FeedRecord, deps: SyncDeps): Promise<SyncReport> {
  const ready: Ready = {
    ...deps,
    fetch: deps.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a)),
    now: deps.now ?? Date.now,
    indexTimeoutMs: deps.indexTimeoutMs ?? INDEX_TIMEOUT_MS,
    packTimeoutMs: deps.packTimeoutMs ?? PACK_TIMEOUT_MS,
  };
  const at = () => new Date(ready.now()).toISOString();
  const host = hostOf(feed.url);
  const feedLabel = t('syncFeedLabel', host);

  // Step 1 and 2: the index, trusted only once its signature checks out.
  let verified: VerifiedIndex | null;
  try {
    verified = await fetchVerifiedIndex(feed, ready);
  } catch (e) {
    const f = asSyncError(e, feedLabel);
    return {
      outcome: {
        at: at(),
        ok: false,
        message: clip(t('syncFailedUnchanged', f.message), MESSAGE_CHARS),
        updated: [],
      },
      retryAfterMs: f.retryAfterMs,
    };
  }
  if (!verified) {
    return {
      outcome: { at: at(), ok: true, message: t('syncNothingNew', feedLabel), updated: [] },
    };
  }

  // Step 3: each pack, on its own: one refused pack leaves the others alone.
  const { index, etag } = verified;
  const updated: SyncOutcome['updated'] = [];
  const refusals: string[] = [];
  for (const entry of index.packs) {
    try {
      const r = await syncPack(feed, entry, ready);
      if (r) updated.push(r);
    } catch (e) {
      refusals.push(asSyncError(e, feedLabel).message);
    }
  }
  const done = updated.map((u) => t('syncNowVersion', u.id, u.to));
  let message: string;
  if (refusals.length === 0) {
    message = done.length ? t('syncUpdatedFrom', host, done.join('; ')) : t('syncUpToDate', host);
  } else {
    const kept = done.length ? t('syncUpdatedRest', done.join('; ')) : t('syncAllUnchanged');
    message = `${refusals.map((r) => `${r}.`).join(' ')} ${kept}`;
  }
  return {
    outcome: {
      at: at(),
      ok: refusals.length === 0,
      message: clip(message, MESSAGE_CHARS),
      updated,
    },
    // Only a fully applied index may be skipped next time; after a refusal, ask again in full.
    etag: refusals.length === 0 ? etag : null,
    generatedAt: index.generatedAt,
  };
}

/**
 * Brings one pack up to the index's version: decide (ownership, then the store's version rule),
 * download within the signed size, check and install. Returns what was installed, or null when
 * nothing needed doing; throws `SyncError` when the pack is refused (the store is then unchanged).
 */
async function syncPack(
  feed: FeedRecord,
  entry: FeedEntry,
  deps: Ready,
): Promise<SyncOutcome['updated'][number] | null> {
  const name = t('syncPackName', entry.id, entry.version, hostOf(feed.url));
  const installed = await deps.db.packs.get(entry.id);
  const owner = installed?.feedUrl ?? deps.owners?.[entry.id];
  if (owner && owner !== feed.url) {
    throw new SyncError(
      'foreign-pack',
      t('syncRefused', name, t('syncForeignPack', hostOf(owner))),
    );
  }
  // The store's own rule, asked before downloading what it would refuse.
  const decision = updateDecision(installed, {
    id: entry.id,
    title: `Pack “${entry.id}”`,
    version: entry.version,
    sha256: entry.sha256,
    origin: 'feed',
    verified: true,
  });
  if (decision.kind === 'same') return null;
  if (decision.kind === 'refuse') {
    const code = decision.code === 'unverified-over-verified' ? 'store' : decision.code;
    throw new SyncError(code, t('syncRefused', name, decision.detail));
  }
  const { pack, sha } = await downloadPack(feed, entry, name, deps);
  const applied = await applyPack(deps.db, pack, {
    origin: 'feed',
    verified: true,
    rawSha256: sha,
    feedUrl: feed.url,
    now: new Date(deps.now()),
  });
  if (!applied.ok) throw new SyncError('store', applied.error.replace(/\.$/, ''));
  if (applied.value.status === 'unchanged') return null;
  return { id: pack.id, from: installed?.version ?? null, to: pack.version };
}

/**
 * Downloads one pack within the size the signed index states, checks its length and sha256
 * against the index, then validates it with the pack gate. Throws `SyncError` on any mismatch.
 */
async function downloadPack(
  feed: FeedRecord,
  entry: FeedEntry,
  name: string,
  deps: Ready,
): Promise<{ pack: Pack; sha: string }> {
  const url = new URL(entry.url, feed.url);
  if (url.origin !== new URL(feed.url).origin) {
    throw new SyncError('outside-feed', t('syncOutsideFeed', name));
  }
  const fetched = await fetchCapped(url.href, {
    label: name,
    // One byte more than promised, so a longer file is seen as longer, not cut to size.
    maxBytes: Math.min(entry.bytes + 1, LIMITS.packBytes + 1),
    timeoutMs: deps.packTimeoutMs,
    fetchFn: deps.fetch,
    now: deps.now,
    timeoutSignal: deps.timeoutSignal,
  });
  if (fetched.kind !== 'ok') throw new SyncError('http', t('syncNotDownloaded', name));
  const bytes = fetched.bytes;
  if (bytes.length !== entry.bytes) {
    throw new SyncError(
      'length',
      t('syncLength', name, formatBytes(bytes.length), formatBytes(entry.bytes)),
    );
  }
  const sha = await sha256OfBytes(bytes, deps.subtle);
  if (sha !== entry.sha256) {
    throw new SyncError('hash', t('syncHash', name));
  }
  const parsed = parsePackBytes(bytes);
  if (!parsed.ok) {
    const first = parsed.problems[0];
    const detail = clip(`${first?.path}: ${first?.message}`, DETAIL_CHARS);
    throw new SyncError(
      'pack-invalid',
      t(
        'syncPackInvalid',
        name,
        parsed.problems.length > 1
          ? t('syncMoreProblems', detail, parsed.problems.length - 1)
          : detail,
      ),
    );
  }
  const pack: Pack = parsed.pack;
  if (pack.id !== entry.id || pack.version !== entry.version) {
    throw new SyncError('mismatch', t('syncMismatch', name, pack.id, pack.version));
  }
  return { pack, sha };
}

function asSyncError(e: unknown, label: string): SyncError {
  if (e instanceof SyncError) return e;
  // The reader gets a sentence; the technical detail goes to the console.
  console.error(`Standpoint: ${label} could not be synced`, e);
  return new SyncError('network', t('syncUnexpected', label));
}
