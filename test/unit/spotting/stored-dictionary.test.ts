import { describe, expect, it } from 'vitest';
import builtinPack from '@/utils/pack/generated/builtin-pack.json';
import { validatePack } from '@/utils/pack/validate';
import { dictionaryFromPacks, dictionarySchema } from '@/utils/spotting/dictionary';
import { DICTIONARY_LIMITS, readDictionary } from '@/utils/spotting/stored-dictionary';
import { testDictionary } from './dict';

/** The built-in pack's dictionary, as the background publishes it. */
function builtinDictionary() {
  const checked = validatePack(builtinPack);
  if (!checked.ok) throw new Error('the built-in pack is invalid');
  return dictionaryFromPacks([checked.pack]);
}

/** A stored value as storage hands it back: plain JSON. */
const stored = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

describe('readDictionary (the content script side, no schema)', () => {
  it('gives back exactly what the background stored, for the built-in pack and the test set', () => {
    for (const dict of [builtinDictionary(), testDictionary]) {
      expect(readDictionary(stored(dict))).toEqual(stored(dict));
      // What the plain checks take, the schema the background uses takes too.
      expect(dictionarySchema.safeParse(readDictionary(stored(dict))).success).toBe(true);
    }
  });

  it('refuses a dictionary without the rules’ vocabulary, or with a list that is not text', () => {
    const good = stored(testDictionary) as Record<string, unknown>;
    const { vocabulary, ...withoutVocabulary } = good;
    expect(readDictionary(withoutVocabulary)).toBeNull();
    const lists = vocabulary as Record<string, unknown>;
    expect(readDictionary({ ...good, vocabulary: { ...lists, neutral: ['the'] } })).toBeNull();
    const { roles: _roles, ...missingOne } = lists;
    expect(readDictionary({ ...good, vocabulary: missingOne })).toBeNull();
    const huge = 'x'.repeat(DICTIONARY_LIMITS.vocabularyChars + 1);
    expect(readDictionary({ ...good, vocabulary: { ...lists, neutral: huge } })).toBeNull();
  });

  it('refuses values that are not a dictionary, whole, rather than half of one', () => {
    const good = stored(testDictionary) as { version: string; actors: Record<string, unknown>[] };
    const withActor = (change: (a: Record<string, unknown>) => void) => {
      const copy = stored(good) as typeof good;
      change(copy.actors[0]!);
      return copy;
    };
    const bad: unknown[] = [
      undefined,
      null,
      'dictionary',
      [],
      { actors: good.actors },
      { version: '', actors: [] },
      { version: 'x'.repeat(DICTIONARY_LIMITS.versionChars + 1), actors: [] },
      { version: 'v', actors: {} },
      withActor((a) => (a.kind = 'company')),
      withActor((a) => (a.id = '')),
      withActor((a) => (a.aliases = 'Merz')),
      withActor((a) => (a.aliases = [''])),
      withActor((a) => (a.aliases = ['x'.repeat(DICTIONARY_LIMITS.formChars + 1)])),
      withActor((a) => (a.aliases = Array(DICTIONARY_LIMITS.formsPerList + 1).fill('Merz'))),
      withActor((a) => (a.match = null)),
      withActor((a) => ((a.match as Record<string, unknown>).bareSurname = 'sometimes')),
      withActor((a) => ((a.match as Record<string, unknown>).commonWord = 'no')),
      withActor((a) => ((a.match as Record<string, unknown>).surnames = [1])),
      withActor((a) => ((a.match as Record<string, unknown>).exclude = 'Jr')),
      withActor((a) => ((a.match as Record<string, unknown>).namesakes = 'Brigitte')),
      withActor((a) => ((a.match as Record<string, unknown>).context = [''])),
      withActor((a) => ((a.match as Record<string, unknown>).inflection = 'verb')),
      withActor((a) => ((a.match as Record<string, unknown>).lowerCase = 'yes')),
      { version: 'v', actors: Array(DICTIONARY_LIMITS.actors + 1).fill(good.actors[0]) },
    ];
    for (const value of bad) expect(readDictionary(value)).toBeNull();
  });

  it('keeps only the fields the matcher reads', () => {
    const extra = stored(testDictionary) as { actors: Record<string, unknown>[] };
    extra.actors[0]!.name = 'not needed';
    expect(readDictionary(extra)).toEqual(stored(testDictionary));
  });
});
