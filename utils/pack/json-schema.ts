/**
 * The JSON Schema of the pack format, generated from the Zod schema so the two cannot drift.
 * docs/pack.schema.json is this text; `npm run pack:schema` rewrites it and a unit test checks
 * the committed file against a fresh export. Other tools (editors, feed publishers in other
 * languages) can validate packs with it; the Zod schema and the semantic checks remain the
 * authority. Field descriptions are added here, in one place, from docs/pack-format.md.
 * The schema of pack.yaml (docs/pack-yaml.schema.json) lets YAML-aware editors check a pack
 * while it is written.
 */
import { z } from 'zod';
import { packSchema } from './schema';
import { annotationsSchema } from './annotations';

/** The repository path of the exported schema. */
export const PACK_JSON_SCHEMA_PATH = 'docs/pack.schema.json';

/** The repository path of the schema of pack.yaml, which YAML-aware editors use to help as you type. */
export const PACK_YAML_SCHEMA_PATH = 'docs/pack-yaml.schema.json';

/** One line per field; `a[].b` is field `b` of each item of list `a`. */
const DESCRIPTIONS: Record<string, string> = {
  format: 'The pack format version. Always 1 for this format.',
  id: 'The permanent name of the pack: a lower-case slug such as "berlin-talks-2025".',
  version:
    'The version of this pack: a whole number raised by every published change, never lowered.',
  title: 'A short title readers see in the popup and the options page.',
  description: 'One paragraph on what the pack covers.',
  publishedAt: 'The date the pack was published, YYYY-MM-DD.',
  language: 'The language of the pack’s own text, as a language tag such as "en".',
  sources: 'The documents the positions rest on.',
  'sources[].id': 'A short permanent name for the source, unique in the pack.',
  'sources[].title': 'The source’s title, or a neutral descriptive one when it has none.',
  'sources[].publisher': 'The publisher, or null when the source does not say.',
  'sources[].url': 'Where the source was published (http or https), or null when unknown.',
  'sources[].publishedAt': 'The source’s publication date, YYYY-MM-DD.',
  'sources[].language': 'The language of the source document.',
  'sources[].sha256':
    'SHA-256 of the UTF-8 source text, 64 lower-case hex digits; checked against text.',
  'sources[].text': 'The full source text, so evidence can be shown in context.',
  actors: 'Every person the sources name, and every group they give a position to.',
  'actors[].id': 'A lower-case slug of the name readers know, such as "merz" or "us-delegation".',
  'actors[].kind': 'person or group.',
  'actors[].name': 'The name as a card shows it.',
  'actors[].role': 'The role as the sources give it, such as "German Chancellor".',
  'actors[].country':
    'ISO 3166-1 alpha-2 code such as "DE", or null for actors of no single country.',
  'actors[].aliases':
    'Names that always mean this actor: full names, transliterations, other scripts.',
  'actors[].memberOf':
    'Ids of group actors this actor belongs to; their positions show as the group’s.',
  'actors[].match': 'How a bare surname on a page may be taken for this actor.',
  'actors[].match.surnames':
    'The surname alone, in every spelling and grammatical form readers meet.',
  'actors[].match.bareSurname':
    'always: a bare surname means this actor; in-context: only with the full name on the page or a title before it; never.',
  'actors[].match.givenNames':
    'The actor’s own given names; another given name before the surname is someone else.',
  'actors[].match.titles':
    'Words that, right before a bare surname, make it count, such as "Chancellor".',
  'actors[].match.commonWord':
    'The surname is also an ordinary word: only capitalised, non-sentence-initial uses count.',
  'actors[].match.exclude':
    'Longer names containing one of the actor’s names that mean someone else, such as "Donald Trump Jr.".',
  'actors[].match.namesakes':
    'Given names and forms of address of other people with the surname, such as "Brigitte" or "Mrs": a bare surname after one is theirs, and later bare surnames on the page stop counting.',
  'actors[].match.inflection':
    'How the surnames take Slavic case endings (noun: Putin, Putina, Putinem; adjective: Zelenskyj, Zelenského), so the forms need not be listed.',
  'actors[].match.context':
    'Words that, in the same line of text, make an in-context surname count, such as "Kremlin".',
  'actors[].match.lowerCase':
    'Bare surnames count in lower case too (comments, posts), under the same bareSurname rule.',
  topics: 'The propositions stances answer.',
  'topics[].id': 'A slug, unique in the pack.',
  'topics[].proposition':
    'A yes/no question, such as "Should Ukraine give up its NATO membership bid?".',
  'topics[].label': 'A short label for tight spaces, such as "NATO bid".',
  'topics[].keywords': 'Lower-case words that show a page is about this topic.',
  positions: 'What actors stated, each resting on words of a source.',
  'positions[].id': 'A slug, unique in the pack.',
  'positions[].actor': 'The id of the actor who, by the source, took the position.',
  'positions[].topic': 'The id of the topic.',
  'positions[].stance':
    'supports, opposes, conditional (only if a stated condition is met), proposes (their own plan), warns (cautions about a risk), or unclear.',
  'positions[].summary': 'One neutral line saying what the actor stated.',
  'positions[].evidence': 'The words of the source the position rests on.',
  'positions[].evidence.sourceId': 'The id of the source.',
  'positions[].evidence.start': 'UTF-16 offset of the first character in the source text.',
  'positions[].evidence.end': 'UTF-16 offset just past the last character.',
  'positions[].evidence.text': 'Exactly the source text between start and end.',
  'positions[].evidence.kind':
    'quote: the actor’s own words as the source quotes them; paraphrase: the source’s wording.',
  'positions[].date':
    'The latest day on which the source shows the statement had been made, YYYY-MM-DD.',
};

/** The fields pack.yaml has and the built pack does not. */
const YAML_DESCRIPTIONS: Record<string, string> = {
  'sources[].file':
    'The source text file in the pack folder, such as "report.txt", copied byte for byte.',
  'positions[].evidence.sourceId':
    'The id of the source; may be left out when the pack has one source.',
  'positions[].evidence.text':
    'The exact words of the source, copied: the builder finds them and refuses the pack when they are absent or appear twice.',
  'positions[].evidence.occurrence':
    'When the words appear more than once: 1 for the first, 2 for the second.',
  'positions[].evidence.start':
    'Optional UTF-16 offset of the first character; the builder checks it.',
  'positions[].evidence.end':
    'Optional UTF-16 offset just past the last character; the builder checks it.',
};

type JsonSchemaNode = {
  description?: string;
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  [key: string]: unknown;
};

/** Finds the node for a path like `positions[].evidence.text`, or `undefined`. */
function nodeAt(root: JsonSchemaNode, path: string): JsonSchemaNode | undefined {
  let node = root;
  for (const part of path.split('.')) {
    const list = part.endsWith('[]');
    const next = node.properties?.[list ? part.slice(0, -2) : part];
    const target = list ? next?.items : next;
    if (!target) return undefined;
    node = target;
  }
  return node;
}

function describe(schema: JsonSchemaNode, descriptions: Record<string, string>): void {
  for (const [path, description] of Object.entries(descriptions)) {
    const node = nodeAt(schema, path);
    if (node) node.description = description;
  }
}

function render(schema: JsonSchemaNode, title: string, description: string): string {
  return `${JSON.stringify({ ...schema, title, description }, null, 2)}\n`;
}

/** The JSON Schema of an input pack file, as two-space JSON with a final newline. */
export function packJsonSchemaText(): string {
  const schema = z.toJSONSchema(packSchema, {
    io: 'input',
    target: 'draft-2020-12',
  }) as JsonSchemaNode;
  describe(schema, DESCRIPTIONS);
  return render(
    schema,
    'Standpoint data pack, format 1',
    'See docs/pack-format.md. References, evidence offsets and source hashes are checked beyond this schema.',
  );
}

/** The JSON Schema of a pack folder's pack.yaml, for editors that check YAML as you type. */
export function packYamlSchemaText(): string {
  const schema = z.toJSONSchema(annotationsSchema, {
    io: 'input',
    target: 'draft-2020-12',
  }) as JsonSchemaNode;
  describe(schema, DESCRIPTIONS);
  describe(schema, YAML_DESCRIPTIONS);
  return render(
    schema,
    'Standpoint pack.yaml',
    'The hand-written side of a pack; see docs/pack-format.md. `npm run pack:build` checks it fully.',
  );
}
