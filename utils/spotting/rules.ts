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
  foldBefore,
  hasLower,
  inflectedGivenName,
  isSentenceInitial,
  isTitleCase,
  opensText,
  personSuffixAfter,
  previousToken,
  titleBefore,
} from './predicates';
import { NEUTRAL_WORDS } from './rule-words';

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
}

/** What a name form stored in the trie is for one actor. */
export interface Entry {
  actor: RuleActor;
  /** `exclude`: a longer phrase that contains one of the actor's names but means someone else. */
  kind: 'full' | 'surname' | 'exclude';
}

/** Folds an actor's match policy for the rules. */
export function prepareActor(a: DictionaryActor): RuleActor {
  const givenNames = new Set(a.match.givenNames.map(foldKey).filter(Boolean));
  return {
    id: a.id,
    isPerson: a.kind === 'person',
    bareSurname: a.match.bareSurname,
    commonWord: a.match.commonWord,
    givenNames,
    initials: new Set([...givenNames].map((g) => g[0]!)),
    titles: a.match.titles.map(foldKey).filter(Boolean),
  };
}

/**
 * What the token right before a bare surname says about whose surname it is:
 * `own` (one of the actor's given names or their initial: "Volodymyr", "Фрідріху", "V."),
 * `other` (another person's given name or initial: "Ivanka", "J."), or `neutral` (anything
 * else: a function word, a title, a demonym, a possessive, punctuation touching the name, a
 * capitalised word inside a Title Case headline).
 */
export function givenNameBefore(
  text: string,
  start: number,
  prev: string | null,
  actor: Pick<RuleActor, 'givenNames' | 'initials'>,
): 'own' | 'other' | 'neutral' {
  if (prev === null) return 'neutral';
  const key = foldKey(prev);
  const bare = key.replace(/\.$/, '');
  if (bare.length === 1 && isUpperChar(prev[0]!)) {
    return actor.initials.has(bare) ? 'own' : 'other'; // "V. Zelenskyy" / "J. Zelenskyy"
  }
  if (!isUpperChar(prev[0]!) || !hasLower(prev) || !isWordCharAt(prev, prev.length - 1)) {
    return 'neutral';
  }
  if (actor.givenNames.has(key) || inflectedGivenName(key, actor.givenNames)) return 'own';
  if (NEUTRAL_WORDS.has(key) || key.endsWith("'s")) return 'neutral';
  if (isTitleCase(text) && !opensText(text, start - prev.length - 1)) return 'neutral';
  return 'other'; // Ivanka Trump
}

interface Option {
  id: string;
  settled: boolean;
  full: boolean;
}

/** The options a bare surname gives, one per actor it may name (none: not a name here). */
function surnameOptions(text: string, start: number, end: number, list: Entry[]): Option[] {
  const options: Option[] = [];
  const word = text.slice(start, end);
  // A bare surname is a name only when capitalised: "trump card" is not Donald Trump.
  if (!isUpperChar(word[0]!)) return options;
  const caseless = !hasLower(word); // ZELENSKYY: case says nothing in an all-caps headline
  const initial = caseless || isSentenceInitial(text, start);
  const suffix = personSuffixAfter(text, end);
  const prev = previousToken(text, start);
  let before: string | undefined; // the folded text before the name, for titles
  for (const { actor: a } of list) {
    if (a.bareSurname === 'never' || (a.isPerson && suffix)) continue;
    const titled =
      a.titles.length > 0 && titleBefore((before ??= foldBefore(text, start)), a.titles);
    const given = titled ? 'neutral' : givenNameBefore(text, start, prev, a);
    if (given === 'other') continue;
    if (given === 'own') options.push({ id: a.id, settled: true, full: true });
    else if (a.commonWord && initial && !titled)
      options.push({ id: a.id, settled: false, full: false });
    else options.push({ id: a.id, settled: titled || a.bareSurname === 'always', full: false });
  }
  return options;
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
  if (fulls.length > 0) {
    const suffix = personSuffixAfter(text, end);
    options = fulls
      .filter((e) => !(e.actor.isPerson && suffix))
      .map((e) => ({ id: e.actor.id, settled: true, full: true }));
  } else {
    options = surnameOptions(text, start, end, list);
  }
  if (options.length === 0) return null;
  const settled = options.filter((o) => o.settled);
  if (settled.length === 1) {
    const o = settled[0]!;
    return { start, end, actorIds: [o.id], settled: true, full: o.full };
  }
  const pool = settled.length > 1 ? settled : options;
  return { start, end, actorIds: pool.map((o) => o.id), settled: false, full: false };
}
