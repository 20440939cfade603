/**
 * The pipeline behind every read model: the installed packs with their ownership, position rows
 * turned into views (pack label, change marks, topic under its owner's wording), and the ranking
 * of topics and positions. `cards`, `matrix` and `sourceView` (./queries.ts) all go through it.
 */
import type { PositionChange, PositionView, SourceRef } from '../views';
import type { PositionChangeRow, PositionRow, SourceRow, StandpointDB } from './database';
import { readClaims, standings } from './claims';
import {
  comparePacksNewestFirst,
  mergeActors,
  mergeTopics,
  packLabel,
  topicView,
  type MergedActor,
  type MergedTopic,
  type Ownership,
} from './merge';
import { topicScore } from './ranking';

/** What every view needs to know about the installed packs. */
export interface Context extends Ownership {
  rank: Map<string, number>;
  topics: Map<string, MergedTopic>;
}

export async function loadOwnership(db: StandpointDB): Promise<Ownership> {
  const [packs, claims] = await Promise.all([db.packs.toArray(), readClaims(db)]);
  return { packs: new Map(packs.map((p) => [p.id, p])), claims, standings: standings(packs) };
}

export async function loadContext(db: StandpointDB): Promise<Context> {
  const [o, topicRows] = await Promise.all([loadOwnership(db), db.topics.toArray()]);
  const newest = [...o.packs.values()].sort(comparePacksNewestFirst);
  return {
    ...o,
    rank: new Map(newest.map((p, i) => [p.id, i])),
    topics: mergeTopics(topicRows, o),
  };
}

export async function loadActors(db: StandpointDB, ctx: Context, ids: string[]) {
  const rows = ids.length ? await db.actors.where('id').anyOf(ids).toArray() : [];
  return mergeActors(rows, ctx);
}

export function sourceRef(s: SourceRow): SourceRef {
  return {
    id: s.id,
    title: s.title,
    publisher: s.publisher,
    publishedAt: s.publishedAt,
    url: s.url,
  };
}

/**
 * The `change` of a position: set when the latest update of its pack added or changed it, with
 * every earlier wording, newest first.
 */
function changeOf(
  records: PositionChangeRow[],
  currentVersion: number,
): PositionChange | undefined {
  const sorted = [...records].sort(
    (a, b) => b.packVersion - a.packVersion || (b.seq ?? 0) - (a.seq ?? 0),
  );
  const latest = sorted[0];
  if (!latest || latest.packVersion !== currentVersion || latest.kind === 'removed')
    return undefined;
  const history = sorted
    .filter((r) => r.kind === 'changed' && r.previous)
    .map((r) => ({ ...r.previous!, packVersion: r.fromVersion }));
  return { kind: latest.kind, history };
}

/** Turns position rows into views (rows whose pack, topic or source is missing are dropped). */
export async function positionViews(
  db: StandpointDB,
  ctx: Context,
  rows: PositionRow[],
): Promise<{ views: PositionView[]; sources: Map<string, SourceRow> }> {
  // A position stands under a topic only when its pack asks the owner's question.
  const live = rows.filter(
    (r) => ctx.packs.has(r.packId) && ctx.topics.get(r.topicId)?.askedBy.has(r.packId),
  );
  const sourceKeys = [...new Set(live.map((r) => `${r.packId}\u0000${r.sourceId}`))].map(
    (k) => k.split('\u0000') as [string, string],
  );
  const [sourceRows, changeRows] = await Promise.all([
    sourceKeys.length ? db.sources.bulkGet(sourceKeys) : Promise.resolve([]),
    live.length
      ? db.positionChanges
          .where('[packId+positionId]')
          .anyOf(live.map((r) => [r.packId, r.id]))
          .toArray()
      : Promise.resolve([]),
  ]);
  const sources = new Map<string, SourceRow>();
  for (const s of sourceRows) if (s) sources.set(`${s.packId}\u0000${s.id}`, s);
  const changes = new Map<string, PositionChangeRow[]>();
  for (const c of changeRows) {
    const key = `${c.packId}\u0000${c.positionId}`;
    changes.set(key, [...(changes.get(key) ?? []), c]);
  }
  const views: PositionView[] = [];
  for (const r of live) {
    const source = sources.get(`${r.packId}\u0000${r.sourceId}`);
    const pack = ctx.packs.get(r.packId)!;
    if (!source) continue;
    const view: PositionView = {
      id: r.id,
      actorId: r.actorId,
      topic: topicView(ctx.topics.get(r.topicId)!),
      stance: r.stance,
      summary: r.summary,
      evidence: { ...r.evidence },
      source: sourceRef(source),
      date: r.date,
      packId: r.packId,
      packVersion: pack.version,
      pack: packLabel(pack),
    };
    const change = changeOf(changes.get(`${r.packId}\u0000${r.id}`) ?? [], pack.version);
    if (change) view.change = change;
    views.push(view);
  }
  return { views, sources };
}

/** Newest first; ties: newest pack first, then id, so the order is stable. */
export function byNewest(ctx: Context) {
  return (a: PositionView, b: PositionView) =>
    (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) ||
    (ctx.rank.get(a.packId) ?? 0) - (ctx.rank.get(b.packId) ?? 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Topic order: topics the page is about first (by score), then the topic with the newest
 * position first, then by label.
 */
export function topicOrder(ctx: Context, page: Set<string>, views: PositionView[]): string[] {
  const newest = new Map<string, string>();
  for (const v of views) {
    const cur = newest.get(v.topic.id);
    if (!cur || v.date > cur) newest.set(v.topic.id, v.date);
  }
  const score = (id: string) => topicScore(ctx.topics.get(id)?.keywords ?? [], page);
  return [...newest.keys()].sort(
    (a, b) =>
      score(b) - score(a) ||
      (newest.get(a)! < newest.get(b)! ? 1 : newest.get(a)! > newest.get(b)! ? -1 : 0) ||
      (ctx.topics.get(a)!.label < ctx.topics.get(b)!.label ? -1 : 1),
  );
}

/** Positions ordered by topic rank, newest first within a topic. */
export function rankPositions(
  ctx: Context,
  page: Set<string>,
  views: PositionView[],
): PositionView[] {
  const order = topicOrder(ctx, page, views);
  const index = new Map(order.map((id, i) => [id, i]));
  const newest = byNewest(ctx);
  return [...views].sort((a, b) => index.get(a.topic.id)! - index.get(b.topic.id)! || newest(a, b));
}

/** What the people asked about said, and their groups: the pipeline behind cards and the matrix. */
export interface Speakers {
  actors: Map<string, MergedActor>;
  groups: Map<string, MergedActor>;
  views: PositionView[];
  sources: Map<string, SourceRow>;
}

export async function speakers(db: StandpointDB, ctx: Context, actors: Map<string, MergedActor>) {
  const groupIds = [...new Set([...actors.values()].flatMap((a) => a.memberOf))];
  const groups = await loadActors(db, ctx, groupIds);
  const speakerIds = [...new Set([...actors.keys(), ...groups.keys()])];
  const rows = speakerIds.length
    ? await db.positions.where('actorId').anyOf(speakerIds).toArray()
    : [];
  const { views, sources } = await positionViews(db, ctx, rows);
  return { actors, groups, views, sources } satisfies Speakers;
}
