import { describe, expect, it } from 'vitest';
import type { DictionaryActor } from '@/utils/views';
import { surnameForms } from '@/utils/spotting/inflection';
import { afterNamesakes } from '@/utils/spotting/namesakes';
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
    const prev = previousToken(text, start);
    expect(givenNameBefore(text, start, start + 9, prev, zelenskyy)).toBe(expected);
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

describe('judge: pack policy and language rules', () => {
  const macron = person('macron', {
    surnames: ['Macron'],
    bareSurname: 'always',
    givenNames: ['Emmanuel'],
    namesakes: ['Brigitte', 'Mrs'],
    inflection: 'noun',
    lowerCase: true,
  });
  const merz = person('merz', {
    surnames: ['Merz'],
    givenNames: ['Friedrich'],
    titles: ['Kanzler', 'канцлер'],
    context: ['Bundestag'],
    lowerCase: true,
  });
  const trumpWord = person('trump', {
    surnames: ['Trump'],
    bareSurname: 'always',
    commonWord: true,
    inflection: 'noun',
    context: ['Ukraine'],
  });
  const merzDeclined = person('merz', { surnames: ['Merz', 'Мерц'], inflection: 'noun' });
  const macronInContext = person('macron', {
    surnames: ['Macron'],
    bareSurname: 'always',
    lowerCase: true,
    context: ['garanties'],
  });
  const s = (a: RuleActor): Entry => ({ actor: a, kind: 'surname' });
  const verdict = (text: string, name: string, a: RuleActor, at = text.indexOf(name)) => {
    const c = judge(text, at, at + name.length, [s(a)]);
    if (!c) return 'none';
    if (c.namesakeOf?.length) return 'namesake';
    return c.settled ? 'settled' : 'waits';
  };

  it.each([
    ['Brigitte Macron arrived', 'Macron', macron, 'namesake'],
    ['Mrs Macron arrived', 'Macron', macron, 'namesake'],
    ['The Macrons arrived', 'Macrons', macron, 'none'], // a couple
    ['Les Macron ont dîné', 'Macron', macron, 'none'],
    ['the Macron government', 'Macron', macron, 'settled'],
    ['lol macron again', 'macron', macron, 'none'], // "macron" is a word in lower case
    ['macron a parlé de garanties', 'macron', macronInContext, 'settled'], // ...unless in context
    ['a macron over the vowel', 'macron', macronInContext, 'none'],
    ['O Merzu mówi się', 'Merzu', merzDeclined, 'settled'], // a Latin-script Slavic case form
    ['Словарь Мерца', 'Мерца', merzDeclined, 'waits'], // Cyrillic case forms stay in context
    ['merz hat recht', 'merz', merz, 'waits'], // lower case allowed, still in context
    ['Merz sprach im Bundestag', 'Merz', merz, 'settled'], // a context word
    ['Gastgeber Merz begrüßte sie', 'Merz', merz, 'settled'], // a German role noun
    ['US-Unterhändler Merz', 'Merz', merz, 'settled'],
    ['Die Merz-Regierung plant', 'Merz', merz, 'settled'], // a compound about the person
    ['Hans Merz, ein Bäcker aus Köln', 'Merz', merz, 'waits'], // German: capitals say nothing
    ['He met Hans Merz there', 'Merz', merz, 'none'], // English: another given name
    ['зустрівся з Канцлером Мерц', 'Мерц', person('m', { titles: ['канцлер'] }), 'settled'],
    ['Trump said no.', 'Trump', trumpWord, 'waits'],
    ['Trump said no to Ukraine.', 'Trump', trumpWord, 'settled'],
    [
      'Grigori Ras-\nputin',
      'putin',
      person('p', { lowerCase: true, bareSurname: 'always' }),
      'none',
    ],
  ] as const)('%s -> %s', (text, name, actor, expected) => {
    expect(verdict(text, name, actor)).toBe(expected);
  });

  it("generates Slavic case forms and the German genitive from the pack's inflection", () => {
    const noun = surnameForms({
      ...macron,
      surnames: ['Putin', 'Путін'],
      inflection: 'noun',
    } as never);
    expect(noun).toEqual(
      expect.arrayContaining([
        'Putina',
        'Putinem',
        'Putinowi',
        'Putinom',
        'Putins',
        'Путіна',
        'Путінові',
      ]),
    );
    const adjective = surnameForms({
      surnames: ['Zelenskyj', 'Зеленський'],
      inflection: 'adjective',
    } as never);
    expect(adjective).toEqual(
      expect.arrayContaining([
        'Zelenského',
        'Zelenskog',
        'Zelenskim',
        'Зеленського',
        'Зеленському',
      ]),
    );
    // Never a feminine form: those name his wife.
    expect(adjective).not.toContain('Zelenská');
    expect(adjective).not.toContain('Зеленська');
    expect(surnameForms({ surnames: ['Merz'] } as never)).toEqual(['Merz']);
  });
});

describe('afterNamesakes', () => {
  it('drops the bare surnames after a namesake in the same text, keeping full names', () => {
    const c = (start: number, ids: string[], extra: object = {}) => ({
      start,
      end: start + 1,
      actorIds: ids,
      settled: true,
      full: false,
      ...extra,
    });
    const out = afterNamesakes([
      c(0, ['macron']), // before the namesake: kept
      c(5, [], { namesakeOf: ['macron'] }), // "Brigitte Macron"
      c(10, ['macron']), // dropped
      c(15, ['macron'], { full: true }), // "Emmanuel Macron": kept
      c(20, ['putin']), // another actor: kept
    ]);
    expect(out.map((x) => [x.start, x.actorIds])).toEqual([
      [0, ['macron']],
      [15, ['macron']],
      [20, ['putin']],
    ]);
  });
});
