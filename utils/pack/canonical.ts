/**
 * The canonical form of a pack: keys in the schema's order, lists whose order carries no meaning
 * sorted by code unit, two-space JSON and a final newline. The same pack always serialises to
 * the same bytes, so builds are reproducible, diffs are small and a hash of the file is stable.
 */
import type { Actor, Pack, Position, Source, Topic } from './schema';

/** Code-unit order: the same on every machine and locale, unlike `localeCompare`. */
export function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const sorted = (list: readonly string[]) => [...list].sort(compareCodeUnits);
const byId = <T extends { id: string }>(list: readonly T[]) =>
  [...list].sort((a, b) => compareCodeUnits(a.id, b.id));

function canonicalSource(s: Source): Source {
  return {
    id: s.id,
    title: s.title,
    publisher: s.publisher,
    url: s.url,
    publishedAt: s.publishedAt,
    language: s.language,
    sha256: s.sha256,
    ...(s.text === undefined ? {} : { text: s.text }),
  };
}

function canonicalActor(a: Actor): Actor {
  return {
    id: a.id,
    kind: a.kind,
    name: a.name,
    role: a.role,
    country: a.country,
    aliases: sorted(a.aliases),
    memberOf: sorted(a.memberOf),
    match: {
      surnames: sorted(a.match.surnames),
      bareSurname: a.match.bareSurname,
      givenNames: sorted(a.match.givenNames),
      titles: sorted(a.match.titles),
      commonWord: a.match.commonWord,
      ...(a.match.exclude === undefined ? {} : { exclude: sorted(a.match.exclude) }),
      ...(a.match.namesakes === undefined ? {} : { namesakes: sorted(a.match.namesakes) }),
      ...(a.match.inflection === undefined ? {} : { inflection: a.match.inflection }),
      ...(a.match.context === undefined ? {} : { context: sorted(a.match.context) }),
      ...(a.match.lowerCase === undefined ? {} : { lowerCase: a.match.lowerCase }),
    },
  };
}

function canonicalTopic(t: Topic): Topic {
  return { id: t.id, proposition: t.proposition, label: t.label, keywords: sorted(t.keywords) };
}

function canonicalPosition(p: Position): Position {
  return {
    id: p.id,
    actor: p.actor,
    topic: p.topic,
    stance: p.stance,
    summary: p.summary,
    evidence: {
      sourceId: p.evidence.sourceId,
      start: p.evidence.start,
      end: p.evidence.end,
      text: p.evidence.text,
      kind: p.evidence.kind,
    },
    date: p.date,
  };
}

/** A copy of `pack` in canonical order. Content is unchanged; only order is normalised. */
export function canonicalPack(pack: Pack): Pack {
  return {
    format: pack.format,
    id: pack.id,
    version: pack.version,
    title: pack.title,
    description: pack.description,
    publishedAt: pack.publishedAt,
    language: pack.language,
    sources: byId(pack.sources).map(canonicalSource),
    actors: byId(pack.actors).map(canonicalActor),
    topics: byId(pack.topics).map(canonicalTopic),
    positions: byId(pack.positions).map(canonicalPosition),
  };
}

/** The canonical file text of a pack. */
export function serializePack(pack: Pack): string {
  return `${JSON.stringify(canonicalPack(pack), null, 2)}\n`;
}
