/**
 * The feeds a reader trusts, in `storage.local`: where each feed lives, the key that must have
 * signed it, and what the last sync did. Every read is validated; a damaged record is dropped
 * rather than trusted. Only the background writes it (requests come from extension pages).
 */
import { storage } from '#imports';
import { z } from 'zod';
import { idSchema } from '../pack/schema';
import { publicKeySchema } from './crypto';
import { INDEX_FILE } from './feed-schema';
import { type Result, err, ok } from '../views';
import { LOOPBACK_HOSTS } from './feed-hosts';
import { t } from '../i18n';

/** What the last attempt on a feed did, for the options page. */
const syncOutcomeSchema = z.strictObject({
  at: z.iso.datetime(),
  ok: z.boolean(),
  message: z.string().max(4000),
  /** Packs the attempt installed: id and version before and after. */
  updated: z
    .array(
      z.strictObject({
        id: idSchema,
        from: z.int().nullable(),
        to: z.int(),
      }),
    )
    .max(200)
    .default([]),
});
export type SyncOutcome = z.infer<typeof syncOutcomeSchema>;

export const feedRecordSchema = z.strictObject({
  /** The index URL, normalised by `normalizeFeedUrl`; it identifies the feed. */
  url: z.url({ protocol: /^https?$/ }).max(2000),
  /** Base64 raw Ed25519 public key that must have signed the index. */
  publicKey: publicKeySchema,
  /** A name the reader recognises; defaults to the host. */
  name: z.string().min(1).max(100),
  addedAt: z.iso.datetime(),
  /** ETag of the last index fully applied; sent as If-None-Match. */
  etag: z.string().max(500).nullable().default(null),
  /** `generatedAt` of the newest index trusted; an older signed index is a replay. */
  lastGeneratedAt: z.iso.datetime().nullable().default(null),
  lastResult: syncOutcomeSchema.nullable().default(null),
  /** Failures in a row, for backoff. */
  failures: z.int().min(0).default(0),
  /** Epoch ms before which the automatic retry does not try again (our backoff). */
  nextAttemptAt: z.number().nullable().default(null),
  /** Epoch ms before which nothing may ask the feed again (its own Retry-After). */
  retryAfterUntil: z.number().nullable().default(null),
});
export type FeedRecord = z.infer<typeof feedRecordSchema>;

/** Raw stored list; use the functions below, which validate. */
const feedsItem = storage.defineItem<unknown>('local:feeds', { fallback: [] });

/**
 * Turns what a reader typed into the feed's index URL. HTTPS only, except on this machine
 * (for trying a feed out); a folder URL gets `index.json` appended; no credentials, no fragment.
 */
export function normalizeFeedUrl(input: string): Result<string> {
  let u: URL;
  try {
    u = new URL(input.trim());
  } catch {
    return err(t('feedNotUrl'));
  }
  if (u.protocol !== 'https:' && !(u.protocol === 'http:' && LOOPBACK_HOSTS.has(u.hostname))) {
    return err(t('feedNotHttps'));
  }
  if (u.username || u.password) return err(t('feedCredentials'));
  u.hash = '';
  if (u.pathname.endsWith('/')) u.pathname += INDEX_FILE;
  return ok(u.href);
}

/**
 * The host permission a feed needs: `https://news.example.org/*`. Without the port: match
 * patterns with ports are not portable across browsers, and one without matches every port.
 */
export function originPattern(feedUrl: string): string {
  const u = new URL(feedUrl);
  return `${u.protocol}//${u.hostname}/*`;
}

/** Every valid feed record. */
export async function listFeeds(item = feedsItem): Promise<FeedRecord[]> {
  const raw = await item.getValue();
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((r) => {
    const parsed = feedRecordSchema.safeParse(r);
    return parsed.success ? [parsed.data] : [];
  });
}

async function save(feeds: FeedRecord[], item = feedsItem): Promise<void> {
  await item.setValue(feeds);
}

export async function getFeed(url: string, item = feedsItem): Promise<FeedRecord | null> {
  return (await listFeeds(item)).find((f) => f.url === url) ?? null;
}

/** Adds a feed; refuses a second entry for the same URL. */
export async function addFeedRecord(
  input: { url: string; publicKey: string; name?: string },
  now: () => number = Date.now,
  item = feedsItem,
): Promise<Result<FeedRecord>> {
  const url = normalizeFeedUrl(input.url);
  if (!url.ok) return url;
  const key = publicKeySchema.safeParse(input.publicKey);
  if (!key.success) {
    return err(t('feedBadKey'));
  }
  const feeds = await listFeeds(item);
  if (feeds.some((f) => f.url === url.value)) return err(t('feedDuplicate'));
  const record = feedRecordSchema.parse({
    url: url.value,
    publicKey: key.data,
    name: input.name?.trim() || new URL(url.value).host,
    addedAt: new Date(now()).toISOString(),
  });
  await save([...feeds, record], item);
  return ok(record);
}

export async function removeFeedRecord(url: string, item = feedsItem): Promise<boolean> {
  const feeds = await listFeeds(item);
  const next = feeds.filter((f) => f.url !== url);
  await save(next, item);
  return next.length !== feeds.length;
}

/** Applies a patch to one feed; no-op when the feed was removed meanwhile. */
export async function updateFeedRecord(
  url: string,
  patch: Partial<Omit<FeedRecord, 'url'>>,
  item = feedsItem,
): Promise<FeedRecord | null> {
  const feeds = await listFeeds(item);
  let updated: FeedRecord | null = null;
  const next = feeds.map((f) => {
    if (f.url !== url) return f;
    // Validated before storing: an invalid record would be dropped on the next read.
    const merged = feedRecordSchema.safeParse({ ...f, ...patch });
    if (!merged.success) throw new Error(`Refused to store an invalid feed record for ${url}`);
    return (updated = merged.data);
  });
  if (updated) await save(next, item);
  return updated;
}

/** A feed as the options page shows it (no caching internals). */
export interface FeedView {
  url: string;
  name: string;
  publicKey: string;
  addedAt: string;
  lastResult: SyncOutcome | null;
  /** ISO time of the next automatic retry after a failure, or null. */
  nextAttemptAt: string | null;
}

export function feedView(f: FeedRecord): FeedView {
  return {
    url: f.url,
    name: f.name,
    publicKey: f.publicKey,
    addedAt: f.addedAt,
    lastResult: f.lastResult,
    nextAttemptAt: f.nextAttemptAt === null ? null : new Date(f.nextAttemptAt).toISOString(),
  };
}
