import { describe, expect, it } from 'vitest';
import builtinPack from '@/utils/pack/generated/builtin-pack.json';
import { validatePack } from '@/utils/pack/validate';
import { dictionaryFromPacks, dictionarySchema } from '@/utils/spotting/dictionary';
import { buildMatcher, matcherOf } from '@/utils/spotting/matcher';
import { DICTIONARY_LIMITS, readDictionary } from '@/utils/spotting/stored-dictionary';
import {
  readTables,
  storeTables,
  TABLES_FORMAT,
  TABLES_LIMITS,
} from '@/utils/spotting/stored-tables';
import { dictionaryTables } from '@/utils/spotting/trie-build';
import type { Dictionary } from '@/utils/views';
import { stored, testDictionary } from './dict';

/** The built-in pack's dictionary, as the background publishes it. */
function builtinDictionary() {
  const checked = validatePack(builtinPack);
  if (!checked.ok) throw new Error('the built-in pack is invalid');
  return dictionaryFromPacks([checked.pack]);
}

/** A value as storage hands it back: plain JSON. */
const json = (v: unknown): unknown => JSON.parse(JSON.stringify(v));

/** The dictionary part of what a page reads: what the background stored, without the trie. */
const withoutTables = (v: unknown) => {
  const { tables: _tables, ...rest } = v as Record<string, unknown>;
  return rest;
};

describe('readDictionary (the content script side, no schema)', () => {
  it('gives back exactly what the background stored, for the built-in pack and the test set', () => {
    for (const dict of [builtinDictionary(), testDictionary]) {
      const read = readDictionary(stored(dict));
      expect(withoutTables(read)).toEqual(json(dict));
      // What the plain checks take, the schema the background uses takes too.
      expect(dictionarySchema.safeParse(withoutTables(read)).success).toBe(true);
      // The trie arrives as it was built, array for array.
      const built = dictionaryTables(dict);
      expect(read!.tables.size).toBe(built.size);
      expect(read!.tables.forms).toBe(built.forms);
      for (const name of [
        'code',
        'nextSibling',
        'flags',
        'terminals',
        'entryStart',
        'entryRefs',
      ] as const) {
        expect([...read!.tables[name]], name).toEqual([...built[name]]);
      }
    }
  });

  it('gives a page the matcher a build in place gives', () => {
    const dict = builtinDictionary();
    const text =
      'Zelenskyy met Friedrich Merz, Steve Witkoff and Jared Kushner in Berlin; Ushakov, ' +
      'Putin’s aide, and President Trump spoke. Володимир Зеленський. #StandWithZelensky';
    const read = readDictionary(stored(dict))!;
    const found = matcherOf(read, read.tables).find(text);
    expect(found.length).toBeGreaterThan(5);
    expect(found).toEqual(buildMatcher(dict).find(text));
  });

  it('refuses a dictionary without its trie, or with a trie that does not fit it', () => {
    const good = stored(testDictionary) as Record<string, unknown>;
    expect(readDictionary(withoutTables(good))).toBeNull();
    // The trie of another dictionary names actors this one does not have.
    const bigger: Dictionary = {
      ...testDictionary,
      actors: [
        ...testDictionary.actors,
        ...testDictionary.actors.map((a) => ({
          ...a,
          id: `${a.id}-2`,
          aliases: [`${a.aliases[0]}x`],
        })),
      ],
    };
    expect(
      readDictionary({ ...good, tables: json(storeTables(dictionaryTables(bigger))) }),
    ).toBeNull();
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
      const copy = json(good) as typeof good;
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
    expect(withoutTables(readDictionary(extra))).toEqual(json(testDictionary));
  });
});

describe('readTables (the stored trie, checked before any walk)', () => {
  const tables = dictionaryTables(testDictionary);
  const actors = testDictionary.actors.length;
  const good = json(storeTables(tables)) as Record<string, unknown>;

  /** The stored trie with its arrays changed by `change` (on a fresh copy of the built ones). */
  const changed = (change: (t: ReturnType<typeof dictionaryTables>) => void) => {
    const copy = dictionaryTables(testDictionary);
    change(copy);
    return json(storeTables(copy));
  };

  it('reads back what was stored', () => {
    const read = readTables(good, actors);
    expect(read).not.toBeNull();
    expect([...read!.nextSibling]).toEqual([...tables.nextSibling]);
    expect([...read!.code]).toEqual([...tables.code]);
  });

  it('reads base64 with and without the browser’s own decoder', () => {
    const native = (Uint8Array as { fromBase64?: unknown }).fromBase64;
    const decoded: unknown[] = [];
    try {
      (Uint8Array as { fromBase64?: unknown }).fromBase64 = (s: string) => {
        decoded.push(s);
        return Uint8Array.from(atob(s), (c) => c.charCodeAt(0));
      };
      expect(readTables(good, actors)).not.toBeNull();
      expect(decoded).toHaveLength(1);
    } finally {
      (Uint8Array as { fromBase64?: unknown }).fromBase64 = native;
    }
    expect(readTables(good, actors)).not.toBeNull();
  });

  it('refuses a trie a walk could leave, loop in, or read past', () => {
    const last = tables.size - 1;
    const bad: unknown[] = [
      undefined,
      null,
      'tables',
      { ...good, format: TABLES_FORMAT + 1 },
      { ...good, nodes: 0 },
      { ...good, nodes: 1.5 },
      { ...good, nodes: TABLES_LIMITS.nodes + 1 },
      { ...good, entries: TABLES_LIMITS.entries + 1 },
      { ...good, forms: -1 },
      { ...good, entries: (good.forms as number) - 1 },
      { ...good, data: 42 },
      { ...good, data: (good.data as string).slice(4) },
      { ...good, data: `!${(good.data as string).slice(1)}` },
      // A sibling link back to an earlier node: a walk would go round for ever.
      changed((t) => (t.nextSibling[last] = 1)),
      changed((t) => (t.nextSibling[1] = tables.size)),
      changed((t) => (t.nextSibling[0] = 1)),
      // The last node claims a child after it.
      changed((t) => (t.flags[last] = t.flags[last]! | 1)),
      changed((t) => (t.terminals[1] = t.terminals[0]!)),
      changed((t) => (t.terminals[0] = tables.size)),
      changed((t) => (t.entryStart[1] = t.entryStart[0]!)),
      changed((t) => (t.entryRefs[0] = actors * 3)),
      changed((t) => (t.entryRefs[0] = -1)),
    ];
    for (const value of bad) expect(readTables(value, actors)).toBeNull();
    expect(readTables(good, 0)).toBeNull();
  });
});
