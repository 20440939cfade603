import { describe, expect, it } from 'vitest';
import { dictionaryFromPacks, dictionarySchema } from '@/utils/spotting/dictionary';
import type { Pack } from '@/utils/pack/schema';

const policy = {
  surnames: ['Merz'],
  bareSurname: 'always' as const,
  givenNames: ['Friedrich'],
  titles: ['Chancellor'],
  commonWord: false,
};

function pack(id: string, version: number, aliases: string[], extra = {}): Pack {
  return {
    format: 1,
    id,
    version,
    title: id,
    description: id,
    publishedAt: '2025-12-01',
    language: 'en',
    sources: [],
    actors: [
      {
        id: 'merz',
        kind: 'person',
        name: 'Friedrich Merz',
        role: 'German Chancellor',
        country: 'DE',
        aliases,
        memberOf: [],
        match: { ...policy, ...extra },
      },
    ],
    topics: [],
    positions: [],
  } as Pack;
}

describe('dictionaryFromPacks', () => {
  it('merges one actor across packs under the first pack’s policy, versioned by the packs', () => {
    const d = dictionaryFromPacks([
      pack('b-pack', 3, ['Friedrich Merz', 'Фридрих Мерц'], { bareSurname: 'in-context' }),
      pack('a-pack', 1, ['Friedrich Merz'], { bareSurname: 'always' }),
    ]);
    expect(d.version).toBe('b-pack@3,a-pack@1');
    expect(d.actors).toHaveLength(1);
    expect(d.actors[0]!.aliases).toEqual(['Friedrich Merz', 'Фридрих Мерц']);
    expect(d.actors[0]!.match.bareSurname).toBe('in-context');
    expect(dictionarySchema.safeParse(d).success).toBe(true);
  });

  it('refuses a malformed dictionary at the message boundary', () => {
    expect(dictionarySchema.safeParse({ version: '', actors: [] }).success).toBe(false);
    expect(
      dictionarySchema.safeParse({ version: 'v', actors: [{ id: 'Bad Id', kind: 'person' }] })
        .success,
    ).toBe(false);
  });
});
