/**
 * Word lists of the disambiguation rules (utils/spotting/rules.ts). They are about languages,
 * not about any one person: what a person's names are, and who shares them, is pack data.
 * Every list is folded (lower case) and checked with a Set lookup.
 *
 * The vocabulary lists (whole words: titles, function words, roles...) are written in
 * ./rule-vocabulary.ts and travel inside the dictionary (`Dictionary.vocabulary`), so they grow
 * with the languages we read without growing the always-on content script: here each is a
 * `WordSet` that `useVocabulary` fills when a matcher is built. Endings and punctuation, which
 * are grammar and stay small, are written here.
 */

import { WordSet } from './word-set';

/** The names of the vocabulary lists; `RuleVocabulary` gives each its words. */
export const VOCABULARY_LISTS = [
  'neutral',
  'abbreviations',
  'titleCaseSmall',
  'roles',
  'familyArticles',
  'familyArticlesAnyForm',
  'germanMarkers',
  'lowercase',
  'compoundHeads',
  'pageStopWords',
] as const;
type VocabularyList = (typeof VOCABULARY_LISTS)[number];
/** Each list's words, separated by white space. */
export type RuleVocabulary = Record<VocabularyList, string>;

const vocabulary = new Map<VocabularyList, WordSet>();

function vocabularyList(name: VocabularyList): WordSet {
  const set = new WordSet();
  vocabulary.set(name, set);
  return set;
}

/** Uses the lists of a dictionary's vocabulary from now on (the rules read them on each call). */
export function useVocabulary(v: RuleVocabulary): void {
  for (const [name, set] of vocabulary) set.reset(v[name]);
}

/** Capitalised words before a surname that are not a given name: they do not make it someone else. */
export const NEUTRAL_WORDS = vocabularyList('neutral');

/** Abbreviations whose full stop does not end a sentence. */
export const ABBREVIATIONS = vocabularyList('abbreviations');

/** Characters that may open a sentence's first word: quotes and brackets. */
export const OPENERS = '"\'“”‘’«»„‹›([{¡¿*';
/** Characters after which the next word starts a sentence or a headline. */
export const SENTENCE_ENDS = '.!?…:|•·';

/** Words Title Case styles leave in lower case; they say nothing either way. */
export const TITLE_CASE_SMALL = vocabularyList('titleCaseSmall');

/**
 * Role nouns any leader may carry that, right before a surname, say who the person is as a title
 * does (`host Merz`, `counterpart Macron`, `Gastgeber Merz` by its ending below): the surname
 * counts as the actor's. A role only one person has (`negotiator`, `помощник`) is one of that
 * person's `titles` in the pack instead.
 */
export const ROLE_WORDS = vocabularyList('roles');

/**
 * Endings of German compound role nouns (`US-Unterhändler`, `Kremlberater`, `CDU-Chef`,
 * `Trump-Schwiegersohn`): German writes roles as one capitalised word.
 */
export const ROLE_SUFFIXES: readonly string[] = [
  'berater',
  'chef',
  'gesandter',
  'gesandte',
  'händler',
  'kanzler',
  'präsident',
  'minister',
  'sprecher',
  'führer',
  'geber',
  'sohn',
  'kollege',
  'haber',
  'unternehmer',
  'mittler',
  'verhandler',
  'diplomat',
  'beauftragter',
  'vertrauter',
  'maker',
];

/** Articles before a plural surname that make it a family or a couple: `the Macrons`, `die Trumps`. */
export const FAMILY_ARTICLES = vocabularyList('familyArticles');
/** French articles that make even the bare surname a family: `les Macron`, `chez les Macron`. */
export const FAMILY_ARTICLES_ANY_FORM = vocabularyList('familyArticlesAnyForm');

/**
 * Common German words: a text with one of them reads as German, where every noun is
 * capitalised and a capitalised word before a surname is no sign of a given name.
 */
export const GERMAN_MARKERS = vocabularyList('germanMarkers');

/** Surname forms that are ordinary words in lower case somewhere: never a name in lower case. */
export const LOWERCASE_WORDS = vocabularyList('lowercase');

/** Slavic case endings of surnames declined as nouns (Putin, Merz, Witkoff, Ushakov). */
export const NOUN_ENDINGS_LATIN: readonly string[] = ['a', 'u', 'om', 'em', 'owi', 'ovi', 'ov'];
export const NOUN_ENDINGS_CYRILLIC: readonly string[] = [
  'а',
  'у',
  'ом',
  'ем',
  'ым',
  'им',
  'е',
  'і',
  'ові',
];
/** Masculine endings of surnames declined as adjectives (Zelenskyj, Zełenski, Зеленський). */
export const ADJECTIVE_ENDINGS_LATIN: readonly string[] = [
  'i',
  'y',
  'ij',
  'yj',
  'iy',
  'yi',
  'yy',
  'iego',
  'iemu',
  'im',
  'ym',
  'ego',
  'emu',
  'og',
  'oga',
  'om',
  'omu',
  'ého',
  'ému',
  'ým',
  'ý',
];
export const ADJECTIVE_ENDINGS_CYRILLIC: readonly string[] = ['ий', 'ого', 'ому', 'им', 'ім', 'ом'];

/** Words a hyphen joins to a surname that make the compound about the person (`Merz-Regierung`). */
export const COMPOUND_HEADS = vocabularyList('compoundHeads');

/**
 * Frequent words that say nothing about what a page is about, left out of the page's words (the
 * popup's report and the card's topic ranking, ./words.ts). Until a dictionary arrives the list is
 * empty, and the page is not scanned either.
 */
export const PAGE_STOP_WORDS = vocabularyList('pageStopWords');
