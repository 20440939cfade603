import { describe, expect, it } from 'vitest';
import {
  capitalisesNouns,
  compoundAfter,
  continuesHyphenatedWord,
  foldBefore,
  isRoleWord,
  mentionsAnyOf,
  hasLower,
  inflectedGivenName,
  isSentenceInitial,
  isTitleCase,
  opensText,
  personSuffixAfter,
  previousToken,
  titleBefore,
} from '@/utils/spotting/predicates';

/** The offset of the first `name` in `text`. */
const at = (text: string, name: string) => {
  const i = text.indexOf(name);
  if (i < 0) throw new Error(`${name} not in ${text}`);
  return i;
};

describe('isSentenceInitial', () => {
  it.each([
    ['Merz said.', true],
    ['He met Merz.', false],
    ['He left. Merz said.', true],
    ['He left! “Merz said.”', true],
    ['Breaking: Merz resigns', true],
    ['Live | Merz in Kyiv', true],
    ['Mr. Merz said.', false],
    ['U.S. Merz', false],
    ['J. Merz said.', false],
    ['the vs. Merz case', false],
    ['(Merz)', true],
  ])('%s -> %s', (text, expected) => {
    expect(isSentenceInitial(text, at(text, 'Merz'))).toBe(expected);
  });
});

describe('previousToken', () => {
  it.each([
    ['Chancellor Merz', 'Chancellor'],
    ['Germany’s  Merz', 'Germany’s'],
    ['Merz', null],
    ['(Merz', null],
    ['V. Merz', 'V.'],
  ])('%s -> %s', (text, expected) => {
    expect(previousToken(text, at(text, 'Merz'))).toBe(expected);
  });
});

describe('opensText', () => {
  it.each([
    ['Ivanka Trump', true],
    ['He said Ivanka Trump', false],
    ['Done. Ivanka Trump', true],
  ])('%s -> %s', (text, expected) => {
    expect(opensText(text, at(text, 'Trump') - 1)).toBe(expected);
  });
});

describe('titleBefore', () => {
  const titles = ['chancellor', 'u.s. president'];
  it.each([
    ['Chancellor Merz', true],
    ['Vice-Chancellor Merz', true],
    ['the U.S. President Trump', true],
    ['Subchancellor Merz', false],
    ['President Merz', false],
    ['Merz', false],
  ])('%s -> %s', (text, expected) => {
    const name = text.split(' ').at(-1)!;
    expect(titleBefore(foldBefore(text, text.lastIndexOf(name)), titles)).toBe(expected);
  });
});

describe('inflectedGivenName', () => {
  const given = new Set(['фрідріх', 'wolodymyr', 'jan']);
  it.each([
    ['фрідріху', true],
    ['фрідріхом', true],
    ['wolodymyrs', true],
    ['фрідріхович', false], // a patronymic-length ending is too long
    ['jana', false], // too short a stem to take endings
    ['friedrich', false],
  ])('%s -> %s', (key, expected) => {
    expect(inflectedGivenName(key, given)).toBe(expected);
  });
});

describe('isTitleCase', () => {
  it.each([
    ['Merz Meets Zelenskyy In Berlin', true],
    ['Europe Backs Zelenskyy and the Plan', true],
    ['Merz met Zelenskyy in Berlin on Monday', false],
    ['Merz Meets', false], // too few words to tell
  ])('%s -> %s', (text, expected) => {
    expect(isTitleCase(text)).toBe(expected);
  });
});

describe('personSuffixAfter and hasLower', () => {
  it.each([
    ['Donald Trump Jr. said', true],
    ['Donald Trump, Sr.', true],
    ['Donald Trump Junction', false],
    ['Donald Trump said', false],
  ])('%s -> %s', (text, expected) => {
    expect(personSuffixAfter(text, at(text, 'Trump') + 5)).toBe(expected);
  });

  it.each([
    ['ZELENSKYY', false],
    ['Zelenskyy', true],
    ['V.', false],
    ['Зеленський', true],
  ])('hasLower(%s) -> %s', (s, expected) => {
    expect(hasLower(s)).toBe(expected);
  });
});

describe('language predicates', () => {
  it.each([
    ['Grigori Ras-\nputin', 'putin', true],
    ['Ras-\n   putin', 'putin', true],
    ['the Trump-\nPutin summit', 'Putin', false], // a capital: a compound, not a split word
    ['Ras- putin', 'putin', false], // no line break
  ])('continuesHyphenatedWord(%j) -> %s', (text, name, expected) => {
    expect(continuesHyphenatedWord(text, text.indexOf(name))).toBe(expected);
  });

  it.each([
    ['Gastgeber Merz begrüßte Selenskyj und die Amerikaner.', true],
    ['Gesandter Witkoff sprach von großen Fortschritten.', false], // no marker word
    ['Ivanka Trump and Jared Kushner came together.', false],
    ['Ursula von der Leyen met Trump.', false],
  ])('capitalisesNouns(%s) -> %s', (text, expected) => {
    expect(capitalisesNouns(text)).toBe(expected);
  });

  it.each([
    ['He flew to the Kremlin.', ['kremlin'], true],
    ['KREMLIN SAYS NO', ['kremlin'], true],
    ['Kremlinology is a field.', ['kremlin'], false],
    ['the White House said', ['white house'], true],
    ['nothing here', [], false],
  ])('mentionsAnyOf(%s) -> %s', (text, words, expected) => {
    expect(mentionsAnyOf(text, words)).toBe(expected);
  });

  it.each([
    ['counterpart', true],
    ['us-unterhändler', true],
    ['kremlberater', true],
    ['trump-schwiegersohn', true],
    ['gastgeber', true],
    ['ivanka', false],
    ['peter', false],
  ])('isRoleWord(%s) -> %s', (key, expected) => {
    expect(isRoleWord(key)).toBe(expected);
  });

  it.each([
    ['Die Merz-Regierung plant', true],
    ['the Kushner-led track', true],
    ['ein Merz-Bild', false],
    ['Merz said', false],
    ['Merz-\nRegierung', true],
  ])('compoundAfter(%j) -> %s', (text, expected) => {
    expect(compoundAfter(text, text.indexOf('Merz') >= 0 ? text.indexOf('Merz') + 4 : 11)).toBe(
      expected,
    );
  });

  it('takes an inflected title for the title', () => {
    const w = (t: string) => foldBefore(t, t.length);
    expect(titleBefore(w('з Президентом '), ['президент'])).toBe(true);
    expect(titleBefore(w('des Präsidenten '), ['präsident'])).toBe(true);
    expect(titleBefore(w('the Presidentialists '), ['president'])).toBe(false);
  });
});
