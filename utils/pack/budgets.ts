/**
 * What one pack, and all installed packs together, may ask of every page. Each alias and surname
 * becomes a path in the page's matcher and an entry in the dictionary copied into every tab, so
 * a valid pack with 600,000 short aliases would slow every tab and grow its memory by about
 * 100 MB (the 0.1.0 audit). The budgets below are checked before anything is parsed further or
 * written, and refused with a sentence:
 *
 * - names per actor: `LIMITS.aliasesPerActor` (the schema);
 * - names per pack: `PACK_BUDGET.names` aliases and surnames in all;
 * - the shape of each alias and surname (`checkNameShapes`): letters, a minimum length per
 *   script, never a stop word of the pack's languages (a surname that is one is accepted only
 *   when the actor marks `match.commonWord`, which makes pages take it capitalised only);
 * - all installed packs together (`dictionaryBudgetRefusal`, asked inside the install's
 *   transaction): `DICTIONARY_BUDGET.names` names and `DICTIONARY_BUDGET.chars` characters. The
 *   dictionary a page receives, and the matcher it builds (a flat trie with at most one node per
 *   character), are bounded by these two numbers.
 */
import { deu, eng, fra, ita, nld, pol, por, rus, spa, ukr } from 'stopword';
import type { Pack } from './schema';
import type { Problem } from './problems';
import { foldKey } from '../spotting/normalize';

/** At most this many aliases and surnames in one pack. The built-in pack has about 120. */
export const PACK_BUDGET = { names: 5_000 } as const;

/** All installed packs together: what every page may be asked to look for. */
export const DICTIONARY_BUDGET = {
  /** Aliases and surnames, over all packs. */
  names: 20_000,
  /** Their characters, over all packs: bounds the dictionary's size and the matcher's trie. */
  chars: 400_000,
} as const;

/** Letters a name needs at least: Chinese, Japanese and Korean characters each carry a syllable. */
const MIN_LETTERS = { alphabetic: 3, surname: 2, cjk: 2 } as const;

const CJK = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
const LETTER = /\p{L}/gu;

/** Stop words by language subtag (the pack's language and its sources'). */
const STOP_WORDS: Record<string, readonly string[]> = {
  en: eng,
  de: deu,
  fr: fra,
  uk: ukr,
  ru: rus,
  es: spa,
  it: ita,
  pl: pol,
  nl: nld,
  pt: por,
};

/** The languages a pack is written in: its own and its sources'. */
function packLanguages(pack: Pick<Pack, 'language' | 'sources'>): string[] {
  const tags = new Set([pack.language, ...pack.sources.map((s) => s.language)]);
  return [...new Set([...tags].map((t) => t.split('-')[0]!.toLowerCase()))];
}

const LANGUAGE_NAMES: Record<string, string> = {
  en: 'English',
  de: 'German',
  fr: 'French',
  uk: 'Ukrainian',
  ru: 'Russian',
  es: 'Spanish',
  it: 'Italian',
  pl: 'Polish',
  nl: 'Dutch',
  pt: 'Portuguese',
};

/** Folded stop word -> the language it is one of, for the pack's languages. */
function stopWordsOf(languages: string[]): Map<string, string> {
  const words = new Map<string, string>();
  for (const lang of languages)
    for (const word of STOP_WORDS[lang] ?? []) {
      const key = foldKey(word.normalize('NFKC'));
      if (!words.has(key)) words.set(key, LANGUAGE_NAMES[lang] ?? lang);
    }
  return words;
}

/** Aliases and surnames in raw (not yet schema-checked) data, counted without trusting it. */
function countNames(data: unknown): number {
  const actors = (data as { actors?: unknown } | null)?.actors;
  if (!Array.isArray(actors)) return 0;
  let names = 0;
  for (const actor of actors) {
    if (actor === null || typeof actor !== 'object') continue;
    const { aliases, match } = actor as { aliases?: unknown; match?: { surnames?: unknown } };
    if (Array.isArray(aliases)) names += aliases.length;
    if (match && typeof match === 'object' && Array.isArray(match.surnames))
      names += match.surnames.length;
  }
  return names;
}

/** The per-pack budget, on raw data, so a flood is refused before the schema walks it. */
export function checkPackBudget(data: unknown): Problem[] {
  const names = countNames(data);
  if (names <= PACK_BUDGET.names) return [];
  return [
    {
      path: 'actors',
      message: `name ${names.toLocaleString('en-US')} aliases and surnames in all; a pack may name at most ${PACK_BUDGET.names.toLocaleString('en-US')}, so that every page you read stays fast`,
    },
  ];
}

/** Every alias and surname has letters, enough of them for its script, and is no stop word. */
export function checkNameShapes(pack: Pack): Problem[] {
  const problems: Problem[] = [];
  const stopWords = stopWordsOf(packLanguages(pack));
  pack.actors.forEach((actor, i) => {
    const check = (name: string, path: string, surname: boolean) => {
      const letters = name.match(LETTER)?.length ?? 0;
      const min = CJK.test(name)
        ? MIN_LETTERS.cjk
        : surname
          ? MIN_LETTERS.surname
          : MIN_LETTERS.alphabetic;
      if (letters < min) {
        problems.push({
          path,
          message: `"${name}" has ${letters === 0 ? 'no letters' : `only ${letters} letter${letters === 1 ? '' : 's'}`}; ${surname ? 'a surname' : 'an alias'} needs at least ${min} to name one person`,
        });
        return;
      }
      const language = stopWords.get(foldKey(name.normalize('NFKC')));
      if (language === undefined) return;
      if (surname && actor.match.commonWord) return;
      problems.push({
        path,
        message: surname
          ? `"${name}" is a common ${language} word; a surname that is one needs "commonWord": true, so pages take it only where it is capitalised`
          : `"${name}" is a common ${language} word and cannot be an alias: every page would be full of it`,
      });
    };
    actor.aliases.forEach((alias, j) => check(alias, `actors[${i}].aliases[${j}]`, false));
    actor.match.surnames.forEach((name, j) =>
      check(name, `actors[${i}].match.surnames[${j}]`, true),
    );
  });
  return problems;
}

/** What an installed pack adds to the dictionary. */
interface NameLoad {
  names: number;
  chars: number;
}

/** The names and characters a pack adds to the dictionary. */
export function nameLoad(pack: Pick<Pack, 'actors'>): NameLoad {
  let names = 0;
  let chars = 0;
  for (const actor of pack.actors)
    for (const name of [...actor.aliases, ...actor.match.surnames]) {
      names++;
      chars += name.length;
    }
  return { names, chars };
}

/**
 * A sentence when installing a pack with `incoming` load beside the `others` installed would
 * exceed the dictionary budget, or null.
 */
export function dictionaryBudgetRefusal(
  title: string,
  incoming: NameLoad,
  others: NameLoad,
): string | null {
  const names = incoming.names + others.names;
  const chars = incoming.chars + others.chars;
  if (names <= DICTIONARY_BUDGET.names && chars <= DICTIONARY_BUDGET.chars) return null;
  const what =
    names > DICTIONARY_BUDGET.names
      ? `${names.toLocaleString('en-US')} names, more than the ${DICTIONARY_BUDGET.names.toLocaleString('en-US')}`
      : `${chars.toLocaleString('en-US')} characters of names, more than the ${DICTIONARY_BUDGET.chars.toLocaleString('en-US')}`;
  return `“${title}” was refused: with it, every page would have to look for ${what} Standpoint allows. Remove a pack you no longer need first`;
}
