/**
 * Slavic case forms of surnames from the pack's `inflection` pattern: the forms a page may use
 * (Putina, Putinem, Putinowi, Путіну; Zelenského, Zelenskog, Зеленського) without the pack
 * listing each, and which of an actor's forms are in an oblique case. Masculine endings only:
 * the feminine forms (Zełenska, Zelenská, Зеленська) name other people.
 */
import type { DictionaryActor } from '../views';
import {
  ADJECTIVE_ENDINGS_CYRILLIC,
  ADJECTIVE_ENDINGS_LATIN,
  NOUN_ENDINGS_CYRILLIC,
  NOUN_ENDINGS_LATIN,
} from './rule-words';

const LATIN_NOUN =
  /^[A-Za-z\u00C0-\u024F]+[b-df-hj-np-tv-zB-DF-HJ-NP-TV-Z\u0141\u0142\u0160\u0161\u017D\u017E\u010C\u010D]$/;
const CYRILLIC_NOUN = /^[\u0400-\u04FF]+[бвгґджзйклмнпрстфхцчшщ]$/i;
const LATIN_ADJECTIVE = /^(.*[sś]z?k)(yy|yj|yi|iy|ij|y|i|ý)$/i;
const CYRILLIC_ADJECTIVE = /^(.*ськ|.*ск)ий$/i;

/**
 * The surname forms of a policy: the listed ones, and with `inflection` their Slavic case
 * forms (and, for nouns, the German genitive -s), so a pack lists a surname once per spelling.
 */
export function surnameForms(match: DictionaryActor['match']): string[] {
  const out = new Set(match.surnames);
  const add = (stem: string, endings: readonly string[]) => {
    for (const e of endings) out.add(stem + e);
  };
  for (const s of match.surnames) {
    if (match.inflection === 'noun') {
      if (LATIN_NOUN.test(s)) {
        add(s, NOUN_ENDINGS_LATIN);
        if (!/[szxß]$/i.test(s)) out.add(`${s}s`);
      } else if (CYRILLIC_NOUN.test(s)) {
        add(s, NOUN_ENDINGS_CYRILLIC);
      }
    } else if (match.inflection === 'adjective') {
      const latin = LATIN_ADJECTIVE.exec(s);
      if (latin) add(latin[1]!, ADJECTIVE_ENDINGS_LATIN);
      const cyrillic = CYRILLIC_ADJECTIVE.exec(s);
      if (cyrillic) add(cyrillic[1]!, ADJECTIVE_ENDINGS_CYRILLIC);
    }
  }
  return [...out];
}

const OBLIQUE_ENDINGS: readonly string[] = [
  ...NOUN_ENDINGS_LATIN,
  ...NOUN_ENDINGS_CYRILLIC,
  'ego',
  'emu',
  'iego',
  'iemu',
  'ého',
  'ému',
  'og',
  'oga',
  'omu',
  'ого',
  'ому',
];

/** The forms of `surnames` that are another form (or its adjective stem) plus a case ending. */
export function obliqueForms(surnames: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  const stems = new Set<string>();
  for (const f of surnames) {
    const adj = LATIN_ADJECTIVE.exec(f) ?? CYRILLIC_ADJECTIVE.exec(f);
    if (adj) stems.add(adj[1]!.toLowerCase());
  }
  for (const f of surnames) {
    for (const e of OBLIQUE_ENDINGS) {
      if (f.length > e.length + 2 && f.endsWith(e)) {
        const base = f.slice(0, -e.length);
        if (surnames.has(base) || stems.has(base)) out.add(f);
      }
    }
  }
  return out;
}
