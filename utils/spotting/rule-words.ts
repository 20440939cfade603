/**
 * Word lists of the disambiguation rules (utils/spotting/rules.ts). They are about languages,
 * not about any one person: what a person's names are, and who shares them, is pack data.
 * Every list is folded (lower case) and checked with a Set lookup.
 */

import { wordSet as words } from './word-set';

/** Capitalised words before a surname that are not a given name: they do not make it someone else. */
export const NEUTRAL_WORDS = words(
  'a an the and but or nor so yet for of in on at by to from with without as if when while after before since ' +
    'until because although though then now today yesterday tomorrow tonight meanwhile however still also even ' +
    'only just why how what where who whom whose which that this these those both either neither not no yes ' +
    'said says asked told according under over against between about during like unlike per via let has had ' +
    'have is was were will would could should can may might must did does do it he she they we i you his her ' +
    'their our my your its all some many most more few several every each any other another new old watch read ' +
    'see video photo photos opinion analysis live update updates breaking exclusive interview news dear thanks ' +
    'whether once here there later earlier last next first second third finally then instead separately ' +
    'afterwards previously recently currently ultimately meanwhile overall indeed perhaps maybe ' +
    'certainly clearly nevertheless nonetheless moreover furthermore besides otherwise thus hence ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april june july august ' +
    'september october november december ' +
    'mr mrs ms miss mx dr sir dame lord lady prof professor president chancellor minister prime secretary ' +
    'senator sen rep representative governor gov mayor general gen admiral colonel col leader king queen ' +
    'prince princess pope premier ambassador envoy commissioner chairman chairwoman chair speaker judge ' +
    'justice former ex vice deputy acting elect candidate nominee comrade ' +
    'american russian ukrainian german french british english chinese european israeli palestinian iranian ' +
    'polish italian spanish turkish indian japanese korean canadian mexican brazilian hungarian belarusian ' +
    'nato eu un us uk kremlin ' +
    'der die das den dem des ein eine einen einem le la les un une du au aux',
);

/** Abbreviations whose full stop does not end a sentence. */
export const ABBREVIATIONS = words(
  'mr mrs ms dr st sen rep gov gen col lt sgt capt adm pres prof jr sr u.s u.k vs no',
);

/** Characters that may open a sentence's first word: quotes and brackets. */
export const OPENERS = '"\'“”‘’«»„‹›([{¡¿*';
/** Characters after which the next word starts a sentence or a headline. */
export const SENTENCE_ENDS = '.!?…:|•·';

/** Words Title Case styles leave in lower case; they say nothing either way. */
export const TITLE_CASE_SMALL = words(
  'and the for nor but yet with from into over onto upon amid via per off out',
);

/**
 * Role nouns any leader may carry that, right before a surname, say who the person is as a title
 * does (`host Merz`, `counterpart Macron`, `Gastgeber Merz` by its ending below): the surname
 * counts as the actor's. A role only one person has (`negotiator`, `помощник`) is one of that
 * person's `titles` in the pack instead.
 */
export const ROLE_WORDS = words('host counterpart homologue hôte');

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
export const FAMILY_ARTICLES = words('the die den');
/** French articles that make even the bare surname a family: `les Macron`, `chez les Macron`. */
export const FAMILY_ARTICLES_ANY_FORM = words('les des aux');

/**
 * Common German words: a text with one of them reads as German, where every noun is
 * capitalised and a capitalised word before a surname is no sign of a given name.
 */
export const GERMAN_MARKERS = words(
  'und nicht ist mit für sich dem ein eine einen einer auch im zu auf nach bei laut wurde hat ' +
    'sagte sind war vom zum zur beim über',
);

/** Surname forms that are ordinary words in lower case somewhere: never a name in lower case. */
export const LOWERCASE_WORDS = words('trump trumps macron poutine');

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
export const COMPOUND_HEADS = words(
  'regierung kabinett plan anhänger lager interview team regime besuch government administration ' +
    'cabinet camp supporters led backed era gouvernement camp équipe',
);
