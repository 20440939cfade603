/**
 * The extension's IndexedDB store, as a typed Dexie class.
 *
 * It lives in the extension's origin only: the background service worker and extension pages open
 * it; content scripts never do (IndexedDB opened there would belong to the page's origin). Every
 * row below is derived from installed pack JSON, which is kept whole in `packBodies`, so any table
 * can be rebuilt from it (rollback does exactly that).
 *
 * Schema history:
 * - version 1: packs (metadata and both pack bodies in one row), sources, actors, aliases, topics,
 *   positions.
 * - version 2: pack bodies move to `packBodies` so that the queries behind every hover read only
 *   small metadata rows; packs remember the highest version and bytes ever seen (anti-rollback);
 *   `positionChanges` records what each update did; positions gain an `[actorId+topicId]` index.
 * - version 3: `claims` records which pack owns each actor and topic id (utils/pack/ownership.ts);
 *   the write-only `aliases` table and seven indexes no query used are dropped.
 */
import Dexie, { type Table, type Transaction } from 'dexie';
import { claimsInOrder, type ClaimKind } from '../pack/ownership';
import type { Actor, Pack, Position, Source, Stance, Topic } from '../pack/schema';

/** The IndexedDB database name, in the extension's origin. */
const DB_NAME = 'standpoint';

/** Where an installed pack came from. */
export type PackOrigin = 'builtin' | 'feed' | 'file';

/** Metadata of a pack version that was installed before the current one. */
export interface PreviousPackMeta {
  version: number;
  sha256: string;
  origin: PackOrigin;
  verified: boolean;
  installedAt: string;
}

/** One installed pack: what the options page lists and what anti-rollback checks. */
export interface PackRow {
  id: string;
  version: number;
  /** sha256 (hex) of the bytes the pack was installed from. */
  sha256: string;
  title: string;
  publishedAt: string;
  /** ISO timestamp of the install of the current version. */
  installedAt: string;
  origin: PackOrigin;
  /** True when a trusted signature (or the extension itself, for the built-in pack) vouches for it. */
  verified: boolean;
  /** The version replaced by the current one, kept for rollback; its body is in `packBodies`. */
  previous: PreviousPackMeta | null;
  /** The highest version ever installed under this id: anything older is refused. */
  highestVersion: number;
  /** sha256 of the bytes of `highestVersion`: the same version with other bytes is refused. */
  highestSha256: string;
  /**
   * The `ROWS_FORMAT` the derived rows were built with; rows of an older format are rebuilt from
   * the pack body at the next start (absent = built before the field existed).
   */
  rowsFormat?: number;
  /** ISO timestamp of the first install under this id: the order claims are settled in. */
  firstInstalledAt?: string;
  /** The feed a synced pack came from: only that feed may update it (absent: none). */
  feedUrl?: string;
}

/** The full JSON of an installed pack version (current or previous). */
export interface PackBodyRow {
  packId: string;
  version: number;
  sha256: string;
  pack: Pack;
}

/** A source document of a pack (text included when the pack carries it). */
export type SourceRow = Source & { packId: string };

/** An actor as one pack describes it; several packs may describe the same actor id. */
export type ActorRow = Actor & {
  packId: string;
  /** sha256 of each source of this pack whose text names the actor by one of its aliases. */
  namedIn: string[];
};

/** Which pack owns an actor or topic id: only the owner's definition is shown. */
export interface ClaimRow {
  /** `actor:<id>` or `topic:<id>` (`claimKey`). */
  key: string;
  kind: ClaimKind;
  id: string;
  packId: string;
}

/** A topic as one pack describes it. */
export type TopicRow = Topic & { packId: string };

/** A position with its actor, topic and source flattened out for indexing. */
export interface PositionRow {
  packId: string;
  id: string;
  actorId: string;
  topicId: string;
  sourceId: string;
  stance: Stance;
  summary: string;
  evidence: Position['evidence'];
  date: string;
}

/** The part of a position a change record remembers. */
export interface PositionSnapshot {
  stance: Stance;
  summary: string;
  date: string;
}

/** What one pack update did to one position. */
export interface PositionChangeRow {
  /** Auto-incremented; insertion order. */
  seq?: number;
  packId: string;
  positionId: string;
  actorId: string;
  topicId: string;
  kind: 'added' | 'changed' | 'removed';
  /** The position before the update (`null` for `added`). */
  previous: PositionSnapshot | null;
  /** The position after the update (`null` for `removed`). */
  current: PositionSnapshot | null;
  /** The pack version the update replaced. */
  fromVersion: number;
  /** The pack version the update installed. */
  packVersion: number;
  /** ISO timestamp of the update. */
  at: string;
}

/** Table definitions of schema version 1, exported so the upgrade test can build a v1 database. */
export const SCHEMA_V1 = {
  packs: 'id',
  sources: '[packId+id], packId, id, sha256',
  actors: '[packId+id], packId, id',
  aliases: '[packId+actorId+norm], packId, actorId, norm',
  topics: '[packId+id], packId, id',
  positions: '[packId+id], packId, actorId, topicId, sourceId',
} as const;

/** Table definitions of schema version 2. */
export const SCHEMA_V2 = {
  ...SCHEMA_V1,
  packBodies: '[packId+version], packId',
  positions: '[packId+id], packId, actorId, topicId, sourceId, [actorId+topicId]',
  positionChanges: '++seq, [packId+positionId], packId, actorId, packVersion, at',
} as const;

/**
 * Table definitions of schema version 3 (the current one): `claims` added; `aliases` dropped
 * (written, never read); indexes no query uses dropped (sources.sha256, topics.id,
 * positions.topicId and [actorId+topicId], positionChanges.actorId, packVersion and at).
 */
const SCHEMA_V3 = {
  packs: 'id',
  packBodies: '[packId+version], packId',
  sources: '[packId+id], packId, id',
  actors: '[packId+id], packId, id',
  aliases: null,
  topics: '[packId+id], packId',
  positions: '[packId+id], packId, actorId, sourceId',
  positionChanges: '++seq, [packId+positionId], packId',
  claims: 'key, packId',
} as const;

/** The shape of a version 1 pack row: both bodies inline, no anti-rollback memory. */
export interface PackRowV1 {
  id: string;
  version: number;
  sha256: string;
  title: string;
  publishedAt: string;
  installedAt: string;
  origin: PackOrigin;
  verified: boolean;
  pack: Pack;
  previous: (PreviousPackMeta & { pack: Pack }) | null;
}

/**
 * Version 1 -> 2: moves each pack's current and previous body into `packBodies`, keeps only
 * metadata in `packs`, and seeds the anti-rollback memory from the versions present.
 */
async function upgradeV1toV2(tx: Transaction): Promise<void> {
  const oldRows = (await tx.table('packs').toArray()) as PackRowV1[];
  for (const old of oldRows) {
    const bodies: PackBodyRow[] = [
      { packId: old.id, version: old.version, sha256: old.sha256, pack: old.pack },
    ];
    let highestVersion = old.version;
    let highestSha256 = old.sha256;
    let previous: PreviousPackMeta | null = null;
    if (old.previous) {
      const { pack, ...meta } = old.previous;
      previous = meta;
      bodies.push({ packId: old.id, version: meta.version, sha256: meta.sha256, pack });
      if (meta.version > highestVersion) {
        highestVersion = meta.version;
        highestSha256 = meta.sha256;
      }
    }
    const row: PackRow = {
      id: old.id,
      version: old.version,
      sha256: old.sha256,
      title: old.title,
      publishedAt: old.publishedAt,
      installedAt: old.installedAt,
      origin: old.origin,
      verified: old.verified,
      previous,
      highestVersion,
      highestSha256,
    };
    await tx.table('packBodies').bulkPut(bodies);
    await tx.table('packs').put(row);
  }
}

/**
 * Version 2 -> 3: settles the claims of the installed packs as if they had been installed in the
 * order of their install dates, verified packs first (utils/pack/ownership.ts).
 */
async function upgradeV2toV3(tx: Transaction): Promise<void> {
  const packs = ((await tx.table('packs').toArray()) as PackRow[]).sort(
    (a, b) =>
      Number(b.origin === 'builtin') - Number(a.origin === 'builtin') ||
      (a.installedAt < b.installedAt ? -1 : a.installedAt > b.installedAt ? 1 : 0),
  );
  const actors = (await tx.table('actors').toArray()) as ActorRow[];
  const topics = (await tx.table('topics').toArray()) as TopicRow[];
  const { claims } = claimsInOrder(
    packs.map((p) => ({
      id: p.id,
      verified: p.verified,
      actors: actors.filter((a) => a.packId === p.id),
      topics: topics.filter((t) => t.packId === p.id),
    })),
  );
  await tx.table('claims').bulkPut(claimRows(claims));
  for (const p of packs) {
    await tx.table('packs').put({ ...p, firstInstalledAt: p.firstInstalledAt ?? p.installedAt });
  }
}

/** Claim rows from a claims map. */
export function claimRows(claims: ReadonlyMap<string, string>): ClaimRow[] {
  return [...claims].map(([key, packId]) => {
    const at = key.indexOf(':');
    return { key, kind: key.slice(0, at) as ClaimKind, id: key.slice(at + 1), packId };
  });
}

/** The Standpoint store. Open it with `getDb()` (utils/db/index.ts) rather than `new`. */
export class StandpointDB extends Dexie {
  /** Installed packs, one row per pack id: version, provenance, rollback and anti-rollback data. */
  packs!: Table<PackRow, string>;
  /** Whole pack JSON per installed version (current and previous), keyed by [packId+version]. */
  packBodies!: Table<PackBodyRow, [string, number]>;
  /** Source documents per pack; `sha256` finds the same document across packs. */
  sources!: Table<SourceRow, [string, string]>;
  /** Actors per pack; `id` gathers one person's rows across packs. */
  actors!: Table<ActorRow, [string, string]>;
  /** Topics per pack; `id` gathers one topic's rows across packs. */
  topics!: Table<TopicRow, [string, string]>;
  /** Positions per pack, indexed by actor (cards), topic (matrix), source (viewer) and pack. */
  positions!: Table<PositionRow, [string, string]>;
  /** What each pack update added, changed and removed, for "changed" marks and history. */
  positionChanges!: Table<PositionChangeRow, number>;
  /** Which pack owns each actor and topic id (utils/pack/ownership.ts). */
  claims!: Table<ClaimRow, string>;

  constructor(name: string = DB_NAME) {
    super(name);
    this.version(1).stores(SCHEMA_V1);
    this.version(2).stores(SCHEMA_V2).upgrade(upgradeV1toV2);
    this.version(3).stores(SCHEMA_V3).upgrade(upgradeV2toV3);
  }
}

/** Every table an install rewrites, for one read-write transaction. */
export function allTables(db: StandpointDB) {
  return [
    db.packs,
    db.packBodies,
    db.sources,
    db.actors,
    db.topics,
    db.positions,
    db.positionChanges,
    db.claims,
  ];
}
