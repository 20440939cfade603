/**
 * The disambiguation rules: given one occurrence of a known name form (found by the trie walk
 * in utils/spotting/matcher.ts), decide which actors it may name and whether it decides that
 * alone or only once the page names the actor in full. The rules run only at those few
 * positions, never over the whole text. They are documented in docs/spotting.md; the
 * predicates they are made of are in utils/spotting/predicates.ts.
 */
import type { DictionaryActor } from '../views';
import { foldKey, isUpperChar, isWordCharAt } from './normalize';
import {
  capitalisesNouns,
  compoundAfter,
  continuesHyphenatedWord,
  foldBefore,
  hasLower,
  inflectedGivenName,
  isRoleWord,
  isSentenceInitial,
  isTitleCase,
  mentionsAnyOf,
  opensText,
  personSuffixAfter,
  previousToken,
  titleBefore,
} from './predicates';
import { obliqueForms, surnameForms } from './inflection';
import {
  FAMILY_ARTICLES,
  FAMILY_ARTICLES_ANY_FORM,
  LOWERCASE_WORDS,
  NEUTRAL_WORDS,
} from './rule-words';

/** One occurrence of a known name form in a text, before the page-wide context is known. */
export interface Candidate {
  /** Offsets into the text passed to `find`, end exclusive. */
  start: number;
  end: number;
  /** The actors this occurrence may name; more than one only when a form is shared. */
  actorIds: string[];
  /**
   * True when this occurrence alone decides its actor (a full alias, a title before a surname,
   * or a surname the pack calls unambiguous). False when it counts only if the page also names
   * one of `actorIds` in full.
   */
  settled: boolean;
  /** True when this occurrence names its actor in full, which makes bare surnames count. */
  full: boolean;
  /**
   * Actors whose namesake this occurrence names (`Brigitte Macron`): from here on the text's
   * bare surnames are not taken for them (see `afterNamesakes`). Only inside `judge`'s
   * results; `afterNamesakes` removes such occurrences.
   */
  namesakeOf?: string[];
}

/** An actor's match policy, folded once per dictionary version for the rules. */
export interface RuleActor {
  id: string;
  isPerson: boolean;
  bareSurname: 'always' | 'in-context' | 'never';
  commonWord: boolean;
  givenNames: Set<string>;
  /** Initials of the given names, lower case: `v` for Volodymyr. */
  initials: Set<string>;
  titles: string[];
  /** Given names and forms of address of other people with the surname (folded). */
  namesakes: Set<string>;
  /** Words that make an in-context surname count in the same text (folded). */
  context: string[];
  lowerCase: boolean;
  /** Every surname form (folded), generated inflections included. */
  surnames: Set<string>;
  /** Every surname form of every actor of the dictionary (one lookup shared by all). */
  allSurnames: SurnameLookup;
  /** Surname forms in an oblique case: another form plus a case ending (folded). */
  oblique: Set<string>;
}

/**
 * Whether a folded word is a surname form of some actor of the dictionary. The matcher answers
 * from its trie (`FlatTrie.surnames`), which holds every surname form already: nothing to collect
 * on the page.
 */
export interface SurnameLookup {
  has(folded: string): boolean;
}

/** True when a dash joins the name ending at `end` to another known surname: "Trump-Putin". */
function pairAfter(text: string, end: number, actor: Partial<Pick<RuleActor, 'allSurnames'>>) {
  if (!actor.allSurnames || !'-–—‐‑'.includes(text[end] ?? ' ')) return false;
  let j = end + 1;
  while (j < text.length && isWordCharAt(text, j)) j++;
  return actor.allSurnames.has(foldKey(text.slice(end + 1, j)));
}

/** What a name form stored in the trie is for one actor. */
export interface Entry {
  actor: RuleActor;
  /** `exclude`: a longer phrase that contains one of the actor's names but means someone else. */
  kind: 'full' | 'surname' | 'exclude';
}

/**
 * Folds an actor's match policy for the rules. `allSurnames` knows the surname forms of the
 * whole dictionary; without it, the actor's own are all the rules know.
 */
export function prepareActor(a: DictionaryActor, allSurnames?: SurnameLookup): RuleActor {
  const surnames = new Set(surnameForms(a.match).map(foldKey));
  const givenNames = new Set(a.match.givenNames.map(foldKey).filter(Boolean));
  return {
    id: a.id,
    isPerson: a.kind === 'person',
    bareSurname: a.match.bareSurname,
    commonWord: a.match.commonWord,
    givenNames,
    initials: new Set([...givenNames].map((g) => g[0]!)),
    titles: a.match.titles.map(foldKey).filter(Boolean),
    namesakes: new Set((a.match.namesakes ?? []).map((n) => foldKey(n).replace(/\.$/, ''))),
    context: (a.match.context ?? []).map(foldKey).filter(Boolean),
    lowerCase: a.match.lowerCase === true,
    surnames,
    allSurnames: allSurnames ?? surnames,
    oblique: obliqueForms(surnames),
  };
}

/**
 * What the token right before a bare surname says about whose surname it is:
 * `own` (one of the actor's given names or their initial: "Volodymyr", "Фрідріху", "V."),
 * `other` (another person's given name, initial or form of address: "Ivanka", "J.", "Mrs"),
 * `role` (a role noun: "negotiator", "Gastgeber", "US-Unterhändler"), or `neutral` (anything
 * else: a function word, a title, a demonym, a possessive, punctuation touching the name, an
 * unknown capitalised word where capitals say nothing: German text, a Title Case headline,
 * the first word of a sentence).
 */
export function givenNameBefore(
  text: string,
  start: number,
  end: number,
  prev: string | null,
  actor: Pick<RuleActor, 'givenNames' | 'initials'> &
    Partial<Pick<RuleActor, 'namesakes' | 'allSurnames' | 'oblique'>>,
): 'own' | 'other' | 'role' | 'neutral' {
  if (prev === null) return 'neutral';
  const key = foldKey(prev);
  const bare = key.replace(/\.$/, '');
  if (actor.namesakes?.has(bare)) return 'other'; // Brigitte Macron, Mrs Macron
  if (isRoleWord(key)) return 'role';
  if (bare.length === 1 && isUpperChar(prev[0]!)) {
    // "V. Zelenskyy" / "J. Zelenskyy"; without its full stop a letter may be a word ("З", "O").
    if (!key.endsWith('.')) return 'neutral';
    return actor.initials.has(bare) ? 'own' : 'other';
  }
  if (!isUpperChar(prev[0]!) || !hasLower(prev) || !isWordCharAt(prev, prev.length - 1)) {
    return 'neutral';
  }
  if (actor.givenNames.has(key) || inflectedGivenName(key, actor.givenNames)) return 'own';
  if (NEUTRAL_WORDS.has(key) || key.endsWith("'s")) return 'neutral';
  if (actor.allSurnames?.has(key)) return 'neutral'; // another known name: "z Putinem Witkoff"
  const opens = opensText(text, start - prev.length - 1);
  if (isTitleCase(text) && !opens) return 'neutral';
  if (capitalisesNouns(text)) return 'neutral';
  // A sentence's first word before a surname in an oblique case ("Spotkanie Kushnera",
  // "Зустріч Трамп–Путін") is a noun governing it: a given name would share the case.
  if (
    opens &&
    (actor.oblique?.has(foldKey(text.slice(start, end))) || pairAfter(text, end, actor))
  ) {
    return 'neutral';
  }
  return 'other'; // Ivanka Trump
}

/** True when the article before a surname makes it a family: `the Macrons`, `les Macron`. */
function familyBefore(prev: string | null, key: string, surnames: ReadonlySet<string>): boolean {
  if (prev === null) return false;
  const article = prev.toLowerCase();
  if (FAMILY_ARTICLES_ANY_FORM.has(article)) return true;
  return FAMILY_ARTICLES.has(article) && key.endsWith('s') && surnames.has(key.slice(0, -1));
}

interface Option {
  id: string;
  settled: boolean;
  full: boolean;
}

/** The options a bare surname gives, one per actor it may name (none: not a name here). */
function surnameOptions(
  text: string,
  start: number,
  end: number,
  list: Entry[],
  namesakeOf: string[],
): Option[] {
  const options: Option[] = [];
  const word = text.slice(start, end);
  // A bare surname in lower case is a name only where the pack allows it ("trump card" is not
  // Donald Trump), and never as the second half of a word split at a line end ("Ras-/putin").
  const lower = !isUpperChar(word[0]!);
  if (lower && (hasUpperAfterFirst(word) || continuesHyphenatedWord(text, start))) return options;
  const key = foldKey(word);
  const caseless = !hasLower(word); // ZELENSKYY: case says nothing in an all-caps headline
  const initial = caseless || isSentenceInitial(text, start);
  const suffix = personSuffixAfter(text, end);
  const prev = previousToken(text, start);
  let before: string | undefined; // the folded text before the name, for titles
  for (const { actor: a } of list) {
    if (a.bareSurname === 'never' || (a.isPerson && suffix)) continue;
    // A surname that is a word in lower case (`macron`, `poutine`) needs one of the actor's
    // context words in the same text: "macron a encore parlé de garanties".
    if (
      lower &&
      (!a.lowerCase ||
        a.commonWord ||
        (LOWERCASE_WORDS.has(key) && !mentionsAnyOf(text, a.context)))
    ) {
      continue;
    }
    if (familyBefore(prev, key, a.surnames)) continue; // the Macrons: a couple, not our person
    const titled =
      a.titles.length > 0 && titleBefore((before ??= foldBefore(text, start)), a.titles);
    const given = titled ? 'neutral' : givenNameBefore(text, start, end, prev, a);
    if (given === 'other') {
      // A namesake the pack knows (Brigitte, Mrs) makes the page's later bare surnames
      // ambiguous; an unknown capitalised word ("Un-Angry Trump") rules out only this one.
      if (a.isPerson && prev !== null && a.namesakes.has(foldKey(prev).replace(/\.$/, ''))) {
        namesakeOf.push(a.id);
      }
      continue;
    }
    if (given === 'own') {
      options.push({ id: a.id, settled: true, full: true });
      continue;
    }
    const known = titled || given === 'role';
    if (
      a.commonWord &&
      initial &&
      !known &&
      !compoundAfter(text, end) &&
      !mentionsAnyOf(text, a.context)
    ) {
      options.push({ id: a.id, settled: false, full: false });
      continue;
    }
    const settled =
      known ||
      a.bareSurname === 'always' ||
      compoundAfter(text, end) ||
      foreignCase(key, a) ||
      (a.context.length > 0 && mentionsAnyOf(text, a.context));
    options.push({ id: a.id, settled, full: false });
  }
  return options;
}

/**
 * True for a Latin-script Slavic case form of the actor's surname (`Merzu`, `Kushnerem`,
 * `Ušakova`): only Polish, Czech, Slovak or Croatian writing declines a name so, and the bearer
 * of a surname that such news declines is the one the pack is about, not a namesake at home.
 * The home language's own forms (`Ушакова` in Russian) stay in context.
 */
function foreignCase(key: string, a: RuleActor): boolean {
  return key.charCodeAt(0) < 0x250 && a.oblique.has(key);
}

function hasUpperAfterFirst(word: string): boolean {
  for (let i = 1; i < word.length; i++) if (isUpperChar(word[i]!)) return true;
  return false;
}

/** Applies the disambiguation rules to one occurrence of a known form. */
export function judge(
  text: string,
  start: number,
  end: number,
  all: readonly Entry[],
): Candidate | null {
  // An excluded phrase ("Donald Trump Jr.") is the longest match and takes its text out of play
  // for the actor that excludes it; other actors sharing the form still count.
  const excluded = all.filter((e) => e.kind === 'exclude').map((e) => e.actor);
  const list = excluded.length ? all.filter((e) => !excluded.includes(e.actor)) : [...all];
  const fulls = list.filter((e) => e.kind === 'full');
  let options: Option[];
  const namesakeOf: string[] = [];
  if (fulls.length > 0) {
    const suffix = personSuffixAfter(text, end);
    options = fulls
      .filter((e) => !(e.actor.isPerson && suffix))
      .map((e) => ({ id: e.actor.id, settled: true, full: true }));
  } else {
    options = surnameOptions(text, start, end, list, namesakeOf);
  }
  if (options.length === 0) {
    return namesakeOf.length > 0
      ? { start, end, actorIds: [], settled: false, full: false, namesakeOf }
      : null;
  }
  const settled = options.filter((o) => o.settled);
  if (settled.length === 1) {
    const o = settled[0]!;
    return { start, end, actorIds: [o.id], settled: true, full: o.full };
  }
  const pool = settled.length > 1 ? settled : options;
  return { start, end, actorIds: pool.map((o) => o.id), settled: false, full: false };
}
