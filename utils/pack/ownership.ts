/**
 * Who speaks for an actor or a topic when several packs describe the same id: the ONE rule the
 * store (cards, matrix, the page dictionary) and the `spot` command both use (docs/threat-model.md,
 * "Ownership").
 *
 * - An id is owned by the pack that first described it ("claimed on first install"), and stays
 *   owned by it while that pack describes it.
 * - Verified content never takes its wording from unverified content: a verified pack that
 *   describes an id an unverified pack claimed takes the claim over.
 * - Only the owner defines the actor (name, kind, role, country, groups, how its surname is
 *   matched) or the topic (proposition, label, keywords). Another pack that describes the same id
 *   refers to it: it adds its own positions and aliases (marked as its own), never a new name, role
 *   or wording. Exclusions (longer names that mean someone else) only make matching stricter, so
 *   every pack's are kept.
 * - A position of another pack on an owned topic is shown only when that pack words the topic
 *   exactly as the owner does: a stance answers a question, and a reworded question would turn
 *   the answer around.
 *
 * Pure and synchronous, with no store access, so page-side code and Node tools can import it.
 */
import type { Actor, MatchPolicy, Topic } from './schema';
import { nameKey } from '../fold';
import type { ActorIdentity, DictionaryActor } from '../views';

/** What a claim is about. */
export type ClaimKind = 'actor' | 'topic';

/** `actor:zelenskyy`, `topic:nato-bid`: the key of one claim. */
export const claimKey = (kind: ClaimKind, id: string) => `${kind}:${id}`;

/** A pack as the ownership rule sees it. */
export interface PackStanding {
  id: string;
  verified: boolean;
  /** Position in the order packs were first installed (lower = earlier). */
  order: number;
}

/** The ids one pack describes. */
export interface Described {
  packId: string;
  actorIds: readonly string[];
  topicIds: readonly string[];
}

/** claim key -> owning pack id. */
export type Claims = Map<string, string>;

/** Earlier first; verified before unverified. */
function better(a: PackStanding, b: PackStanding): number {
  if (a.verified !== b.verified) return a.verified ? -1 : 1;
  return a.order - b.order || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/**
 * The claims after the installed set changed: every described id keeps its owner while that pack
 * still describes it and no verified pack describes it over an unverified owner; otherwise the
 * best describer (verified first, then earliest installed) takes it. Ids no pack describes are
 * released.
 */
export function reconcileClaims(
  previous: ReadonlyMap<string, string>,
  described: readonly Described[],
  standings: ReadonlyMap<string, PackStanding>,
): Claims {
  const describers = new Map<string, PackStanding[]>();
  for (const d of described) {
    const standing = standings.get(d.packId);
    if (!standing) continue;
    const add = (key: string) => describers.set(key, [...(describers.get(key) ?? []), standing]);
    for (const id of new Set(d.actorIds)) add(claimKey('actor', id));
    for (const id of new Set(d.topicIds)) add(claimKey('topic', id));
  }
  const claims: Claims = new Map();
  for (const [key, list] of describers) {
    const best = [...list].sort(better)[0]!;
    const current = list.find((s) => s.id === previous.get(key));
    const keep = current && (current.verified || !best.verified);
    claims.set(key, keep ? current.id : best.id);
  }
  return claims;
}

/** The claims of packs installed one after another in `packs` order (the `spot` command). */
export function claimsInOrder(
  packs: readonly {
    id: string;
    verified: boolean;
    actors: readonly { id: string }[];
    topics: readonly { id: string }[];
  }[],
): { claims: Claims; standings: Map<string, PackStanding> } {
  let claims: Claims = new Map();
  const standings = new Map<string, PackStanding>();
  const described: Described[] = [];
  packs.forEach((p, order) => {
    standings.set(p.id, { id: p.id, verified: p.verified, order });
    described.push({
      packId: p.id,
      actorIds: p.actors.map((a) => a.id),
      topicIds: p.topics.map((t) => t.id),
    });
    claims = reconcileClaims(claims, described, standings);
  });
  return { claims, standings };
}

/** An actor as one pack describes it. */
export type ActorDescription = Actor & { packId: string };

/** One actor as the packs together describe it, under its owner's definition. */
export interface OwnedActor extends ActorIdentity {
  /** The owner's aliases first, then those other packs add (see `ownedDictionary`). */
  aliases: string[];
  match: MatchPolicy;
  /** The pack whose definition this is. */
  ownerPackId: string;
  /** Every pack that describes the actor, the owner first. */
  packIds: string[];
}

const union = <T>(lists: T[][]): T[] => [...new Set(lists.flat())];

/**
 * Merges the descriptions of one actor id under its owner. Returns null when the owner is not
 * among `rows` (its pack is filtered out, for instance imported packs kept off the page).
 * `rows` must be in describer order (see `byStanding`).
 */
function ownedActor(rows: readonly ActorDescription[], owner: string): OwnedActor | null {
  const top = rows.find((r) => r.packId === owner);
  if (!top) return null;
  const others = rows.filter((r) => r !== top);
  const exclude = union([top, ...others].map((r) => r.match.exclude ?? []));
  return {
    id: top.id,
    kind: top.kind,
    name: top.name,
    role: top.role,
    country: top.country,
    memberOf: [...top.memberOf],
    aliases: union([top.aliases, ...others.map((r) => r.aliases)]),
    match: { ...top.match, ...(exclude.length > 0 ? { exclude } : {}) },
    ownerPackId: owner,
    packIds: [owner, ...others.map((r) => r.packId)],
  };
}

/** True when a pack words a topic as its owner does, so its stances answer the same question. */
export function sameQuestion(a: Pick<Topic, 'proposition'>, b: Pick<Topic, 'proposition'>) {
  return a.proposition.normalize('NFC').trim() === b.proposition.normalize('NFC').trim();
}

/** Orders rows of packs by their standing (verified, then first installed). */
function byStanding<T extends { packId: string }>(
  rows: readonly T[],
  standings: ReadonlyMap<string, PackStanding>,
): T[] {
  const known = rows.filter((r) => standings.has(r.packId));
  return known.sort((a, b) => better(standings.get(a.packId)!, standings.get(b.packId)!));
}

/** Groups rows by id and merges each actor under its owner; actors without an owner drop out. */
export function ownedActors(
  rows: readonly ActorDescription[],
  claims: ReadonlyMap<string, string>,
  standings: ReadonlyMap<string, PackStanding>,
): Map<string, OwnedActor> {
  const byId = new Map<string, ActorDescription[]>();
  for (const r of byStanding(rows, standings)) byId.set(r.id, [...(byId.get(r.id) ?? []), r]);
  const out = new Map<string, OwnedActor>();
  for (const [id, list] of byId) {
    const owner = claims.get(claimKey('actor', id));
    const merged = owner === undefined ? null : ownedActor(list, owner);
    if (merged) out.set(id, merged);
  }
  return out;
}

/**
 * The aliases each actor may be spotted by: an alias another pack adds is dropped when it folds
 * to a name of a different actor (an owner's alias, or one added earlier), so no pack can make a
 * page's "Putin" open someone else's card.
 */
function spottableAliases(actors: readonly OwnedActor[], rows: readonly ActorDescription[]) {
  const taken = new Map<string, string>();
  const ownerRows = new Map(rows.map((r) => [`${r.packId}\u0000${r.id}`, r]));
  for (const a of actors) {
    const own = ownerRows.get(`${a.ownerPackId}\u0000${a.id}`);
    for (const alias of own?.aliases ?? []) {
      const key = nameKey(alias);
      if (!taken.has(key)) taken.set(key, a.id);
    }
  }
  const out = new Map<string, string[]>();
  for (const a of actors) {
    const kept = a.aliases.filter((alias) => {
      const key = nameKey(alias);
      const holder = taken.get(key);
      if (holder === undefined) taken.set(key, a.id);
      return (holder ?? a.id) === a.id;
    });
    out.set(a.id, kept);
  }
  return out;
}

/**
 * The page dictionary's actors, by id: each actor under its owner's match policy with the aliases
 * it may be spotted by. The store's `dictionary` query and `dictionaryFromPacks` (the `spot`
 * command, the bench) both build it here.
 */
export function dictionaryActors(
  rows: readonly ActorDescription[],
  claims: ReadonlyMap<string, string>,
  standings: ReadonlyMap<string, PackStanding>,
): DictionaryActor[] {
  const actors = [...ownedActors(rows, claims, standings).values()].sort((a, b) =>
    a.id < b.id ? -1 : 1,
  );
  const aliases = spottableAliases(actors, rows);
  return actors.map((a) => ({
    id: a.id,
    kind: a.kind,
    aliases: aliases.get(a.id) ?? [],
    match: a.match,
  }));
}
