/**
 * Turns a pack folder's annotations and source files into a checked pack: source texts read as
 * strict UTF-8 and matched against their declared sha256, evidence offsets found from the quoted
 * words (refused when absent or ambiguous), then the full validator. Pure: the caller supplies
 * the files, so tests build packs from memory and the script (scripts/pack-build.ts) does the I/O.
 */
import { PACK_FORMAT, type Evidence, type Pack, type Source } from './schema';
import {
  annotationsSchema,
  type Annotations,
  type EvidenceAnnotation,
  type SourceAnnotation,
} from './annotations';
import { canonicalPack } from './canonical';
import { capProblems, problemsFromZod, type Problem } from './problems';
import { sha256 } from './sha256';
import { findForbiddenKeys, validatePack } from './validate';

export type BuildResult =
  | { ok: true; pack: Pack; warnings: Problem[] }
  | { ok: false; problems: Problem[]; warnings: Problem[] };

/** Reads a file next to pack.yaml by name; `undefined` when there is none. */
export type ReadSourceFile = (name: string) => Uint8Array | undefined;

/** Every start offset of `needle` in `haystack`, overlapping ones included. */
export function findOccurrences(haystack: string, needle: string): number[] {
  const found: number[] = [];
  if (needle === '') return found;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + 1))
    found.push(at);
  return found;
}

/** Typographic quotes, dashes and spaces folded to plain ones, for a helpful hint only. */
function loosen(s: string): string {
  return s
    .replace(/[‘’‚‛′]/g, "'")
    .replace(/[“”„‟″]/g, '"')
    .replace(/[‐‑‒–—―]/g, '-')
    .replace(/\s+/g, ' ');
}

function readSources(
  sources: SourceAnnotation[],
  readFile: ReadSourceFile,
): { texts: Map<string, string>; problems: Problem[] } {
  const texts = new Map<string, string>();
  const problems: Problem[] = [];
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
  sources.forEach((source, i) => {
    const bytes = readFile(source.file);
    if (bytes === undefined) {
      problems.push({
        path: `sources[${i}].file`,
        message: `"${source.file}" is not in the pack folder`,
      });
      return;
    }
    const actual = sha256(bytes);
    if (actual !== source.sha256) {
      problems.push({
        path: `sources[${i}].sha256`,
        message: `does not match "${source.file}", whose sha256 is ${actual}; was the file changed?`,
      });
      return;
    }
    try {
      texts.set(source.id, decoder.decode(bytes));
    } catch {
      problems.push({ path: `sources[${i}].file`, message: `"${source.file}" is not valid UTF-8` });
    }
  });
  return { texts, problems };
}

function resolveEvidence(
  evidence: EvidenceAnnotation,
  path: string,
  annotations: Annotations,
  texts: Map<string, string>,
): { evidence?: Evidence; problems: Problem[] } {
  const fail = (where: string, message: string) => ({
    problems: [{ path: `${path}.${where}`, message }],
  });
  let sourceId = evidence.sourceId;
  if (sourceId === undefined) {
    if (annotations.sources.length !== 1)
      return fail('sourceId', 'is missing; name the source when a pack has more than one');
    sourceId = annotations.sources[0]!.id;
  }
  const sourceText = texts.get(sourceId);
  if (sourceText === undefined) {
    const known = annotations.sources.some((s) => s.id === sourceId);
    return known
      ? { problems: [] } // the source itself is already reported as unreadable
      : fail('sourceId', `names no source of this pack ("${sourceId}")`);
  }
  const { text, kind } = evidence;
  const make = (start: number): { evidence: Evidence; problems: Problem[] } => ({
    evidence: { sourceId, start, end: start + text.length, text, kind },
    problems: [],
  });

  if (evidence.start !== undefined || evidence.end !== undefined) {
    const { start, end } = evidence;
    if (start === undefined || end === undefined)
      return fail(
        start === undefined ? 'start' : 'end',
        'is needed when the other offset is given',
      );
    if (sourceText.slice(start, end) !== text)
      return fail('text', `is not the text of source "${sourceId}" at ${start}..${end}`);
    return make(start);
  }

  const at = findOccurrences(sourceText, text);
  if (at.length === 0) {
    const loose = findOccurrences(loosen(sourceText), loosen(text)).length > 0;
    return fail(
      'text',
      loose
        ? `is not in source "${sourceId}" exactly; it differs in quotes, dashes or spaces: copy it from the source`
        : `is not in source "${sourceId}"; evidence must be copied word for word`,
    );
  }
  if (evidence.occurrence !== undefined) {
    const start = at[evidence.occurrence - 1];
    if (start === undefined)
      return fail(
        'occurrence',
        `is ${evidence.occurrence} but the text appears only ${at.length} time(s) in source "${sourceId}"`,
      );
    return make(start);
  }
  if (at.length > 1)
    return fail(
      'text',
      `appears ${at.length} times in source "${sourceId}" (at ${at.join(', ')}); quote more words or add "occurrence"`,
    );
  return make(at[0]!);
}

/** Warnings for actors none of whose names appear in any source text: likely a typo or a stray. */
function findUnmentionedActors(pack: Pack): Problem[] {
  const texts = pack.sources.flatMap((s) => (s.text === undefined ? [] : [s.text]));
  if (texts.length === 0) return [];
  const warnings: Problem[] = [];
  pack.actors.forEach((actor, i) => {
    const names = [...actor.aliases, ...actor.match.surnames];
    if (!names.some((name) => texts.some((t) => t.includes(name))))
      warnings.push({
        path: `actors[${i}]`,
        message: `"${actor.id}" is not mentioned by any source under any of its names`,
      });
  });
  return warnings;
}

/** Warnings for sources no position cites and topics no position is on: likely unfinished work. */
function findUnusedEntries(pack: Pack): Problem[] {
  const cited = new Set(pack.positions.map((p) => p.evidence.sourceId));
  const discussed = new Set(pack.positions.map((p) => p.topic));
  const warnings: Problem[] = [];
  pack.sources.forEach((source, i) => {
    if (!cited.has(source.id))
      warnings.push({ path: `sources[${i}]`, message: `"${source.id}" is cited by no position` });
  });
  pack.topics.forEach((topic, i) => {
    if (!discussed.has(topic.id))
      warnings.push({ path: `topics[${i}]`, message: `"${topic.id}" has no position` });
  });
  return warnings;
}

/**
 * Builds one pack from parsed annotations (the data of pack.yaml) and its folder's files.
 * `expectedId`, when given, is the folder name the id must equal.
 */
export function buildPack(
  annotationsData: unknown,
  readFile: ReadSourceFile,
  expectedId?: string,
): BuildResult {
  const refuse = (problems: Problem[]): BuildResult => ({
    ok: false,
    problems: capProblems(problems),
    warnings: [],
  });

  const forbidden = findForbiddenKeys(annotationsData);
  if (forbidden.length > 0) return refuse(forbidden);
  const parsed = annotationsSchema.safeParse(annotationsData, { reportInput: true });
  if (!parsed.success) return refuse(problemsFromZod(parsed.error.issues));
  const annotations = parsed.data;

  const problems: Problem[] = [];
  if (expectedId !== undefined && annotations.id !== expectedId)
    problems.push({
      path: 'id',
      message: `is "${annotations.id}" but the folder is "${expectedId}"; they must be equal`,
    });

  const { texts, problems: sourceProblems } = readSources(annotations.sources, readFile);
  problems.push(...sourceProblems);

  const sources: Source[] = annotations.sources.map(({ file: _file, ...meta }) => ({
    ...meta,
    ...(texts.has(meta.id) ? { text: texts.get(meta.id)! } : {}),
  }));

  const positions: Pack['positions'] = [];
  annotations.positions.forEach((position, i) => {
    const resolved = resolveEvidence(
      position.evidence,
      `positions[${i}].evidence`,
      annotations,
      texts,
    );
    problems.push(...resolved.problems);
    if (resolved.evidence) positions.push({ ...position, evidence: resolved.evidence });
  });
  if (problems.length > 0) return refuse(problems);

  const pack: Pack = {
    format: PACK_FORMAT,
    id: annotations.id,
    version: annotations.version,
    title: annotations.title,
    description: annotations.description,
    publishedAt: annotations.publishedAt,
    language: annotations.language,
    sources,
    actors: annotations.actors,
    topics: annotations.topics,
    positions,
  };
  const checked = validatePack(pack);
  if (!checked.ok) return refuse(checked.problems);
  return {
    ok: true,
    pack: canonicalPack(checked.pack),
    warnings: [...findUnmentionedActors(pack), ...findUnusedEntries(pack)],
  };
}
