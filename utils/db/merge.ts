/**
 * Several packs at once (docs/store.md): the store's adapter to the one ownership rule in
 * utils/pack/ownership.ts. The pack that owns an actor or topic id defines it; other packs add
 * positions and aliases under their own name.
 */
import {
  claimKey,
  ownedActors,
  sameQuestion,
  type OwnedActor,
  type PackStanding,
} from '../pack/ownership';
import type { ActorSummary, PackLabel, TopicView } from '../views';
import type { ActorRow, PackRow, TopicRow } from './database';

/** Orders packs newest first: later `publishedAt`, then higher version, then id. */
export function comparePacksNewestFirst(a: PackRow, b: PackRow): number {
  if (a.publishedAt !== b.publishedAt) return a.publishedAt < b.publishedAt ? 1 : -1;
  if (a.version !== b.version) return b.version - a.version;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Whose word something is: the label every surface shows beside a position or a person. */
export function packLabel(p: PackRow): PackLabel {
  return { id: p.id, title: p.title, verified: p.verified };
}

/** The installed packs as the ownership rule sees them. */
export interface Ownership {
  packs: Map<string, PackRow>;
  claims: Map<string, string>;
  standings: Map<string, PackStanding>;
}

/** One actor as its owner defines it, with the rows every pack gave (for `namedIn`). */
export interface MergedActor extends OwnedActor {
  /** sha256 of every source (of any pack) whose text names the actor. */
  namedIn: Set<string>;
}

/** Merges actor rows under their owners; rows of packs not installed are ignored. */
export function mergeActors(rows: ActorRow[], o: Ownership): Map<string, MergedActor> {
  const owned = ownedActors(rows, o.claims, o.standings);
  const namedIn = new Map<string, Set<string>>();
  for (const r of rows) {
    if (!o.packs.has(r.packId)) continue;
    const set = namedIn.get(r.id) ?? new Set<string>();
    for (const sha of r.namedIn) set.add(sha);
    namedIn.set(r.id, set);
  }
  return new Map(
    [...owned].map(([id, a]) => [id, { ...a, namedIn: namedIn.get(id) ?? new Set() }]),
  );
}

/** The read model of a merged actor (what cards and the matrix show), with its owner's label. */
export function actorSummary(a: OwnedActor, o: Ownership): ActorSummary {
  const { id, kind, name, role, country, memberOf } = a;
  const definedBy = packLabel(o.packs.get(a.ownerPackId)!);
  return { id, kind, name, role, country, memberOf: [...memberOf], definedBy };
}

/** One topic as its owner words it, and which packs' positions may stand under that wording. */
export interface MergedTopic extends TopicView {
  keywords: string[];
  /** Packs that word the topic as its owner does: only their positions are shown under it. */
  askedBy: Set<string>;
}

/** Topics under their owners' wording (owner's proposition, label and keywords). */
export function mergeTopics(rows: TopicRow[], o: Ownership): Map<string, MergedTopic> {
  const byId = new Map<string, TopicRow[]>();
  for (const r of rows) {
    if (!o.packs.has(r.packId)) continue;
    byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  }
  const out = new Map<string, MergedTopic>();
  for (const [id, list] of byId) {
    const owner = list.find((t) => t.packId === o.claims.get(claimKey('topic', id)));
    if (!owner) continue;
    out.set(id, {
      id,
      proposition: owner.proposition,
      label: owner.label,
      keywords: [...owner.keywords],
      askedBy: new Set(list.filter((t) => sameQuestion(t, owner)).map((t) => t.packId)),
    });
  }
  return out;
}

/** The read model of a merged topic (keywords stay in the background). */
export function topicView(t: MergedTopic): TopicView {
  return { id: t.id, proposition: t.proposition, label: t.label };
}
