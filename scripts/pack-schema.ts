/**
 * `npm run pack:schema`: writes the JSON Schema of the pack format to docs/pack.schema.json, and
 * that of the hand-written pack.yaml to docs/pack-yaml.schema.json.
 * Run it after changing utils/pack/schema.ts; a unit test fails while the file is out of date.
 */
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  PACK_JSON_SCHEMA_PATH,
  PACK_YAML_SCHEMA_PATH,
  packJsonSchemaText,
  packYamlSchemaText,
} from '../utils/pack/json-schema';

for (const [path, text] of [
  [PACK_JSON_SCHEMA_PATH, packJsonSchemaText()],
  [PACK_YAML_SCHEMA_PATH, packYamlSchemaText()],
] as const) {
  writeFileSync(fileURLToPath(new URL(`../${path}`, import.meta.url)), text);
  console.log(`wrote ${path}`);
}
