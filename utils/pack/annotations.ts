/**
 * The hand-written side of a pack: `assets/packs/<id>/pack.yaml`, which an editor writes and
 * reviews in a diff. It is the pack format with two differences that keep it writable by hand:
 * a source names its text file instead of carrying the text, and evidence is written as the
 * quoted words; the builder (./build.ts) finds the offsets. See docs/pack-format.md.
 *
 * Build-time only: the extension never imports this module (nor the `yaml` dev dependency).
 */
import { z } from 'zod';
import { parse as parseYaml } from 'yaml';
import {
  LIMITS,
  idSchema,
  packSchema,
  positionSchema,
  sourceSchema,
  text,
  topicSchema,
} from './schema';
import { FILE_PATH, type Problem } from './problems';
import { errorMessage } from '../format';

/** A source text file sits next to pack.yaml: a plain name, no folders, ending in `.txt`. */
export const SOURCE_FILE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.txt$/;

/** The annotations file in each pack folder. */
export const ANNOTATIONS_FILE = 'pack.yaml';

const sourceAnnotationSchema = sourceSchema.omit({ text: true }).extend({
  /** The text file beside pack.yaml, copied byte for byte from the original. */
  file: z.string().regex(SOURCE_FILE_NAME, 'must be a file name such as "report.txt"'),
});

const evidenceAnnotationSchema = z.strictObject({
  /** May be left out when the pack has a single source. */
  sourceId: idSchema.optional(),
  /** The exact words in the source, copied, typographic quotes and dashes included. */
  text: text(LIMITS.longText, { multiline: true }),
  kind: z.enum(['quote', 'paraphrase']),
  /** Which occurrence (1 = first) when the words appear more than once in the source. */
  occurrence: z.int().min(1).optional(),
  /** Explicit UTF-16 offsets; checked against `text` rather than searched. */
  start: z.int().min(0).optional(),
  end: z.int().min(1).optional(),
});

const positionAnnotationSchema = positionSchema.extend({
  evidence: evidenceAnnotationSchema,
});

/** The pack's own fields, less `format`, with sources and evidence as an editor writes them. */
export const annotationsSchema = packSchema.omit({ format: true }).extend({
  sources: z.array(sourceAnnotationSchema).min(1).max(LIMITS.sources),
  topics: z.array(topicSchema).max(LIMITS.topics).default([]),
  positions: z.array(positionAnnotationSchema).max(LIMITS.positions).default([]),
});

export type Annotations = z.infer<typeof annotationsSchema>;
export type SourceAnnotation = z.infer<typeof sourceAnnotationSchema>;
export type EvidenceAnnotation = z.infer<typeof evidenceAnnotationSchema>;

/**
 * Reads pack.yaml text into plain data (YAML 1.2 core schema: dates stay strings, duplicate
 * keys are errors, aliases are bounded). Returns problems instead of throwing.
 */
export function parseAnnotationsYaml(
  source: string,
): { ok: true; data: unknown } | { ok: false; problems: Problem[] } {
  try {
    const data: unknown = parseYaml(source, { maxAliasCount: 50, prettyErrors: true });
    return { ok: true, data };
  } catch (error) {
    const message = errorMessage(error).split('\n')[0]!;
    return { ok: false, problems: [{ path: FILE_PATH, message: `is not valid YAML: ${message}` }] };
  }
}
