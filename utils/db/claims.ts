/**
 * The store's side of the ownership rule (utils/pack/ownership.ts): the `claims` table says which
 * pack owns each actor and topic id. Every operation that changes the installed set settles the
 * claims inside its own transaction, so ownership never lags behind the packs.
 */
import { claimKey, reconcileClaims, sameQuestion, type PackStanding } from '../pack/ownership';
import type { Pack } from '../pack/schema';
import { claimRows, type PackRow, type StandpointDB } from './database';

/** Each installed pack's standing: verified or not, and its place in the install order. */
export function standings(packs: readonly PackRow[]): Map<string, PackStanding> {
  const first = (p: PackRow) => p.firstInstalledAt ?? p.installedAt;
  const sorted = [...packs].sort((a, b) =>
    first(a) < first(b) ? -1 : first(a) > first(b) ? 1 : a.id < b.id ? -1 : 1,
  );
  return new Map(sorted.map((p, order) => [p.id, { id: p.id, verified: p.verified, order }]));
}

/** The claims as stored: claim key -> owning pack id. */
export async function readClaims(db: StandpointDB): Promise<Map<string, string>> {
  return new Map((await db.claims.toArray()).map((c) => [c.key, c.packId]));
}

/**
 * Recomputes the claims from the installed packs' rows and the stored claims. Call inside the
 * transaction that changed the installed set, after its rows are written.
 */
export async function settleClaims(db: StandpointDB): Promise<void> {
  const [packs, actors, topics, previous] = await Promise.all([
    db.packs.toArray(),
    db.actors.toArray(),
    db.topics.toArray(),
    readClaims(db),
  ]);
  const byPack = new Map(
    packs.map((p) => [p.id, { actorIds: [] as string[], topicIds: [] as string[] }]),
  );
  for (const a of actors) byPack.get(a.packId)?.actorIds.push(a.id);
  for (const t of topics) byPack.get(t.packId)?.topicIds.push(t.id);
  const described = [...byPack].map(([packId, d]) => ({ packId, ...d }));
  const claims = reconcileClaims(previous, described, standings(packs));
  await db.claims.clear();
  await db.claims.bulkPut(claimRows(claims));
}

/**
 * The sentence refusing a pack that words another pack's topic differently (its stances would
 * answer another question under that pack's wording), or null. A verified pack is not refused
 * over an unverified owner: it takes the topic over.
 */
export async function rewordingRefusal(
  db: StandpointDB,
  pack: Pack,
  verified: boolean,
): Promise<string | null> {
  if (pack.topics.length === 0) return null;
  const claims = await db.claims.bulkGet(pack.topics.map((t) => claimKey('topic', t.id)));
  for (const [i, claim] of claims.entries()) {
    if (!claim || claim.packId === pack.id) continue;
    const owner = await db.packs.get(claim.packId);
    if (!owner || (verified && !owner.verified)) continue;
    const theirs = await db.topics.get([claim.packId, claim.id]);
    const ours = pack.topics[i]!;
    if (theirs && !sameQuestion(ours, theirs)) {
      return (
        `“${pack.title}” was refused: it words the topic “${theirs.label}” as “${ours.proposition}”, ` +
        `but “${owner.title}” defined it as “${theirs.proposition}”. A pack may answer another ` +
        `pack's question, never reword it; give the topic an id of its own`
      );
    }
  }
  return null;
}
