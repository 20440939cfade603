/**
 * The static feed format, version 1, shared by the publishing tools (scripts/pack-publish.ts)
 * and the extension's sync. A feed is a folder any static host can serve:
 *
 *   index.json       the index below, exactly these bytes are signed
 *   index.json.sig   the Ed25519 signature of index.json, base64, one line
 *   packs/…          the pack files the index points to
 *
 * The index is only trusted after its signature has been checked against the public key the
 * reader added; everything the index says about a pack (size, sha256) then binds the pack file.
 */
import { z } from 'zod';
import { LIMITS, idSchema, sha256HexSchema } from '../pack/schema';

/** The literal format version an index declares in `format`. */
export const FEED_FORMAT = 1 as const;

/** The index's file name inside a feed folder; a feed URL normally ends with it. */
export const INDEX_FILE = 'index.json';

/** The detached signature lives next to the index under the same name plus this suffix. */
export const SIGNATURE_SUFFIX = '.sig';

/** Bounds that keep a hostile feed from exhausting memory. */
export const FEED_LIMITS = {
  /** An index larger than this is refused while it streams in. */
  indexBytes: 256 * 1024,
  /** A base64 Ed25519 signature is 88 characters; anything past this is not a signature. */
  signatureBytes: 1024,
  /** Packs one index may list. */
  packsPerIndex: 200,
  /** Longest pack path inside the feed. */
  urlChars: 300,
} as const;

/**
 * A pack's location relative to the index: plain path segments only, so a signed index can
 * never point outside its own feed folder (no scheme, no host, no leading slash, no `..`).
 */
const relativePackPath = z
  .string()
  .min(1)
  .max(FEED_LIMITS.urlChars)
  .regex(
    /^[A-Za-z0-9_-][A-Za-z0-9._-]*(?:\/[A-Za-z0-9_-][A-Za-z0-9._-]*)*$/,
    'must be a path relative to the index, such as "packs/news-3.json"',
  )
  .refine((p) => !p.split('/').some((seg) => seg === '.' || seg === '..'), {
    message: 'must not contain "." or ".." segments',
  });

/** One pack a feed offers. */
const feedEntrySchema = z.strictObject({
  id: idSchema,
  version: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
  /** Exact size of the pack file in bytes. */
  bytes: z.int().min(1).max(LIMITS.packBytes),
  /** sha256 of the pack file's bytes, lower-case hex. */
  sha256: sha256HexSchema,
  url: relativePackPath,
});

export const feedIndexSchema = z
  .strictObject({
    format: z.literal(FEED_FORMAT),
    /** A stable name for the feed, chosen by its publisher. */
    feedId: idSchema,
    /** When the index was signed; a reader refuses an index older than one it already trusted. */
    generatedAt: z.iso.datetime({ offset: false }),
    packs: z.array(feedEntrySchema).max(FEED_LIMITS.packsPerIndex),
  })
  .refine((idx) => new Set(idx.packs.map((p) => p.id)).size === idx.packs.length, {
    message: 'lists the same pack id twice',
    path: ['packs'],
  });

export type FeedIndex = z.infer<typeof feedIndexSchema>;
export type FeedEntry = z.infer<typeof feedEntrySchema>;

/** The signature file's URL for an index URL. */
export function signatureUrl(indexUrl: string): string {
  const u = new URL(indexUrl);
  u.pathname += SIGNATURE_SUFFIX;
  return u.href;
}
