/**
 * The checks a schema cannot express: ids are unique and resolve, groups are groups, no alias
 * names two actors, and every evidence text is exactly the source text at its offsets. They run
 * on a schema-valid pack wherever one enters the system (build, file import, feed sync), so each
 * check is exported on its own as well as bundled in `checkPackSemantics`.
 */
import type { Pack } from './schema';
import type { Problem } from './problems';
import { sha256Text } from './sha256';
import { nameKey } from '../fold';

type Collection = 'sources' | 'actors' | 'topics' | 'positions';

/** Every id used twice within sources, actors, topics or positions. */
function findDuplicateIds(pack: Pack): Problem[] {
  const problems: Problem[] = [];
  const collections: Collection[] = ['sources', 'actors', 'topics', 'positions'];
  for (const name of collections) {
    const first = new Map<string, number>();
    pack[name].forEach((item, i) => {
      const seen = first.get(item.id);
      if (seen === undefined) first.set(item.id, i);
      else
        problems.push({
          path: `${name}[${i}].id`,
          message: `"${item.id}" is already the id of ${name}[${seen}]; ids must be unique`,
        });
    });
  }
  return problems;
}

/** References that name nothing: a position's actor, topic or source, a membership's group. */
function findDanglingReferences(pack: Pack): Problem[] {
  const problems: Problem[] = [];
  const actors = new Map(pack.actors.map((a) => [a.id, a]));
  const topics = new Set(pack.topics.map((t) => t.id));
  const sources = new Set(pack.sources.map((s) => s.id));

  pack.actors.forEach((actor, i) => {
    actor.memberOf.forEach((groupId, j) => {
      const path = `actors[${i}].memberOf[${j}]`;
      const group = actors.get(groupId);
      if (!group) problems.push({ path, message: `names no actor of this pack ("${groupId}")` });
      else if (groupId === actor.id)
        problems.push({ path, message: 'an actor cannot be a member of itself' });
      else if (group.kind !== 'group')
        problems.push({
          path,
          message: `"${groupId}" is a person; memberOf must name a group actor`,
        });
    });
  });

  pack.positions.forEach((position, i) => {
    if (!actors.has(position.actor))
      problems.push({
        path: `positions[${i}].actor`,
        message: `names no actor of this pack ("${position.actor}")`,
      });
    if (!topics.has(position.topic))
      problems.push({
        path: `positions[${i}].topic`,
        message: `names no topic of this pack ("${position.topic}")`,
      });
    if (!sources.has(position.evidence.sourceId))
      problems.push({
        path: `positions[${i}].evidence.sourceId`,
        message: `names no source of this pack ("${position.evidence.sourceId}")`,
      });
  });
  return problems;
}

/**
 * An alias that two actors claim: a page could not tell them apart. Aliases are compared by the
 * matcher's own key (`nameKey`, utils/fold.ts), so two forms collide when the matcher reads them as
 * one and also when they differ only in compatibility forms (full-width letters, ligatures).
 */
function findAliasCollisions(pack: Pack): Problem[] {
  const problems: Problem[] = [];
  const owner = new Map<string, { actor: string; index: number }>();
  pack.actors.forEach((actor, i) => {
    const own = new Set<string>();
    actor.aliases.forEach((alias, j) => {
      const key = nameKey(alias);
      if (own.has(key)) return; // the same actor listing a form twice is harmless
      own.add(key);
      const other = owner.get(key);
      if (other && other.actor !== actor.id)
        problems.push({
          path: `actors[${i}].aliases[${j}]`,
          message: `"${alias}" is also an alias of actors[${other.index}] ("${other.actor}"); an alias must name one actor`,
        });
      else owner.set(key, { actor: actor.id, index: i });
    });
  });
  return problems;
}

/**
 * Offsets that make sense, and, where the source carries its text, evidence that is exactly the
 * source text between them. This is what lets every card point at the words it rests on.
 */
function checkEvidence(pack: Pack): Problem[] {
  const problems: Problem[] = [];
  const sources = new Map(pack.sources.map((s) => [s.id, s]));
  pack.positions.forEach((position, i) => {
    const { start, end, text, sourceId } = position.evidence;
    const path = `positions[${i}].evidence`;
    if (start >= end) {
      problems.push({ path: `${path}.end`, message: `must be greater than start (${start})` });
      return;
    }
    if (end - start !== text.length) {
      problems.push({
        path: `${path}.text`,
        message: `is ${text.length} characters long but start..end spans ${end - start}`,
      });
      return;
    }
    const source = sources.get(sourceId);
    if (source?.text === undefined) return;
    if (end > source.text.length) {
      problems.push({
        path: `${path}.end`,
        message: `is past the end of source "${sourceId}" (${source.text.length} characters)`,
      });
      return;
    }
    if (source.text.slice(start, end) !== text)
      problems.push({
        path: `${path}.text`,
        message: `does not match source "${sourceId}" at ${start}..${end}, which reads "${clip(source.text.slice(start, end))}"`,
      });
  });
  return problems;
}

/** A source whose text is present must hash to the sha256 it declares. */
function checkSourceHashes(pack: Pack): Problem[] {
  const problems: Problem[] = [];
  pack.sources.forEach((source, i) => {
    if (source.text === undefined) return;
    const actual = sha256Text(source.text);
    if (actual !== source.sha256)
      problems.push({
        path: `sources[${i}].sha256`,
        message: `does not match the source text, whose sha256 is ${actual}`,
      });
  });
  return problems;
}

/** All semantic checks, in a stable order. An empty list means the pack is consistent. */
export function checkPackSemantics(pack: Pack): Problem[] {
  return [
    ...findDuplicateIds(pack),
    ...findDanglingReferences(pack),
    ...findAliasCollisions(pack),
    ...checkEvidence(pack),
    ...checkSourceHashes(pack),
  ];
}

/** Keeps quoted source text in a message short. */
function clip(text: string, max = 80): string {
  const s = text.replace(/\s+/g, ' ');
  return s.length <= max ? s : `${s.slice(0, max - 1)}…`;
}
