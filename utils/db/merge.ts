/**
 * Several packs at once (docs/store.md): the same actor id in two packs is one actor, the same
 * topic id one topic. The newest pack's fields win; lists (aliases, memberships, keywords,
 * surname rules) are unioned, newest pack's entries first.
 */
import type { MatchPolicy } from '../pack/schema';
import type { ActorSummary, TopicView } from '../views';
import type { ActorRow, PackRow, TopicRow } from './database';

/** Orders packs newest first: later `publishedAt`, then higher version, then id. */
export function comparePacksNewestFirst(a: PackRow, b: PackRow): number {
  if (a.publishedAt !== b.publishedAt) return a.publishedAt < b.publishedAt ? 1 : -1;
  if (a.version !== b.version) return b.version - a.version;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Pack id -> rank (0 = newest); rows of packs not installed sort last. */
export type PackRank = Map<string, number>;

/** Ranks the installed packs so merges can ask which of two packs is newer. */
export function packRank(packs: PackRow[]): PackRank {
  return new Map([...packs].sort(comparePacksNewestFirst).map((p, i) => [p.id, i]));
}

const rankOf = (rank: PackRank, packId: string) => rank.get(packId) ?? Number.MAX_SAFE_INTEGER;

const union = <T>(lists: T[][]): T[] => [...new Set(lists.flat())];

/** One actor as all installed packs together describe it. */
export interface MergedActor {
  id: string;
  kind: ActorRow['kind'];
  name: string;
  role: string;
  country: string | null;
  aliases: string[];
  memberOf: string[];
  match: MatchPolicy;
  /** sha256 of every source (of any pack) whose text names the actor. */
  namedIn: Set<string>;
  /** Ids of the packs that describe the actor, newest first. */
  packIds: string[];
}

/** Merges the rows of one actor id (from any number of packs). `rows` must not be empty. */
export function mergeActor(rows: ActorRow[], rank: PackRank): MergedActor {
  const sorted = [...rows].sort((a, b) => rankOf(rank, a.packId) - rankOf(rank, b.packId));
  const top = sorted[0]!;
  return {
    id: top.id,
    kind: top.kind,
    name: top.name,
    role: top.role,
    country: top.country,
    aliases: union(sorted.map((r) => r.aliases)),
    memberOf: union(sorted.map((r) => r.memberOf)),
    match: {
      surnames: union(sorted.map((r) => r.match.surnames)),
      bareSurname: top.match.bareSurname,
      givenNames: union(sorted.map((r) => r.match.givenNames)),
      titles: union(sorted.map((r) => r.match.titles)),
      commonWord: top.match.commonWord,
      ...(sorted.some((r) => r.match.exclude)
        ? { exclude: union(sorted.map((r) => r.match.exclude ?? [])) }
        : {}),
    },
    namedIn: new Set(sorted.flatMap((r) => r.namedIn)),
    packIds: sorted.map((r) => r.packId),
  };
}

/** Groups actor rows by id and merges each group. */
export function mergeActors(rows: ActorRow[], rank: PackRank): Map<string, MergedActor> {
  const byId = new Map<string, ActorRow[]>();
  for (const r of rows) {
    if (!rank.has(r.packId)) continue;
    byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  }
  return new Map([...byId].map(([id, list]) => [id, mergeActor(list, rank)]));
}

/** The read model of a merged actor (what cards and the matrix show). */
export function actorSummary(a: MergedActor): ActorSummary {
  return {
    id: a.id,
    kind: a.kind,
    name: a.name,
    role: a.role,
    country: a.country,
    memberOf: [...a.memberOf],
  };
}

/** One topic as all installed packs together describe it. */
export interface MergedTopic extends TopicView {
  keywords: string[];
}

/** Groups topic rows by id; the newest pack's wording wins, keywords are unioned. */
export function mergeTopics(rows: TopicRow[], rank: PackRank): Map<string, MergedTopic> {
  const byId = new Map<string, TopicRow[]>();
  for (const r of rows) {
    if (!rank.has(r.packId)) continue;
    byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  }
  const out = new Map<string, MergedTopic>();
  for (const [id, list] of byId) {
    const sorted = list.sort((a, b) => rankOf(rank, a.packId) - rankOf(rank, b.packId));
    const top = sorted[0]!;
    out.set(id, {
      id,
      proposition: top.proposition,
      label: top.label,
      keywords: union(sorted.map((t) => t.keywords)),
    });
  }
  return out;
}

/** The read model of a merged topic (keywords stay in the background). */
export function topicView(t: MergedTopic): { id: string; proposition: string; label: string } {
  return { id: t.id, proposition: t.proposition, label: t.label };
}
