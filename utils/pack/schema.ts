/**
 * The data pack format, version 1. The Zod schema is the type: everything else in the
 * extension and the tools infers its types from here. `safeParse` it only at boundaries
 * (a file, a feed, the build input); inside, trust the inferred types.
 *
 * Field-by-field documentation with examples lives in docs/pack-format.md; the JSON Schema
 * export in docs/pack.schema.json is generated from this module.
 */
import { z } from 'zod';
import { ID_MAX_CHARS, ID_PATTERN } from './id';

/** The literal format version a pack declares in `format`. Bump only with a migration. */
export const PACK_FORMAT = 1 as const;

/** Upper bounds that keep a hostile pack from exhausting memory or the UI. */
export const LIMITS = {
  /** A pack file larger than this is refused before it is parsed. */
  packBytes: 8 * 1024 * 1024,
  sourceTextChars: 2_000_000,
  shortText: 200,
  longText: 2_000,
  actors: 5_000,
  aliasesPerActor: 200,
  topics: 2_000,
  keywordsPerTopic: 100,
  positions: 50_000,
  sources: 2_000,
  groupsPerActor: 50,
} as const;

/** Lower-case ASCII slug: `zelenskyy`, `us-delegation`, `nato-membership`. */
export const idSchema = z
  .string()
  .min(1)
  .max(ID_MAX_CHARS)
  .regex(ID_PATTERN, 'must be a lower-case ASCII slug such as "merz" or "us-delegation"');

// C0/C1 control characters other than tab, line feed and carriage return.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;

/**
 * Invisible format characters (Unicode category Cf): bidi controls (U+202A-U+202E,
 * U+2066-U+2069, U+200E, U+200F, U+061C) that make text read differently from how it is
 * stored, zero-width spaces, soft hyphens, word joiners, byte order marks, tags.
 */
const FORMAT = /\p{Cf}/gu;
/** Zero-width non-joiner and joiner: needed to spell words in the scripts below. */
const JOINERS = new Set(['\u200C', '\u200D']);
/** Scripts whose spelling needs ZWNJ/ZWJ: Arabic (Persian, Urdu), Syriac, and South Asian scripts. */
const JOINING_LETTER =
  /^[\p{Script=Arabic}\p{Script=Syriac}\p{Script=Devanagari}\p{Script=Bengali}\p{Script=Gurmukhi}\p{Script=Gujarati}\p{Script=Oriya}\p{Script=Tamil}\p{Script=Telugu}\p{Script=Kannada}\p{Script=Malayalam}\p{Script=Sinhala}]$/u;

/**
 * The first format character `s` may not hold, as `U+202E`, or null. The rule: no character of
 * category Cf, except ZWNJ (U+200C) and ZWJ (U+200D) with a letter or mark of a script that needs
 * them on both sides.
 */
export function forbiddenFormatCharacter(s: string): string | null {
  FORMAT.lastIndex = 0;
  for (let m = FORMAT.exec(s); m; m = FORMAT.exec(s)) {
    const c = m[0];
    const at = m.index;
    if (
      JOINERS.has(c) &&
      JOINING_LETTER.test(s[at - 1] ?? '') &&
      JOINING_LETTER.test(s[at + 1] ?? '')
    )
      continue;
    return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
  }
  return null;
}

/** Human text: well-formed Unicode, no control or invisible format characters, bounded length. */
export const text = (max: number, opts: { multiline?: boolean; min?: number } = {}) =>
  z
    .string()
    .min(opts.min ?? 1)
    .max(max)
    .refine((s) => s.isWellFormed(), 'contains a lone surrogate (broken Unicode)')
    .refine((s) => !CONTROL.test(s), 'contains a control character')
    .superRefine((s, ctx) => {
      const c = forbiddenFormatCharacter(s);
      if (c)
        ctx.addIssue({
          code: 'custom',
          message: `contains the invisible format character ${c}: bidi controls and other invisible characters could make it read differently from what it says (ZWNJ and ZWJ are allowed only inside Arabic, Syriac and South Asian words)`,
        });
    })
    .refine((s) => opts.multiline || !/[\r\n]/.test(s), 'must be a single line');

/** A calendar date, `YYYY-MM-DD`, that exists. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD')
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, 'is not a real calendar date');

/** BCP 47 language tag, kept simple: `en`, `de`, `uk`, `pt-BR`. */
const languageTag = z
  .string()
  .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as "en" or "pt-BR"');

export const sha256HexSchema = z
  .string()
  .regex(/^[0-9a-f]{64}$/, 'must be 64 lower-case hex digits');

/**
 * How stances compare across people. A topic is a proposition; the stance is the actor's
 * relation to it:
 * - supports: in favour of the proposition as phrased
 * - opposes: against it (rejects, refuses, dismisses)
 * - conditional: in favour only if a stated condition is met
 * - proposes: puts the proposition forward as their own plan or offer
 * - warns: cautions about a risk or consequence tied to the proposition
 * - unclear: takes a position whose direction the source leaves open
 */
export const STANCES = [
  'supports',
  'opposes',
  'conditional',
  'proposes',
  'warns',
  'unclear',
] as const;
const stanceSchema = z.enum(STANCES);
export type Stance = z.infer<typeof stanceSchema>;

export const sourceSchema = z.strictObject({
  id: idSchema,
  title: text(LIMITS.shortText),
  /** The publisher when known; `null` when the source does not say. */
  publisher: text(LIMITS.shortText).nullable(),
  url: z
    .url({ protocol: /^https?$/ })
    .max(LIMITS.longText)
    .nullable(),
  publishedAt: isoDate,
  language: languageTag,
  /** sha256 of the UTF-8 text; checked against `text` whenever the text is present. */
  sha256: sha256HexSchema,
  /** The full text. Optional in general; the built-in pack carries it for context. */
  text: text(LIMITS.sourceTextChars, { multiline: true }).optional(),
});

/**
 * How the spotter may match this actor's names on a page (see docs/spotting.md).
 * Full aliases always match; bare surnames follow `bareSurname`.
 */
export const matchPolicySchema = z.strictObject({
  /** Bare surname forms, inflections and transliterations included: `Merz`, `Merz'`, `Selenskyj`. */
  surnames: z.array(text(LIMITS.shortText)).max(LIMITS.aliasesPerActor).default([]),
  /**
   * - always: a bare surname alone is taken for this actor (the pack says it is unambiguous)
   * - in-context: only where the page also names the actor in full, or a title stands before it
   * - never: bare surnames are not matched at all
   */
  bareSurname: z.enum(['always', 'in-context', 'never']).default('in-context'),
  /** The actor's own given names; a different capitalised given name before the surname is someone else. */
  givenNames: z.array(text(LIMITS.shortText)).max(LIMITS.aliasesPerActor).default([]),
  /** Role words that make a bare surname count when they stand right before it: `Chancellor`. */
  titles: z.array(text(LIMITS.shortText)).max(LIMITS.aliasesPerActor).default([]),
  /** The surname is also an ordinary word: only capitalised, non-sentence-initial uses count. */
  commonWord: z.boolean().default(false),
  /**
   * Longer names that contain one of this actor's names but mean someone else, such as
   * `Donald Trump Jr.` or `Ambassador Kushner`: a match inside one of them is dropped.
   */
  exclude: z.array(text(LIMITS.shortText)).max(LIMITS.aliasesPerActor).optional(),
  /**
   * Given names and forms of address of other people with this surname (`Brigitte`, `Mrs`,
   * `Charles`): a bare surname after one is theirs, and the page's later bare surnames are no
   * longer taken for this actor.
   */
  namesakes: z.array(text(LIMITS.shortText)).max(LIMITS.aliasesPerActor).optional(),
  /**
   * How the surnames take Slavic case endings, so they need not be listed: `noun` (Putin ->
   * Putina, Putinem, Putinowi, Путіну, Путінові; also the German genitive -s) or `adjective`
   * (Zelenskyj -> Zelenského, Zełenskiego, Zelenskog, Зеленського).
   */
  inflection: z.enum(['none', 'noun', 'adjective']).optional(),
  /**
   * Words that, in the same line of text, make an `in-context` surname count: places, bodies
   * and topics the news about this actor names (`Kremlin`, `Moscow`, `peace plan`).
   */
  context: z.array(text(LIMITS.shortText)).max(LIMITS.aliasesPerActor).optional(),
  /** Bare surnames count in lower case too (comments, posts), under the same `bareSurname` rule. */
  lowerCase: z.boolean().optional(),
});

export const actorSchema = z.strictObject({
  id: idSchema,
  kind: z.enum(['person', 'group']),
  name: text(LIMITS.shortText),
  /** The role as the sources give it: "German Chancellor". */
  role: text(LIMITS.shortText),
  /** ISO 3166-1 alpha-2 country code, or `null` for actors of no single country. */
  country: z
    .string()
    .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "DE"')
    .nullable(),
  /** Forms that always name this actor: full names, transliterations, other scripts. */
  aliases: z.array(text(LIMITS.shortText)).min(1).max(LIMITS.aliasesPerActor),
  /** Ids of group actors this actor belongs to. */
  memberOf: z.array(idSchema).max(LIMITS.groupsPerActor).default([]),
  match: matchPolicySchema.default({
    surnames: [],
    bareSurname: 'in-context',
    givenNames: [],
    titles: [],
    commonWord: false,
  }),
});

export const topicSchema = z.strictObject({
  id: idSchema,
  /** A proposition or question stances answer: "Should Ukraine give up its NATO membership bid?" */
  proposition: text(LIMITS.shortText),
  /** A short label for tight spaces: "NATO bid". */
  label: text(60),
  /** Words that signal a page is about this topic (lower case). */
  keywords: z.array(text(60)).max(LIMITS.keywordsPerTopic).default([]),
});

const evidenceSchema = z.strictObject({
  sourceId: idSchema,
  /** UTF-16 offsets into the source text, `start` inclusive, `end` exclusive. */
  start: z.int().min(0),
  end: z.int().min(1),
  /** Exactly `source.text.slice(start, end)`. */
  text: text(LIMITS.longText, { multiline: true }),
  /** `quote`: the actor's own words as the source quotes them; `paraphrase`: the source's wording. */
  kind: z.enum(['quote', 'paraphrase']),
});

export const positionSchema = z.strictObject({
  id: idSchema,
  actor: idSchema,
  topic: idSchema,
  stance: stanceSchema,
  /** One neutral line: what the actor stated, without judgement. */
  summary: text(300),
  evidence: evidenceSchema,
  /** When the position was stated (or reported, when the source gives no other date). */
  date: isoDate,
});

export const packSchema = z.strictObject({
  format: z.literal(PACK_FORMAT),
  id: idSchema,
  /** A positive integer; every published change to a pack raises it (docs/pack-format.md). */
  version: z.int().min(1).max(Number.MAX_SAFE_INTEGER),
  title: text(LIMITS.shortText),
  description: text(LIMITS.longText),
  publishedAt: isoDate,
  language: languageTag,
  sources: z.array(sourceSchema).min(1).max(LIMITS.sources),
  actors: z.array(actorSchema).min(1).max(LIMITS.actors),
  topics: z.array(topicSchema).max(LIMITS.topics),
  positions: z.array(positionSchema).max(LIMITS.positions),
});

export type Pack = z.infer<typeof packSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type Actor = z.infer<typeof actorSchema>;
export type MatchPolicy = z.infer<typeof matchPolicySchema>;
export type Topic = z.infer<typeof topicSchema>;
export type Position = z.infer<typeof positionSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
