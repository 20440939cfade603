/**
 * Turns one pack into the rows of the derived tables. Pure and synchronous, so an install does
 * all its CPU work before it opens its transaction and the transaction only writes.
 */
import type { Actor, Pack } from '../pack/schema';
import type { ActorRow, PositionRow, SourceRow, TopicRow } from './database';
import { containsWords, nameKey } from '../fold';

/**
 * Raise whenever `packRows` derives different rows from the same pack, so installed packs are
 * rebuilt from their stored bodies at the next start. 2: source counts follow the match policy;
 * 3: sources name an actor by the page matcher's key, accents kept (utils/fold.ts).
 */
export const ROWS_FORMAT = 3;

/** The rows one pack contributes to the derived tables. */
export interface PackRows {
  sources: SourceRow[];
  actors: ActorRow[];
  topics: TopicRow[];
  positions: PositionRow[];
}

/** A source text prepared for name lookups. */
interface PreparedText {
  sha256: string;
  /** `nameKey` of the text: the page matcher's rule (utils/fold.ts). */
  folded: string;
  /** The text with only spacing unified: case-sensitive lookups (surnames that are common words). */
  cased: string;
}

/** Spacing unified, case and accents kept. */
const casedForm = (s: string) => s.normalize('NFC').replace(/\s+/g, ' ');

/**
 * True when a source names the actor, following the actor's match policy as the spotter does on a
 * page: a full alias always counts; a bare surname counts when the policy says `always`, or, for
 * `in-context`, when a title stands right before it. Phrases listed in `exclude` (someone else
 * with the same name) are taken out first. A surname that is also a common word must keep its
 * capital.
 */
export function namesActor(actor: Actor, text: PreparedText): boolean {
  const aliases = actor.aliases.map(nameKey).filter(Boolean);
  if (aliases.some((a) => containsWords(text.folded, a))) return true;
  const { surnames, bareSurname, titles, commonWord, exclude = [] } = actor.match;
  if (bareSurname === 'never' || surnames.length === 0) return false;
  let folded = text.folded;
  let cased = text.cased;
  for (const phrase of exclude) {
    folded = folded.split(nameKey(phrase)).join(' ');
    cased = cased.split(casedForm(phrase)).join(' ');
  }
  const found = (phrase: string) =>
    commonWord ? containsWords(cased, casedForm(phrase)) : containsWords(folded, nameKey(phrase));
  if (bareSurname === 'always') return surnames.some(found);
  return titles.some((title) => surnames.some((surname) => found(`${title} ${surname}`)));
}

/**
 * Builds the rows of one pack. `namedIn` of each actor lists the sources (by sha256) whose text
 * names the actor (see `namesActor`), so that a card's source count costs nothing at hover time.
 */
export function packRows(pack: Pack): PackRows {
  const packId = pack.id;
  const texts: PreparedText[] = pack.sources
    .filter((s) => s.text !== undefined)
    .map((s) => ({
      sha256: s.sha256,
      folded: nameKey(s.text ?? ''),
      cased: casedForm(s.text ?? ''),
    }));

  const actors: ActorRow[] = pack.actors.map((actor) => {
    const namedIn = texts.filter((t) => namesActor(actor, t)).map((t) => t.sha256);
    return { ...actor, packId, namedIn: [...new Set(namedIn)] };
  });

  return {
    sources: pack.sources.map((s) => ({ ...s, packId })),
    actors,
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
