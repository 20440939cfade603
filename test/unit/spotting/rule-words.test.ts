import { afterEach, describe, expect, it } from 'vitest';
import { buildMatcher } from '@/utils/spotting/matcher';
import { RULE_VOCABULARY } from '@/utils/spotting/rule-vocabulary';
import {
  NEUTRAL_WORDS,
  PAGE_STOP_WORDS,
  useVocabulary,
  VOCABULARY_LISTS,
} from '@/utils/spotting/rule-words';
import { testDictionary } from './dict';

describe('the rules’ vocabulary', () => {
  afterEach(() => useVocabulary(RULE_VOCABULARY));

  it('is the one a dictionary brings: building its matcher switches the lists', () => {
    expect(NEUTRAL_WORDS.has('chancellor')).toBe(true);
    buildMatcher({ ...testDictionary, vocabulary: { ...RULE_VOCABULARY, neutral: 'envoy' } });
    expect(NEUTRAL_WORDS.has('chancellor')).toBe(false);
    expect(NEUTRAL_WORDS.has('envoy')).toBe(true);
    // A dictionary without one keeps the lists in use.
    buildMatcher({ version: 'plain', actors: testDictionary.actors });
    expect(NEUTRAL_WORDS.has('envoy')).toBe(true);
  });

  it('names every list once, each a folded, non-empty word list', () => {
    expect(Object.keys(RULE_VOCABULARY).sort()).toEqual([...VOCABULARY_LISTS].sort());
    for (const name of VOCABULARY_LISTS) {
      const words = RULE_VOCABULARY[name].split(/\s+/).filter(Boolean);
      expect(words.length, name).toBeGreaterThan(0);
      expect(
        words.filter((w) => w !== w.toLowerCase()),
        name,
      ).toEqual([]);
    }
    expect(PAGE_STOP_WORDS.has('because')).toBe(true);
  });
});
