/**
 * The JSON Schema of the pack format, generated from the Zod schema so the two cannot drift.
 * docs/pack.schema.json is this text; `npm run pack:schema` rewrites it and a unit test checks
 * the committed file against a fresh export. Other tools (editors, feed publishers in other
 * languages) can validate packs with it; the Zod schema and the semantic checks remain the
 * authority.
 */
import { z } from 'zod';
import { packSchema } from './schema';

/** The repository path of the exported schema. */
export const PACK_JSON_SCHEMA_PATH = 'docs/pack.schema.json';

/** The JSON Schema of an input pack file, as two-space JSON with a final newline. */
export function packJsonSchemaText(): string {
  const schema = z.toJSONSchema(packSchema, { io: 'input', target: 'draft-2020-12' });
  return `${JSON.stringify(
    {
      ...schema,
      title: 'Standpoint data pack, format 1',
      description:
        'See docs/pack-format.md. Offsets, references and hashes are checked beyond this schema.',
    },
    null,
    2,
  )}\n`;
}
