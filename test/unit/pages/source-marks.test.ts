import { describe, expect, it } from 'vitest';
import { locateEvidence, splitIntoRuns } from '@/utils/pages/source-marks';

const text = 'Merz said a ceasefire must come first. Rubio called the plan a living document.';
const ev = (id: string, words: string, start = text.indexOf(words)) => ({
  id,
  evidence: {
    sourceId: 's',
    start,
    end: start + words.length,
    text: words,
    kind: 'quote' as const,
  },
});

describe('source marks', () => {
  it('locates evidence at its offsets, by its words when the offsets drifted, or not at all', () => {
    expect(locateEvidence(text, ev('a', 'a ceasefire must come first'))).toEqual({
      positionId: 'a',
      start: 10,
      end: 37,
    });
    expect(locateEvidence(text, ev('b', 'a living document', 3))).toEqual({
      positionId: 'b',
      start: 61,
      end: 78,
    });
    expect(locateEvidence(text, ev('c', 'not in the text', 0))).toBeNull();
    expect(locateEvidence('short', ev('d', 'short text', 0))).toBeNull();
  });

  it('covers the whole text and splits overlapping spans into runs', () => {
    const spans = [
      { positionId: 'a', start: 10, end: 37 },
      { positionId: 'b', start: 22, end: 48 },
    ];
    const runs = splitIntoRuns(text, spans);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.map((r) => [r.text, r.positionIds])).toEqual([
      ['Merz said ', []],
      ['a ceasefire ', ['a']],
      ['must come first', ['a', 'b']],
      ['. Rubio cal', ['b']],
      ['led the plan a living document.', []],
    ]);
  });

  it('returns one plain run when nothing is marked, and nothing for an empty text', () => {
    expect(splitIntoRuns(text, [])).toEqual([
      { start: 0, end: text.length, text, positionIds: [] },
    ]);
    expect(splitIntoRuns('', [])).toEqual([]);
  });
});
