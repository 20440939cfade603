import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PACK_JSON_SCHEMA_PATH, packJsonSchemaText } from '@/utils/pack/json-schema';
import { repoPath } from './helpers';

describe('docs/pack.schema.json', () => {
  it('equals a fresh export of the Zod schema (run `npm run pack:schema` after a change)', () => {
    expect(readFileSync(repoPath(PACK_JSON_SCHEMA_PATH), 'utf8')).toBe(packJsonSchemaText());
  });

  it('forbids unknown keys and requires the format version', () => {
    const schema = JSON.parse(packJsonSchemaText()) as {
      additionalProperties: unknown;
      required: string[];
      properties: { format: { const: unknown } };
    };
    expect(schema.additionalProperties).toBe(false);
    expect(schema.required).toContain('format');
    expect(schema.properties.format.const).toBe(1);
  });

  it('describes every field, so a new field cannot go undocumented', () => {
    type Node = { description?: string; properties?: Record<string, Node>; items?: Node };
    const undocumented: string[] = [];
    const walk = (node: Node, path: string) => {
      for (const [key, child] of Object.entries(node.properties ?? {})) {
        const here = path ? `${path}.${key}` : key;
        if (!child.description) undocumented.push(here);
        walk(child, here);
        if (child.items) walk(child.items, `${here}[]`);
      }
    };
    walk(JSON.parse(packJsonSchemaText()) as Node, '');
    expect(undocumented).toEqual([]);
  });
});
