/**
 * Turns one pack into the rows of the derived tables. Pure and synchronous, so an install does
 * all its CPU work before it opens its transaction and the transaction only writes.
 */
import type { Pack } from '../pack/schema';
import type { ActorRow, AliasRow, PositionRow, SourceRow, TopicRow } from './database';
import { containsWords, normalizeName } from './normalize';

/** The rows one pack contributes to the derived tables. */
export interface PackRows {
  sources: SourceRow[];
  actors: ActorRow[];
  aliases: AliasRow[];
  topics: TopicRow[];
  positions: PositionRow[];
}

/**
 * Builds the rows of one pack. `namedIn` of each actor lists the sources (by sha256) whose text
 * names the actor by a full alias, so that a card's source count costs nothing at hover time.
 */
export function packRows(pack: Pack): PackRows {
  const packId = pack.id;
  const foldedTexts = pack.sources
    .filter((s) => s.text !== undefined)
    .map((s) => ({ sha256: s.sha256, text: normalizeName(s.text ?? '') }));

  const aliases: AliasRow[] = [];
  const actors: ActorRow[] = pack.actors.map((actor) => {
    const norms = [...new Set(actor.aliases.map(normalizeName).filter(Boolean))];
    for (const norm of norms) {
      const alias = actor.aliases.find((a) => normalizeName(a) === norm) ?? norm;
      aliases.push({ packId, actorId: actor.id, alias, norm });
    }
    const namedIn = foldedTexts
      .filter((s) => norms.some((n) => containsWords(s.text, n)))
      .map((s) => s.sha256);
    return { ...actor, packId, namedIn: [...new Set(namedIn)] };
  });

  return {
    sources: pack.sources.map((s) => ({ ...s, packId })),
    actors,
    aliases,
    topics: pack.topics.map((t) => ({ ...t, packId })),
    positions: pack.positions.map((p) => ({
      packId,
      id: p.id,
      actorId: p.actor,
      topicId: p.topic,
      sourceId: p.evidence.sourceId,
      stance: p.stance,
      summary: p.summary,
      evidence: p.evidence,
      date: p.date,
    })),
  };
}
