/**
 * `npm run pack:schema`: writes the JSON Schema of the pack format to docs/pack.schema.json.
 * Run it after changing utils/pack/schema.ts; a unit test fails while the file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { PACK_JSON_SCHEMA_PATH, packJsonSchemaText } from '../utils/pack/json-schema';

const target = fileURLToPath(new URL(`../${PACK_JSON_SCHEMA_PATH}`, import.meta.url));
writeFileSync(target, packJsonSchemaText());
console.log(`wrote ${PACK_JSON_SCHEMA_PATH}`);
