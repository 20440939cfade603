/**
 * Steps 1 and 2 of a sync (./sync.ts): the feed's index, trusted only after its detached
 * signature checks out against the reader's key, then parsed and checked against replay.
 */
import { importPublicKey, verifySignature } from './crypto';
import { clip, hostOf } from '../format';
import { SyncError } from './errors';
import { FEED_LIMITS, type FeedIndex, feedIndexSchema, signatureUrl } from './feed-schema';
import type { FeedRecord } from './feeds';
import { fetchCapped } from './http';
import { t } from '../i18n';

/** What fetching the index needs: deadlines, fetch and clock. */
export interface IndexDeps {
  fetch: typeof fetch;
  now: () => number;
  indexTimeoutMs: number;
  subtle?: SubtleCrypto;
  timeoutSignal?: (ms: number) => AbortSignal;
}

/** Longest detail quoted from a refused index, characters. */
const DETAIL_CHARS = 160;
/** Longest ETag kept for If-None-Match, characters; a longer one is not stored. */
const ETAG_CHARS = 200;

/** The ETag to remember, or null when it is too long or not printable ASCII. */
function storableEtag(etag: string | null): string | null {
  return etag && etag.length <= ETAG_CHARS && /^[\x20-\x7e]+$/.test(etag) ? etag : null;
}
const decoder = () => new TextDecoder('utf-8', { fatal: true });

/** A signed index, verified and parsed, with the ETag to remember. */
export interface VerifiedIndex {
  index: FeedIndex;
  etag: string | null;
}

/**
 * Fetches the index and its detached signature, verifies the signature with the reader's key
 * BEFORE reading anything in the index, then parses it and refuses a replayed older index.
 * Returns null when the server says nothing changed (304); throws `SyncError` on any refusal.
 */
export async function fetchVerifiedIndex(
  feed: FeedRecord,
  deps: IndexDeps,
): Promise<VerifiedIndex | null> {
  const host = hostOf(feed.url);
  const feedLabel = t('syncFeedLabel', host);
  const common = {
    timeoutMs: deps.indexTimeoutMs,
    fetchFn: deps.fetch,
    now: deps.now,
    timeoutSignal: deps.timeoutSignal,
  };
  const fetched = await fetchCapped(feed.url, {
    ...common,
    label: feedLabel,
    maxBytes: FEED_LIMITS.indexBytes,
    etag: feed.etag,
  });
  if (fetched.kind === 'not-modified') return null;
  const sig = await fetchCapped(signatureUrl(feed.url), {
    ...common,
    label: t('syncSignatureLabel', host),
    maxBytes: FEED_LIMITS.signatureBytes,
  });
  if (sig.kind !== 'ok') throw new SyncError('signature', t('syncNoSignature', feedLabel));
  const key = await importPublicKey(feed.publicKey, deps.subtle);
  if (!key) throw new SyncError('bad-key', t('syncBadKey', host));
  let sigText = '';
  try {
    sigText = decoder().decode(sig.bytes);
  } catch {
    // not text: verification below fails
  }
  if (!(await verifySignature(key, sigText, fetched.bytes, deps.subtle))) {
    throw new SyncError('signature', t('syncBadSignature', host));
  }
  const index = parseIndex(fetched.bytes, host);
  if (feed.lastGeneratedAt && Date.parse(index.generatedAt) < Date.parse(feed.lastGeneratedAt)) {
    throw new SyncError(
      'stale-index',
      t('syncStaleIndex', feedLabel, index.generatedAt.slice(0, 10)),
    );
  }
  return { index, etag: storableEtag(fetched.etag) };
}

/** Decodes and validates a verified index. */
function parseIndex(bytes: Uint8Array, host: string): FeedIndex {
  let data: unknown;
  try {
    data = JSON.parse(decoder().decode(bytes));
  } catch {
    throw new SyncError('index-invalid', t('syncIndexNotJson', host));
  }
  const parsed = feedIndexSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new SyncError(
      'index-invalid',
      issue?.path.length
        ? t(
            'syncIndexInvalidAt',
            host,
            `${clip(issue.path.join('.'), DETAIL_CHARS)}: ${clip(issue.message, DETAIL_CHARS)}`,
          )
        : t('syncIndexInvalid', host),
    );
  }
  return parsed.data;
}
