import { describe, expect, it } from 'vitest';
import { canonicalPack, compareCodeUnits, serializePack } from '@/utils/pack/canonical';
import { parsePackText } from '@/utils/pack/validate';
import { packSchema } from '@/utils/pack/schema';
import { builtinPack, clone } from './helpers';

const pack = builtinPack();

describe('the canonical form', () => {
  it('survives a round trip through its own text byte for byte', () => {
    const text = serializePack(pack);
    const parsed = parsePackText(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(serializePack(parsed.pack)).toBe(text);
    expect(parsed.pack).toEqual(pack);
  });

  it('is idempotent', () => {
    expect(canonicalPack(canonicalPack(pack))).toEqual(canonicalPack(pack));
  });

  it('is two-space JSON with one final newline', () => {
    const text = serializePack(pack);
    expect(text.endsWith('}\n')).toBe(true);
    expect(text.endsWith('\n\n')).toBe(false);
    expect(text.split('\n')[1]).toBe('  "format": 1,');
  });

  it('orders keys as the schema does', () => {
    const keys = Object.keys(JSON.parse(serializePack(pack)) as object);
    expect(keys).toEqual(Object.keys(packSchema.shape));
  });

  it('sorts lists whose order carries no meaning, by code unit', () => {
    const ids = (list: { id: string }[]) => list.map((x) => x.id);
    const isSorted = (list: string[]) =>
      list.every((x, i) => i === 0 || compareCodeUnits(list[i - 1]!, x) <= 0);
    expect(isSorted(ids(pack.actors))).toBe(true);
    expect(isSorted(ids(pack.topics))).toBe(true);
    expect(isSorted(ids(pack.positions))).toBe(true);
    for (const actor of pack.actors) {
      expect(isSorted(actor.aliases)).toBe(true);
      expect(isSorted(actor.match.surnames)).toBe(true);
    }
    for (const topic of pack.topics) expect(isSorted(topic.keywords)).toBe(true);
  });

  it('does not depend on the order it was given', () => {
    const shuffled = clone(pack);
    shuffled.actors.reverse();
    shuffled.positions.reverse();
    shuffled.topics.forEach((t) => t.keywords.reverse());
    expect(serializePack(shuffled)).toBe(serializePack(pack));
  });

  it('compares by code unit, not by locale', () => {
    expect(['b', 'Z', 'ä', 'a'].sort(compareCodeUnits)).toEqual(['Z', 'a', 'b', 'ä']);
  });
});
