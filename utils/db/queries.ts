/**
 * The read models the background serves, built from the store. Every query reads the installed
 * packs together (merge rules in merge.ts and docs/store.md) and returns plain view objects from
 * utils/views.ts, ready to cross a message boundary.
 */
import {
  comparePeople,
  type ActorSummary,
  type CardView,
  type Dictionary,
  type MatrixView,
  type PackInfo,
  type PositionChange,
  type PositionView,
  type SourceRef,
  type SourceView,
  type TopicView,
} from '../views';
import type { PackRow, PositionChangeRow, PositionRow, SourceRow, StandpointDB } from './database';
import { sha256OfText } from './hash';
import {
  actorSummary,
  comparePacksNewestFirst,
  mergeActors,
  mergeTopics,
  packRank,
  topicView,
  type MergedActor,
  type MergedTopic,
  type PackRank,
} from './merge';
import { pageWordSet, topicScore } from './ranking';
import { ROWS_FORMAT } from './rows';

/**
 * Bump when the shape of `Dictionary` changes, so cached matchers are rebuilt. `ROWS_FORMAT` is
 * part of the version too: rows derived differently may hold different aliases.
 */
const DICTIONARY_FORMAT = `dictionary-1/rows-${ROWS_FORMAT}`;

/** Installed packs, newest first. */
export async function installedPacks(db: StandpointDB): Promise<PackRow[]> {
  return (await db.packs.toArray()).sort(comparePacksNewestFirst);
}

/**
 * A version that changes whenever the installed set changes: a hash of every installed pack's id,
 * version and sha256. Content scripts cache their matcher per version.
 */
export async function dictionaryVersion(db: StandpointDB): Promise<string> {
  const packs = await db.packs.toArray();
  const lines = packs.map((p) => `${p.id}@${p.version}#${p.sha256}`).sort();
  return sha256OfText([DICTIONARY_FORMAT, ...lines].join('\n'));
}

/** The alias dictionary for the content script's matcher, every actor of every pack merged. */
export async function dictionary(db: StandpointDB): Promise<Dictionary> {
  const [packs, actorRows, version] = await Promise.all([
    db.packs.toArray(),
    db.actors.toArray(),
    dictionaryVersion(db),
  ]);
  const actors = [...mergeActors(actorRows, packRank(packs)).values()]
    .sort((a, b) => (a.id < b.id ? -1 : 1))
    .map((a) => ({ id: a.id, kind: a.kind, aliases: a.aliases, match: a.match }));
  return { version, actors };
}

/** What every position view needs to know about the installed packs. */
interface Context {
  packs: Map<string, PackRow>;
  rank: PackRank;
  topics: Map<string, MergedTopic>;
}

async function loadContext(db: StandpointDB): Promise<Context> {
  const [packs, topicRows] = await Promise.all([db.packs.toArray(), db.topics.toArray()]);
  const rank = packRank(packs);
  return {
    packs: new Map(packs.map((p) => [p.id, p])),
    rank,
    topics: mergeTopics(topicRows, rank),
  };
}

async function loadActors(db: StandpointDB, ctx: Context, ids: string[]) {
  const rows = ids.length ? await db.actors.where('id').anyOf(ids).toArray() : [];
  return mergeActors(rows, ctx.rank);
}

function sourceRef(s: SourceRow): SourceRef {
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
async function positionViews(
  db: StandpointDB,
  ctx: Context,
  rows: PositionRow[],
): Promise<{ views: PositionView[]; sources: Map<string, SourceRow> }> {
  const live = rows.filter((r) => ctx.packs.has(r.packId) && ctx.topics.has(r.topicId));
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
    };
    const change = changeOf(changes.get(`${r.packId}\u0000${r.id}`) ?? [], pack.version);
    if (change) view.change = change;
    views.push(view);
  }
  return { views, sources };
}

/** Newest first; ties: newest pack first, then id, so the order is stable. */
function byNewest(ctx: Context) {
  return (a: PositionView, b: PositionView) =>
    (a.date < b.date ? 1 : a.date > b.date ? -1 : 0) ||
    (ctx.rank.get(a.packId) ?? 0) - (ctx.rank.get(b.packId) ?? 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * Topic order: topics the page is about first (by score), then the topic with the newest
 * position first, then by label.
 */
function topicOrder(ctx: Context, page: Set<string>, views: PositionView[]): string[] {
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
function rankPositions(ctx: Context, page: Set<string>, views: PositionView[]): PositionView[] {
  const order = topicOrder(ctx, page, views);
  const index = new Map(order.map((id, i) => [id, i]));
  const newest = byNewest(ctx);
  return [...views].sort((a, b) => index.get(a.topic.id)! - index.get(b.topic.id)! || newest(a, b));
}

/**
 * Hover cards for a set of actors (unknown ids are skipped). Each card has the actor's own
 * positions and, separately, those of the groups it belongs to, topics the page is about first.
 */
export async function cards(
  db: StandpointDB,
  actorIds: string[],
  pageWords?: readonly string[],
): Promise<CardView[]> {
  const ctx = await loadContext(db);
  const page = pageWordSet(pageWords);
  const wanted = [...new Set(actorIds)];
  const actors = await loadActors(db, ctx, wanted);
  const groupIds = [...new Set([...actors.values()].flatMap((a) => a.memberOf))];
  const groups = await loadActors(db, ctx, groupIds);
  const speakerIds = [...new Set([...actors.keys(), ...groups.keys()])];
  const rows = speakerIds.length
    ? await db.positions.where('actorId').anyOf(speakerIds).toArray()
    : [];
  const { views, sources } = await positionViews(db, ctx, rows);
  const bySpeaker = new Map<string, PositionView[]>();
  for (const v of views) bySpeaker.set(v.actorId, [...(bySpeaker.get(v.actorId) ?? []), v]);

  const out: CardView[] = [];
  for (const id of wanted) {
    const actor = actors.get(id);
    if (!actor) continue;
    const own = bySpeaker.get(id) ?? [];
    const sourceShas = new Set(actor.namedIn);
    for (const v of own) {
      const s = sources.get(`${v.packId}\u0000${v.evidence.sourceId}`);
      if (s) sourceShas.add(s.sha256);
    }
    const packIds = new Set([...actor.packIds, ...own.map((v) => v.packId)]);
    const packs = [...packIds]
      .map((p) => ctx.packs.get(p))
      .filter((p): p is PackRow => !!p)
      .sort(comparePacksNewestFirst);
    out.push({
      actor: actorSummary(actor),
      positions: rankPositions(ctx, page, own),
      groups: actor.memberOf
        .map((g) => groups.get(g))
        .filter((g): g is MergedActor => !!g)
        .map((g) => ({
          group: actorSummary(g),
          positions: rankPositions(ctx, page, bySpeaker.get(g.id) ?? []),
        })),
      sourceCount: sourceShas.size,
      asOf: packs.reduce((max, p) => (p.publishedAt > max ? p.publishedAt : max), ''),
      packs: packs.map((p) => ({ id: p.id, version: p.version, title: p.title })),
    });
  }
  return out;
}

/** Every actor of the installed packs (people first, then groups, by name) and every topic. */
export async function listActors(
  db: StandpointDB,
): Promise<{ actors: ActorSummary[]; topics: TopicView[] }> {
  const ctx = await loadContext(db);
  const merged = mergeActors(await db.actors.toArray(), ctx.rank);
  const actors = [...merged.values()].sort(comparePeople).map(actorSummary);
  const topics = [...ctx.topics.values()]
    .sort((a, b) => a.label.localeCompare(b.label))
    .map(topicView);
  return { actors, topics };
}

/**
 * The topics x actors matrix. An empty `actorIds` means every person. Rows are the topics on which
 * at least one picked actor (or one of their groups) has a position, topics the page is about
 * first, then the topic with the newest position.
 */
export async function matrix(
  db: StandpointDB,
  actorIds: string[],
  pageWords?: readonly string[],
): Promise<MatrixView> {
  const ctx = await loadContext(db);
  const page = pageWordSet(pageWords);
  let actors: Map<string, MergedActor>;
  let order: string[];
  if (actorIds.length === 0) {
    const all = mergeActors(await db.actors.toArray(), ctx.rank);
    actors = new Map([...all].filter(([, a]) => a.kind === 'person'));
    order = [...actors.values()].sort(comparePeople).map((a) => a.id);
  } else {
    order = [...new Set(actorIds)];
    actors = await loadActors(db, ctx, order);
    order = order.filter((id) => actors.has(id));
  }
  const groupIds = [...new Set([...actors.values()].flatMap((a) => a.memberOf))];
  const groups = await loadActors(db, ctx, groupIds);
  const speakerIds = [...new Set([...order, ...groups.keys()])];
  const rows = speakerIds.length
    ? await db.positions.where('actorId').anyOf(speakerIds).toArray()
    : [];
  const { views } = await positionViews(db, ctx, rows);
  const newest = byNewest(ctx);
  const at = (speaker: string, topic: string) =>
    views.filter((v) => v.actorId === speaker && v.topic.id === topic).sort(newest);

  const relevant = views.filter(
    (v) =>
      actors.has(v.actorId) || order.some((id) => actors.get(id)!.memberOf.includes(v.actorId)),
  );
  return {
    actors: order.map((id) => actorSummary(actors.get(id)!)),
    rows: topicOrder(ctx, page, relevant).map((topicId) => ({
      topic: topicView(ctx.topics.get(topicId)!),
      cells: order.map((actorId) => ({
        actorId,
        own: at(actorId, topicId),
        viaGroups: actors
          .get(actorId)!
          .memberOf.map((g) => groups.get(g))
          .filter((g): g is MergedActor => !!g)
          .map((g) => ({ group: actorSummary(g), positions: at(g.id, topicId) }))
          .filter((g) => g.positions.length > 0),
      })),
    })),
  };
}

/**
 * A source with the evidence spans of every position resting on it. When several packs carry a
 * source with this id, the newest pack's copy is shown, with the positions of every pack whose
 * copy has the same text (same sha256), so each span points into the text shown.
 */
export async function sourceView(db: StandpointDB, sourceId: string): Promise<SourceView | null> {
  const ctx = await loadContext(db);
  const copies = (await db.sources.where('id').equals(sourceId).toArray())
    .filter((s) => ctx.packs.has(s.packId))
    .sort((a, b) => ctx.rank.get(a.packId)! - ctx.rank.get(b.packId)!);
  const shown = copies[0];
  if (!shown) return null;
  const samePacks = new Set(copies.filter((c) => c.sha256 === shown.sha256).map((c) => c.packId));
  const rows = (await db.positions.where('sourceId').equals(sourceId).toArray()).filter((r) =>
    samePacks.has(r.packId),
  );
  const { views } = await positionViews(db, ctx, rows);
  views.sort((a, b) => a.evidence.start - b.evidence.start || a.evidence.end - b.evidence.end);
  return {
    source: { ...sourceRef(shown), text: shown.text ?? null, language: shown.language },
    positions: views,
  };
}

/** Installed packs for the options page and the popup, newest first. */
export async function listPacks(db: StandpointDB): Promise<PackInfo[]> {
  return (await installedPacks(db)).map((p) => ({
    id: p.id,
    version: p.version,
    title: p.title,
    publishedAt: p.publishedAt,
    installedAt: p.installedAt,
    origin: p.origin,
    verified: p.verified,
    previousVersion: p.previous?.version ?? null,
  }));
}
