/**
 * The alias dictionary as the background hands it to content scripts: in `storage.local`, which
 * a content script reads without waking the background (a stopped service worker costs a page
 * nothing). The background writes it whenever the installed packs change, from packs it validated
 * with the pack schema when they were installed, with the matcher's trie built for it
 * (./stored-tables.ts); a page reads it back with the few plain checks below instead of a schema:
 * shapes and bounds, so a damaged value is refused, not trusted.
 */
import type { Dictionary, DictionaryActor } from '../views';
import { VOCABULARY_LISTS, type RuleVocabulary } from './rule-words';
import { dictionaryTables } from './trie-build';
import { readTables, storeTables, type StoredTables } from './stored-tables';
import type { TrieTables } from './trie';

/** A dictionary as a page uses it: with the rules' vocabulary and its matcher's trie. */
export interface PageDictionary extends Dictionary {
  vocabulary: RuleVocabulary;
  tables: TrieTables;
}

/** A dictionary as the background stores it for pages: with its trie, built once here. */
export function storedDictionary(dict: Dictionary): Dictionary & { tables: StoredTables } {
  return { ...dict, tables: storeTables(dictionaryTables(dict)) };
}

/** Bounds of what a content script accepts: far above any real set of packs, far below harm. */
export const DICTIONARY_LIMITS = {
  versionChars: 200,
  actors: 20_000,
  idChars: 64,
  /** Forms per list of one actor, after the lists of several packs were merged. */
  formsPerList: 1_000,
  formChars: 200,
  /** Characters of one list of the rules' vocabulary. */
  vocabularyChars: 50_000,
} as const;

const BARE_SURNAME = ['always', 'in-context', 'never'] as const;
const INFLECTION = ['none', 'noun', 'adjective'] as const;

const isText = (v: unknown, max: number): v is string =>
  typeof v === 'string' && v.length >= 1 && v.length <= max;

const isForms = (v: unknown): v is string[] =>
  Array.isArray(v) &&
  v.length <= DICTIONARY_LIMITS.formsPerList &&
  v.every((s) => isText(s, DICTIONARY_LIMITS.formChars));

function readActor(raw: unknown): DictionaryActor | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { id, kind, aliases, match } = raw as Record<string, unknown>;
  if (!isText(id, DICTIONARY_LIMITS.idChars) || (kind !== 'person' && kind !== 'group'))
    return null;
  if (!isForms(aliases) || typeof match !== 'object' || match === null) return null;
  const m = match as Record<string, unknown>;
  if (!isForms(m.surnames) || !isForms(m.givenNames) || !isForms(m.titles)) return null;
  if (!(BARE_SURNAME as readonly unknown[]).includes(m.bareSurname)) return null;
  if (typeof m.commonWord !== 'boolean') return null;
  if (m.exclude !== undefined && !isForms(m.exclude)) return null;
  if (m.namesakes !== undefined && !isForms(m.namesakes)) return null;
  if (m.context !== undefined && !isForms(m.context)) return null;
  if (m.inflection !== undefined && !(INFLECTION as readonly unknown[]).includes(m.inflection)) {
    return null;
  }
  if (m.lowerCase !== undefined && typeof m.lowerCase !== 'boolean') return null;
  return {
    id,
    kind,
    aliases,
    match: {
      surnames: m.surnames,
      bareSurname: m.bareSurname as (typeof BARE_SURNAME)[number],
      givenNames: m.givenNames,
      titles: m.titles,
      commonWord: m.commonWord,
      ...(m.exclude !== undefined ? { exclude: m.exclude as string[] } : {}),
      ...(m.namesakes !== undefined ? { namesakes: m.namesakes as string[] } : {}),
      ...(m.context !== undefined ? { context: m.context as string[] } : {}),
      ...(m.inflection !== undefined
        ? { inflection: m.inflection as (typeof INFLECTION)[number] }
        : {}),
      ...(m.lowerCase !== undefined ? { lowerCase: m.lowerCase as boolean } : {}),
    },
  };
}

function readVocabulary(raw: unknown): RuleVocabulary | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const lists = raw as Record<string, unknown>;
  const out = {} as RuleVocabulary;
  for (const name of VOCABULARY_LISTS) {
    const words = lists[name];
    if (typeof words !== 'string' || words.length > DICTIONARY_LIMITS.vocabularyChars) return null;
    out[name] = words;
  }
  return out;
}

/**
 * The stored value as a dictionary, or null when it is absent or not one. A page needs the
 * rules' vocabulary and the trie with the names: a dictionary without them (written by an older
 * version) is refused, and the page waits for the background to publish the current one.
 */
export function readDictionary(raw: unknown): PageDictionary | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { version, actors } = raw as Record<string, unknown>;
  const vocabulary = readVocabulary((raw as Record<string, unknown>).vocabulary);
  if (!vocabulary) return null;
  if (!isText(version, DICTIONARY_LIMITS.versionChars)) return null;
  if (!Array.isArray(actors) || actors.length > DICTIONARY_LIMITS.actors) return null;
  const out: DictionaryActor[] = [];
  for (const a of actors) {
    const actor = readActor(a);
    if (!actor) return null;
    out.push(actor);
  }
  const tables = readTables((raw as Record<string, unknown>).tables, out.length);
  if (!tables) return null;
  return { version, actors: out, vocabulary, tables };
}
