import { describe, expect, it } from 'vitest';
import type { DictionaryActor } from '@/utils/views';
import {
  givenNameBefore,
  judge,
  prepareActor,
  type Entry,
  type RuleActor,
} from '@/utils/spotting/rules';
import { previousToken } from '@/utils/spotting/predicates';

const person = (
  id: string,
  match: Partial<DictionaryActor['match']> = {},
  kind: 'person' | 'group' = 'person',
): RuleActor =>
  prepareActor({
    id,
    kind,
    aliases: [],
    match: {
      surnames: [],
      bareSurname: 'in-context',
      givenNames: [],
      titles: [],
      commonWord: false,
      ...match,
    },
  });

const zelenskyy = person('zelenskyy', {
  givenNames: ['Volodymyr', 'Фрідріх'],
  titles: ['President'],
  bareSurname: 'always',
});
const trump = person('trump', {
  givenNames: ['Donald'],
  titles: ['President', 'U.S. President'],
  bareSurname: 'always',
  commonWord: true,
});
const kushner = person('kushner', { givenNames: ['Jared'], titles: ['adviser'] });

/** Judges the first occurrence of `name` in `text` against `entries`. */
function judged(text: string, name: string, entries: Entry[]) {
  const start = text.indexOf(name);
  const c = judge(text, start, start + name.length, entries);
  return c && { ids: c.actorIds, settled: c.settled, full: c.full };
}

describe('givenNameBefore', () => {
  it.each([
    ['Volodymyr Zelenskyy', 'own'],
    ['V. Zelenskyy', 'own'],
    ['Фрідріху Zelenskyy', 'own'], // an inflected given name
    ['J. Zelenskyy', 'other'],
    ['Olena Zelenskyy', 'other'],
    ['said Zelenskyy', 'neutral'],
    ['Later Zelenskyy', 'neutral'],
    ['Ukraine’s Zelenskyy', 'neutral'],
    ['Kyiv, Zelenskyy', 'neutral'], // punctuation ends the token's word
    ['UKRAINE Zelenskyy', 'neutral'],
    ['Europe Backs Zelenskyy In Berlin', 'neutral'], // Title Case, not opening the headline
    ['Olena Zelenskyy Speaks In Kyiv', 'other'], // Title Case, but the pair opens it
    ['Zelenskyy', 'neutral'],
  ])('%s -> %s', (text, expected) => {
    const start = text.indexOf('Zelenskyy');
    expect(givenNameBefore(text, start, previousToken(text, start), zelenskyy)).toBe(expected);
  });
});

describe('judge', () => {
  const full = (a: RuleActor): Entry => ({ actor: a, kind: 'full' });
  const surname = (a: RuleActor): Entry => ({ actor: a, kind: 'surname' });
  const exclude = (a: RuleActor): Entry => ({ actor: a, kind: 'exclude' });

  it.each([
    // A full alias always settles and names in full.
    ['Donald Trump spoke', 'Donald Trump', [full(trump)], ['trump'], true, true],
    // A generational suffix makes it someone else.
    ['Donald Trump Jr. spoke', 'Donald Trump', [full(trump)], null, false, false],
    // bareSurname always: settled alone.
    ['He met Zelenskyy.', 'Zelenskyy', [surname(zelenskyy)], ['zelenskyy'], true, false],
    // in-context without a title: waits for the full name.
    ['He met Kushner.', 'Kushner', [surname(kushner)], ['kushner'], false, false],
    // a title settles in-context surnames.
    ['the adviser Kushner said', 'Kushner', [surname(kushner)], ['kushner'], true, false],
    // own given name: settled and full.
    ['Jared Kushner said', 'Kushner', [surname(kushner)], ['kushner'], true, true],
    // another person's given name: nothing.
    ['Charles Kushner said', 'Kushner', [surname(kushner)], null, false, false],
    // lower case is no surname.
    ['a trump card', 'trump', [surname(trump)], null, false, false],
    // a common word opening a sentence needs context...
    ['Trump said.', 'Trump', [surname(trump)], ['trump'], false, false],
    // ...unless a title stands before it.
    ['U.S. President Trump said.', 'Trump', [surname(trump)], ['trump'], true, false],
    // an all-caps common word needs context too.
    ['WHY TRUMP WON', 'TRUMP', [surname(trump)], ['trump'], false, false],
    // an excluded phrase drops its actor.
    ['Ambassador Kushner', 'Ambassador Kushner', [exclude(kushner)], null, false, false],
    // a form two actors share is decided by the page when neither settles it alone...
    [
      'He met Kushner.',
      'Kushner',
      [surname(kushner), surname(person('k2'))],
      ['kushner', 'k2'],
      false,
      false,
    ],
    // ...and left open when both settle it.
    [
      'x Zelenskyy',
      'Zelenskyy',
      [surname(zelenskyy), surname(person('z2', { bareSurname: 'always' }))],
      ['zelenskyy', 'z2'],
      false,
      false,
    ],
    // one settled option wins over an unsettled one.
    [
      'x Zelenskyy',
      'Zelenskyy',
      [surname(zelenskyy), surname(person('z3'))],
      ['zelenskyy'],
      true,
      false,
    ],
    // a group's bare surname policy of never: nothing.
    [
      'x Delegation',
      'Delegation',
      [surname(person('g', { bareSurname: 'never' }, 'group'))],
      null,
      false,
      false,
    ],
  ] as const)('%s [%s]', (text, name, entries, ids, settled, full) => {
    const got = judged(text, name, [...entries]);
    if (ids === null) expect(got).toBeNull();
    else expect(got).toEqual({ ids: [...ids], settled, full });
  });
});
