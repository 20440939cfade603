import { describe, expect, it } from 'vitest';
import { failures, rates, scoreCase, totals } from '@/scripts/spot-eval/score';

const meta = (id: string, category = 'c', lang = 'en') => ({ id, category, lang });

describe('scoreCase', () => {
  it('matches found mentions to labels by person and exact text, each label once', () => {
    const r = scoreCase(meta('c#1'), { merz: ['Merz', 'Merz'], putin: ['Putin'] }, [
      { actor: 'merz', text: 'Merz' },
      { actor: 'merz', text: 'MERZ' },
      { actor: 'putin', text: 'Putin' },
      { actor: 'macron', text: 'Macron' },
    ]);
    expect(Object.fromEntries(r.byPerson)).toEqual({
      merz: { tp: 1, fp: 1, fn: 1 },
      putin: { tp: 1, fp: 0, fn: 0 },
      macron: { tp: 0, fp: 1, fn: 0 },
    });
    expect(r.misses).toEqual(['merz: "Merz"']);
    expect(r.mistakes).toEqual(['merz: "MERZ"', 'macron: "Macron"']);
  });

  it('scores a negative case by its mistakes alone', () => {
    const r = scoreCase(meta('n#1'), {}, []);
    expect(r.byPerson.size).toBe(0);
    expect(r.misses).toEqual([]);
  });
});

describe('rates and totals', () => {
  it('gives 1 where nothing was found or nothing expected', () => {
    expect(rates({ tp: 0, fp: 0, fn: 0 })).toMatchObject({ precision: 1, recall: 1 });
    expect(rates({ tp: 3, fp: 1, fn: 2 })).toMatchObject({ precision: 0.75, recall: 0.6 });
  });

  it('sums per person, category and language, listing people with no case', () => {
    const results = [
      scoreCase(meta('a#1', 'a', 'de'), { merz: ['Merz'] }, [{ actor: 'merz', text: 'Merz' }]),
      scoreCase(meta('b#1', 'b', 'en'), {}, [{ actor: 'merz', text: 'Merz' }]),
    ];
    const t = totals(results, ['merz', 'putin']);
    expect(t.all).toMatchObject({ tp: 1, fp: 1, fn: 0, precision: 0.5 });
    expect(t.byPerson.get('putin')).toMatchObject({ precision: 1, recall: 1 });
    expect(t.byCategory.get('b')).toMatchObject({ precision: 0, recall: 1 });
    expect([...t.byLanguage.keys()]).toEqual(['de', 'en']);
    expect(failures(t, { precision: 0.9, recall: 0.9 })).toEqual([
      'all: precision 0.500 < 0.9',
      'person merz: precision 0.500 < 0.9',
      'category b: precision 0.000 < 0.9',
    ]);
    expect(failures(t, { precision: 0, recall: 0 })).toEqual([]);
  });
});
