/**
 * The read models the background serves, built from the store. Every query reads the installed
 * packs together (merge rules in merge.ts and docs/store.md) and returns plain view objects from
 * utils/views.ts, ready to cross a message boundary.
 */
import { dictionaryActors } from '../pack/ownership';
import {
  comparePeople,
  type ActorSummary,
  type CardView,
  type Dictionary,
  type MatrixView,
  type PackInfo,
  type PositionView,
  type SourceView,
  type TopicView,
} from '../views';
import type { PackRow, StandpointDB } from './database';
import { sha256OfText } from './hash';
import {
  actorSummary,
  comparePacksNewestFirst,
  mergeActors,
  topicView,
  type MergedActor,
} from './merge';
import {
  byNewest,
  loadActors,
  loadContext,
  loadOwnership,
  positionViews,
  rankPositions,
  sourceRef,
  speakers,
  topicOrder,
  type Speakers,
} from './pipeline';
import { pageWordSet } from './ranking';
import { ROWS_FORMAT } from './rows';
import { RULE_VOCABULARY } from '../spotting/rule-vocabulary';

/**
 * Bump when the shape of `Dictionary` changes, so cached matchers are rebuilt. `ROWS_FORMAT` is
 * part of the version too: rows derived differently may hold different aliases.
 */
const DICTIONARY_FORMAT = `dictionary-2/rows-${ROWS_FORMAT}`;

/** Installed packs, newest first. */
async function installedPacks(db: StandpointDB): Promise<PackRow[]> {
  return (await db.packs.toArray()).sort(comparePacksNewestFirst);
}

/**
 * A version that changes whenever the installed set changes: a hash of every installed pack's id,
 * version and sha256. Content scripts cache their matcher per version.
 */
export async function dictionaryVersion(db: StandpointDB): Promise<string> {
  const packs = await db.packs.toArray();
  const lines = packs.map((p) => `${p.id}@${p.version}#${p.sha256}`).sort();
  // The rules' vocabulary rides with the names: a new list is a new dictionary for every page.
  return sha256OfText([DICTIONARY_FORMAT, JSON.stringify(RULE_VOCABULARY), ...lines].join('\n'));
}

/** What to leave out of the page dictionary. */
export interface DictionaryOptions {
  /** Keep packs imported from files (unverified) off the page's highlights. */
  verifiedOnly?: boolean;
}

/**
 * The alias dictionary for the content script's matcher: every actor under its owner's match
 * policy, with the aliases other packs add (the one rule in utils/pack/ownership.ts).
 */
export async function dictionary(
  db: StandpointDB,
  opts: DictionaryOptions = {},
): Promise<Dictionary> {
  const [o, actorRows, version] = await Promise.all([
    loadOwnership(db),
    db.actors.toArray(),
    dictionaryVersion(db),
  ]);
  const rows = opts.verifiedOnly
    ? actorRows.filter((r) => o.packs.get(r.packId)?.verified === true)
    : actorRows;
  const filtered = opts.verifiedOnly
    ? new Map([...o.standings].filter(([, s]) => s.verified))
    : o.standings;
  return {
    version: opts.verifiedOnly ? `${version}/verified` : version,
    actors: dictionaryActors(rows, o.claims, filtered),
    vocabulary: RULE_VOCABULARY,
  };
}

/** The groups of an actor that are known, as the card and the matrix show them. */
const groupsOf = (a: MergedActor, s: Speakers) =>
  a.memberOf.map((g) => s.groups.get(g)).filter((g): g is MergedActor => !!g);

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
  const s = await speakers(db, ctx, await loadActors(db, ctx, wanted));
  const bySpeaker = new Map<string, PositionView[]>();
  for (const v of s.views) bySpeaker.set(v.actorId, [...(bySpeaker.get(v.actorId) ?? []), v]);

  const out: CardView[] = [];
  for (const id of wanted) {
    const actor = s.actors.get(id);
    if (!actor) continue;
    const own = bySpeaker.get(id) ?? [];
    const sourceShas = new Set(actor.namedIn);
    for (const v of own) {
      const src = s.sources.get(`${v.packId}\u0000${v.evidence.sourceId}`);
      if (src) sourceShas.add(src.sha256);
    }
    const packIds = new Set([...actor.packIds, ...own.map((v) => v.packId)]);
    const packs = [...packIds]
      .map((p) => ctx.packs.get(p))
      .filter((p): p is PackRow => !!p)
      .sort(comparePacksNewestFirst);
    out.push({
      actor: actorSummary(actor, ctx),
      positions: rankPositions(ctx, page, own),
      groups: groupsOf(actor, s).map((g) => ({
        group: actorSummary(g, ctx),
        positions: rankPositions(ctx, page, bySpeaker.get(g.id) ?? []),
      })),
      sourceCount: sourceShas.size,
      asOf: packs.reduce((max, p) => (p.publishedAt > max ? p.publishedAt : max), ''),
      packs: packs.map((p) => ({
        id: p.id,
        version: p.version,
        title: p.title,
        verified: p.verified,
      })),
    });
  }
  return out;
}

/** Every actor of the installed packs (people first, then groups, by name) and every topic. */
export async function listActors(
  db: StandpointDB,
): Promise<{ actors: ActorSummary[]; topics: TopicView[] }> {
  const ctx = await loadContext(db);
  const merged = mergeActors(await db.actors.toArray(), ctx);
  const actors = [...merged.values()].sort(comparePeople).map((a) => actorSummary(a, ctx));
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
  let picked: Map<string, MergedActor>;
  if (actorIds.length === 0) {
    const all = mergeActors(await db.actors.toArray(), ctx);
    const people = [...all.values()].filter((a) => a.kind === 'person').sort(comparePeople);
    picked = new Map(people.map((a) => [a.id, a]));
  } else {
    const found = await loadActors(db, ctx, [...new Set(actorIds)]);
    picked = new Map(
      [...new Set(actorIds)].flatMap((id) => (found.has(id) ? [[id, found.get(id)!]] : [])),
    );
  }
  const order = [...picked.keys()];
  const s = await speakers(db, ctx, picked);
  const newest = byNewest(ctx);
  const at = (speaker: string, topic: string) =>
    s.views.filter((v) => v.actorId === speaker && v.topic.id === topic).sort(newest);
  const relevant = s.views.filter(
    (v) =>
      picked.has(v.actorId) || order.some((id) => picked.get(id)!.memberOf.includes(v.actorId)),
  );
  return {
    actors: order.map((id) => actorSummary(picked.get(id)!, ctx)),
    rows: topicOrder(ctx, page, relevant).map((topicId) => ({
      topic: topicView(ctx.topics.get(topicId)!),
      cells: order.map((actorId) => ({
        actorId,
        own: at(actorId, topicId),
        viaGroups: groupsOf(picked.get(actorId)!, s)
          .map((g) => ({ group: actorSummary(g, ctx), positions: at(g.id, topicId) }))
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
    feedUrl: p.feedUrl ?? null,
  }));
}
