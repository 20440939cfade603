/**
 * The one message map both sides import. Every reply is a plain `Result`, never a thrown error.
 *
 * Two channels:
 * - `backgroundMessenger` (./messengers.ts): the card bundle and extension pages ask the
 *   background, which owns the Dexie store. The background validates each request with the Zod
 *   schemas below and checks the sender: content scripts may only use the
 *   `CONTENT_SCRIPT_MESSAGES`.
 * - `sendToTab` / `onTabMessage` (./tab-message.ts): the popup and the background ask the
 *   content script of one tab (`TabProtocol`).
 */
import { z } from 'zod';
import type { CardCommand } from './tab-message';
import { LIMITS, idSchema } from './pack/schema';
import type { FeedView, SyncOutcome } from './sync/feeds';
import { syncIntervalSchema } from './sync/interval';
import type { SyncStatus } from './sync/status';
import type {
  CardView,
  MatrixView,
  PackInfo,
  Result,
  SourceView,
  ActorSummary,
  TopicView,
} from './views';

/** Page words sent as a ranking hint: bounded so a page cannot send megabytes. */
export const pageHintSchema = z.array(z.string().max(60)).max(400);

/** Request schemas, one per message; the background parses every request with these. */
export const requestSchemas = {
  getCards: z.strictObject({
    actorIds: z.array(idSchema).min(1).max(50),
    pageWords: pageHintSchema.optional(),
  }),
  listActors: z.strictObject({}),
  getMatrix: z.strictObject({
    actorIds: z.array(idSchema).max(200),
    pageWords: pageHintSchema.optional(),
  }),
  getSource: z.strictObject({ sourceId: idSchema }),
  listPacks: z.strictObject({}),
  openPage: z.discriminatedUnion('page', [
    z.strictObject({
      page: z.literal('source'),
      sourceId: idSchema,
      positionId: idSchema.optional(),
    }),
    z.strictObject({ page: z.literal('compare'), actorIds: z.array(idSchema).min(1).max(4) }),
  ]),
  // Sync and pack management: extension pages only (never in CONTENT_SCRIPT_MESSAGES).
  syncNow: z.strictObject({ url: z.string().max(2000).optional() }),
  addFeed: z.strictObject({
    url: z.string().min(1).max(2000),
    publicKey: z.string().min(1).max(200),
    name: z.string().max(100).optional(),
  }),
  removeFeed: z.strictObject({ url: z.string().min(1).max(2000) }),
  listFeeds: z.strictObject({}),
  importPack: z.strictObject({
    /** The file's text; `parsePackText` applies the byte cap. */
    text: z.string().max(LIMITS.packBytes),
    fileName: z.string().max(260).optional(),
    /** The reader confirmed installing a pack no signature vouches for. */
    confirmUnverified: z.boolean(),
  }),
  rollbackPack: z.strictObject({ packId: idSchema }),
  removePack: z.strictObject({ packId: idSchema }),
  getSyncStatus: z.strictObject({}),
  setSyncInterval: z.strictObject({ minutes: syncIntervalSchema }),
  getChangedActors: z.strictObject({}),
} as const;

export type RequestOf<K extends keyof typeof requestSchemas> = z.infer<(typeof requestSchemas)[K]>;

/** Messages the background answers. */
export interface BackgroundProtocol {
  /** Hover-card data for a set of actors, topics ranked by the page's words. */
  getCards(req: RequestOf<'getCards'>): Result<CardView[]>;
  /** Every actor in the installed packs with the topics known. Extension pages only. */
  listActors(req: RequestOf<'listActors'>): Result<{ actors: ActorSummary[]; topics: TopicView[] }>;
  /** The comparison matrix. Extension pages only. */
  getMatrix(req: RequestOf<'getMatrix'>): Result<MatrixView>;
  /** A source's text with the evidence spans of every position resting on it. Extension pages only. */
  getSource(req: RequestOf<'getSource'>): Result<SourceView>;
  /** Installed packs. Extension pages only. */
  listPacks(req: RequestOf<'listPacks'>): Result<PackInfo[]>;
  /**
   * Opens one of a whitelist of extension pages in a new tab next to the sender's. Content
   * scripts need it: a web page cannot navigate to an extension page that is not web-accessible.
   */
  openPage(req: RequestOf<'openPage'>): Result<null>;
  /** Syncs one feed (`url`) or every feed now; one outcome per feed. Extension pages only. */
  syncNow(req: RequestOf<'syncNow'>): Result<SyncOutcome[]>;
  /** Adds a trusted feed; the options page has already obtained its host permission. */
  addFeed(req: RequestOf<'addFeed'>): Result<FeedView>;
  /** Removes a feed (its installed packs stay). */
  removeFeed(req: RequestOf<'removeFeed'>): Result<null>;
  listFeeds(req: RequestOf<'listFeeds'>): Result<FeedView[]>;
  /** Installs a pack from a file, marked unverified. */
  importPack(
    req: RequestOf<'importPack'>,
  ): Result<{ packId: string; version: number; status: string }>;
  /** Puts a pack's previous version back. */
  /** Removes a pack that is not built in, with its positions, aliases and history. */
  removePack(
    req: RequestOf<'removePack'>,
  ): Result<{ packId: string; title: string; feedUrl: string | null }>;
  rollbackPack(
    req: RequestOf<'rollbackPack'>,
  ): Result<{ packId: string; version: number; rolledBack: number }>;
  /** The last sync result, the interval and the feeds, for the popup and the options page. */
  getSyncStatus(req: RequestOf<'getSyncStatus'>): Result<SyncState>;
  setSyncInterval(req: RequestOf<'setSyncInterval'>): Result<{ minutes: number }>;
  /**
   * People whose positions an update changed since the reader last looked (the popup's
   * "updated" mark; it calls `markChangesSeen` from utils/sync/changes-seen.ts once shown).
   */
  getChangedActors(req: RequestOf<'getChangedActors'>): Result<{ actorIds: string[] }>;
}

/** Sync state for extension pages. */
export interface SyncState {
  last: SyncStatus | null;
  intervalMinutes: number;
  feeds: FeedView[];
}

/** The only background messages a content script may send: reads for the page it runs in. */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<keyof BackgroundProtocol> = new Set([
  'getCards',
  'openPage',
]);

/** What a content script reports about its page. */
export interface PageReport {
  /** The page's host name, for the per-site switch (no `tabs` permission needed). */
  host: string;
  /** False when the user switched Standpoint off for this site. */
  enabled: boolean;
  /** Actor ids found on the page, in order of first mention. */
  actorIds: string[];
  /** Mentions per actor id. */
  counts: Record<string, number>;
  /** Frequent words of the page, for ranking topics. */
  pageWords: string[];
}

/** Messages a content script answers (sent to one tab). */
export interface TabProtocol {
  getPageReport(): Result<PageReport>;
  /**
   * A keyboard command (manifest `commands`) forwarded by the background to the hover card. The
   * content script checks it with `cardCommandOf` (./tab-message.ts), without Zod.
   */
  cardCommand(req: { command: CardCommand }): Result<boolean>;
}

// The channels themselves (./messengers.ts; ./tab-message.ts with CARD_COMMANDS) are apart
// from the schemas, so that content scripts use them without Zod.
