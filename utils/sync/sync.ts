/**
 * One sync of one feed, in the order that keeps a reader safe (docs/threat-model.md):
 *
 * 1. fetch the index with a timeout, a byte cap and If-None-Match (304: nothing to do);
 * 2. fetch its detached signature and verify it against the reader's key BEFORE reading
 *    anything in the index;
 * 3. for each pack newer than anything installed under its id: download within the size the
 *    signed index states, check length and sha256, validate with the builder's checks, and
 *    apply it in one store transaction.
 *
 * Older versions and a different file under an already-seen version are refused. Any failure
 * leaves the installed data exactly as it was and is recorded as a sentence for the reader.
 */
import type { Pack } from '../pack/schema';
import { LIMITS } from '../pack/schema';
import { parsePackText } from '../pack/validate';
import type { StandpointDB } from '../db/database';
import { applyPack } from '../db/install';
import { importPublicKey, sha256OfBytes, verifySignature } from './crypto';
import { clip, errorMessage, formatBytes, hostOf } from '../format';
import { SyncError } from './errors';
import {
  FEED_LIMITS,
  type FeedEntry,
  type FeedIndex,
  feedIndexSchema,
  signatureUrl,
} from './feed-schema';
import type { FeedRecord, SyncOutcome } from './feeds';
import { INDEX_TIMEOUT_MS, PACK_TIMEOUT_MS, fetchCapped } from './http';

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
  /** Packs now owned by this feed. */
  owned: string[];
}

const UNCHANGED = 'your packs are unchanged';
/**
 * Longest detail quoted from a refused file, characters: problems may quote keys a hostile
 * feed chose, and a sentence must stay readable and within what the status record stores.
 */
const DETAIL_CHARS = 160;
/** Longest outcome sentence stored, characters (the feed record allows 4000). */
const MESSAGE_CHARS = 3000;
/** Longest ETag kept for If-None-Match, characters; a longer one is not stored. */
const ETAG_CHARS = 200;

/** The ETag to remember, or null when it is too long or not printable ASCII. */
function storableEtag(etag: string | null): string | null {
  return etag && etag.length <= ETAG_CHARS && /^[\x20-\x7e]+$/.test(etag) ? etag : null;
}
const decoder = () => new TextDecoder('utf-8', { fatal: true });

/** Syncs one feed; never throws. */
export async function syncFeed(feed: FeedRecord, deps: SyncDeps): Promise<SyncReport> {
  const now = deps.now ?? Date.now;
  const at = () => new Date(now()).toISOString();
  const host = hostOf(feed.url);
  const feedLabel = `The feed at ${host}`;
  const fetchFn = deps.fetch ?? ((...a: Parameters<typeof fetch>) => fetch(...a));
  const indexTimeoutMs = deps.indexTimeoutMs ?? INDEX_TIMEOUT_MS;
  const packTimeoutMs = deps.packTimeoutMs ?? PACK_TIMEOUT_MS;

  let index: FeedIndex;
  let etag: string | null;
  try {
    const fetched = await fetchCapped(feed.url, {
      label: feedLabel,
      maxBytes: FEED_LIMITS.indexBytes,
      timeoutMs: indexTimeoutMs,
      etag: feed.etag,
      fetchFn,
      now,
      timeoutSignal: deps.timeoutSignal,
    });
    if (fetched.kind === 'not-modified') {
      return {
        outcome: { at: at(), ok: true, message: `${feedLabel} has nothing new.`, updated: [] },
        owned: [],
      };
    }
    etag = storableEtag(fetched.etag);
    const sig = await fetchCapped(signatureUrl(feed.url), {
      label: `The signature of the feed at ${host}`,
      maxBytes: FEED_LIMITS.signatureBytes,
      timeoutMs: indexTimeoutMs,
      fetchFn,
      now,
      timeoutSignal: deps.timeoutSignal,
    });
    if (sig.kind !== 'ok') throw new SyncError('signature', `${feedLabel} sent no signature`);
    const key = await importPublicKey(feed.publicKey, deps.subtle);
    if (!key) throw new SyncError('bad-key', `The public key saved for ${host} is not usable`);
    let sigText = '';
    try {
      sigText = decoder().decode(sig.bytes);
    } catch {
      // not text: verification below fails
    }
    if (!(await verifySignature(key, sigText, fetched.bytes, deps.subtle))) {
      throw new SyncError(
        'signature',
        `The index of the feed at ${host} is not signed by the key you added for it, so nothing in it was trusted`,
      );
    }
    index = parseIndex(fetched.bytes, host);
    if (feed.lastGeneratedAt && Date.parse(index.generatedAt) < Date.parse(feed.lastGeneratedAt)) {
      throw new SyncError(
        'stale-index',
        `${feedLabel} sent an index signed on ${index.generatedAt.slice(0, 10)}, older than one it already sent (an old copy replayed?)`,
      );
    }
  } catch (e) {
    const f = asSyncError(e, feedLabel);
    return {
      outcome: {
        at: at(),
        ok: false,
        message: clip(`${f.message}; ${UNCHANGED}.`, MESSAGE_CHARS),
        updated: [],
      },
      retryAfterMs: f.retryAfterMs,
      owned: [],
    };
  }

  const updated: SyncOutcome['updated'] = [];
  const refusals: string[] = [];
  const owned: string[] = [];
  for (const entry of index.packs) {
    try {
      const r = await syncPack(feed, entry, { ...deps, fetch: fetchFn, now, packTimeoutMs });
      if (r) {
        updated.push(r);
        owned.push(entry.id);
      }
    } catch (e) {
      refusals.push(asSyncError(e, feedLabel).message);
    }
  }
  const done = updated.map((u) => `“${u.id}” is now version ${u.to}`);
  let message: string;
  if (refusals.length === 0) {
    message = done.length
      ? `Updated from ${host}: ${done.join('; ')}.`
      : `Your packs from ${host} are up to date.`;
  } else {
    const kept = done.length
      ? `Updated: ${done.join('; ')}. Everything else is unchanged.`
      : `Your packs are unchanged.`;
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
    owned,
  };
}

/** Decodes and validates a verified index. */
function parseIndex(bytes: Uint8Array, host: string): FeedIndex {
  let data: unknown;
  try {
    data = JSON.parse(decoder().decode(bytes));
  } catch {
    throw new SyncError('index-invalid', `The feed at ${host} sent an index that is not JSON`);
  }
  const parsed = feedIndexSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.length
      ? ` (${clip(issue.path.join('.'), DETAIL_CHARS)}: ${clip(issue.message, DETAIL_CHARS)})`
      : '';
    throw new SyncError(
      'index-invalid',
      `The feed at ${host} sent an index that is not in the feed format${where}`,
    );
  }
  return parsed.data;
}

/**
 * Brings one pack up to the index's version. Returns what was installed, or null when nothing
 * needed doing; throws `SyncError` when the pack is refused (the store is then unchanged).
 */
async function syncPack(
  feed: FeedRecord,
  entry: FeedEntry,
  deps: SyncDeps & { fetch: typeof fetch; now: () => number; packTimeoutMs: number },
): Promise<SyncOutcome['updated'][number] | null> {
  const host = hostOf(feed.url);
  const name = `Pack “${entry.id}” version ${entry.version} from ${host}`;
  const installed = await deps.db.packs.get(entry.id);
  const owner = deps.owners?.[entry.id];
  if (owner && owner !== feed.url) {
    throw new SyncError(
      'foreign-pack',
      `${name} was refused: that pack comes from another feed (${hostOf(owner)}), and one feed may not replace another's packs`,
    );
  }
  if (installed) {
    if (entry.version < installed.highestVersion) {
      throw new SyncError(
        'older',
        `${name} was refused: version ${installed.highestVersion} was already installed, and an older version could quietly undo corrections`,
      );
    }
    if (entry.version === installed.highestVersion) {
      if (entry.sha256 !== installed.highestSha256 && installed.origin !== 'builtin') {
        throw new SyncError(
          'changed-bytes',
          `${name} was refused: it differs from the version ${entry.version} already installed, and a published version must never change`,
        );
      }
      return null;
    }
  }

  const url = new URL(entry.url, feed.url);
  if (url.origin !== new URL(feed.url).origin) {
    throw new SyncError('outside-feed', `${name} points outside the feed`);
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
  if (fetched.kind !== 'ok') throw new SyncError('http', `${name} could not be downloaded`);
  const bytes = fetched.bytes;
  if (bytes.length !== entry.bytes) {
    throw new SyncError(
      'length',
      `${name} arrived with ${formatBytes(bytes.length)} instead of the ${formatBytes(entry.bytes)} the signed index promises (cut off or altered)`,
    );
  }
  const sha = await sha256OfBytes(bytes, deps.subtle);
  if (sha !== entry.sha256) {
    throw new SyncError(
      'hash',
      `${name} does not match the fingerprint in the signed index (altered or damaged on the way), so it was refused`,
    );
  }
  let text: string;
  try {
    text = decoder().decode(bytes);
  } catch {
    throw new SyncError('pack-invalid', `${name} is not UTF-8 text`);
  }
  const parsed = parsePackText(text);
  if (!parsed.ok) {
    const first = parsed.problems[0];
    const more =
      parsed.problems.length > 1 ? ` and ${parsed.problems.length - 1} more problems` : '';
    throw new SyncError(
      'pack-invalid',
      `${name} is not a valid pack (${clip(`${first?.path}: ${first?.message}`, DETAIL_CHARS)}${more})`,
    );
  }
  const pack: Pack = parsed.pack;
  if (pack.id !== entry.id || pack.version !== entry.version) {
    throw new SyncError(
      'mismatch',
      `${name} contains “${pack.id}” version ${pack.version}, not what the signed index says`,
    );
  }
  const applied = await applyPack(deps.db, pack, {
    origin: 'feed',
    verified: true,
    rawSha256: sha,
    now: new Date(deps.now()),
  });
  if (!applied.ok) throw new SyncError('store', applied.error.replace(/\.$/, ''));
  if (applied.value.status === 'unchanged') return null;
  return { id: pack.id, from: installed?.version ?? null, to: pack.version };
}

function asSyncError(e: unknown, label: string): SyncError {
  if (e instanceof SyncError) return e;
  return new SyncError('network', `${label} could not be synced (${errorMessage(e)})`);
}
