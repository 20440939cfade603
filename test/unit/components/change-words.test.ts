import { describe, expect, it } from 'vitest';
import { changeWords, earlierVersionLabel, earlierVersionsLabel } from '@/components/change-words';

const earlier = {
  stance: 'opposes' as const,
  summary: 'Earlier line.',
  date: '2025-02-01',
  packVersion: 1,
};

describe('change words', () => {
  it('words an added and a changed position, and nothing for an untouched one', () => {
    expect(changeWords({ packVersion: 3, change: { kind: 'added', history: [] } })).toEqual({
      mark: 'new',
      note: 'New in update v3',
    });
    expect(
      changeWords({ packVersion: 2, change: { kind: 'changed', history: [earlier] } }),
    ).toEqual({
      mark: 'updated',
      note: 'Changed in update v2',
    });
    expect(changeWords({ packVersion: 2 })).toBeNull();
  });

  it('labels earlier versions by pack version and date', () => {
    expect(earlierVersionsLabel({ kind: 'changed', history: [earlier] })).toBe(
      'Show earlier versions (1)',
    );
    expect(earlierVersionLabel(earlier)).toBe('Pack v1, Feb 1, 2025');
  });
});
