import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  PACK_JSON_SCHEMA_PATH,
  PACK_YAML_SCHEMA_PATH,
  packJsonSchemaText,
  packYamlSchemaText,
} from '@/utils/pack/json-schema';
import { BUILTIN_DIR, repoPath } from './helpers';

type Node = {
  description?: string;
  properties?: Record<string, Node>;
  items?: Node;
  required?: string[];
  additionalProperties?: unknown;
};

/** Paths of fields without a description. */
function undocumented(schema: Node): string[] {
  const missing: string[] = [];
  const walk = (node: Node, path: string) => {
    for (const [key, child] of Object.entries(node.properties ?? {})) {
      const here = path ? `${path}.${key}` : key;
      if (!child.description) missing.push(here);
      walk(child, here);
      if (child.items) walk(child.items, `${here}[]`);
    }
  };
  walk(schema, '');
  return missing;
}

describe.each([
  [PACK_JSON_SCHEMA_PATH, packJsonSchemaText],
  [PACK_YAML_SCHEMA_PATH, packYamlSchemaText],
])('%s', (path, fresh) => {
  it('equals a fresh export of the Zod schema (run `npm run pack:schema` after a change)', () => {
    expect(readFileSync(repoPath(path), 'utf8')).toBe(fresh());
  });

  it('forbids unknown keys and describes every field, so none goes undocumented', () => {
    const schema = JSON.parse(fresh()) as Node;
    expect(schema.additionalProperties).toBe(false);
    expect(undocumented(schema)).toEqual([]);
  });
});

describe('the two schemas', () => {
  it('require the format version in the pack file only', () => {
    const pack = JSON.parse(packJsonSchemaText()) as Node & { properties: Record<string, Node> };
    const yaml = JSON.parse(packYamlSchemaText()) as Node & { properties: Record<string, Node> };
    expect(pack.required).toContain('format');
    expect(pack.properties.format).toMatchObject({ const: 1 });
    expect(yaml.properties.format).toBeUndefined();
  });

  it('are named at the top of the built-in pack.yaml, for editors that check as you type', () => {
    const firstLine = readFileSync(repoPath(`${BUILTIN_DIR}/pack.yaml`), 'utf8').split('\n')[0];
    expect(firstLine).toBe(`# yaml-language-server: $schema=../../../${PACK_YAML_SCHEMA_PATH}`);
  });
});
