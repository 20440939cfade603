import { describe, expect, it } from 'vitest';
import {
  CONFIRMING_PAIRS,
  longTaskOnlyWithUs,
  type LongTaskPair,
} from '../../../scripts/bench/long-tasks';
import { retryText } from '../../../scripts/bench/report';

/** A pair from the number of long tasks each load saw (NaN: that load failed). */
const pair = (withUs: number, without: number): LongTaskPair => ({
  with: { count: withUs, worstMs: withUs > 0 ? 60 : 0 },
  without: { count: without, worstMs: without > 0 ? 60 : 0 },
});

describe('longTaskOnlyWithUs', () => {
  it('judges one pair as it is: a long task with the extension and none without', () => {
    expect(longTaskOnlyWithUs([pair(1, 0)])).toBe(true);
    expect(longTaskOnlyWithUs([pair(2, 1)])).toBe(false);
    expect(longTaskOnlyWithUs([pair(0, 0)])).toBe(false);
    expect(longTaskOnlyWithUs([pair(0, 1)])).toBe(false);
  });

  it('counts a retried page only when most loads with the extension saw one and most without did not', () => {
    // Seen again in 2 of the 4 retries: 3 of 5 with, 0 of 5 without.
    expect(longTaskOnlyWithUs([pair(1, 0), pair(1, 0), pair(0, 0), pair(1, 0), pair(0, 0)])).toBe(
      true,
    );
    // Not seen again: the first pair was the machine.
    expect(longTaskOnlyWithUs([pair(1, 0), pair(0, 0), pair(0, 0), pair(0, 0), pair(0, 0)])).toBe(
      false,
    );
    // Seen every time, but the page has them without the extension too, most of the time.
    expect(longTaskOnlyWithUs([pair(1, 0), pair(1, 1), pair(1, 1), pair(1, 1), pair(1, 0)])).toBe(
      false,
    );
  });

  it('leaves out pairs with a failed load, and judges none when no pair is whole', () => {
    expect(longTaskOnlyWithUs([pair(1, NaN)])).toBe(false);
    expect(
      longTaskOnlyWithUs([pair(1, 0), pair(NaN, 0), pair(0, NaN), pair(0, 0), pair(1, 0)]),
    ).toBe(true);
    expect(longTaskOnlyWithUs([])).toBe(false);
  });
});

describe('retryText', () => {
  it('says no page was loaded again when none needed it, and counts the ones that did', () => {
    const again = `loaded ${CONFIRMING_PAIRS} more times each way`;
    expect(retryText(0)).toMatch(
      /^no page saw one only with the extension, so none was loaded again/,
    );
    expect(retryText(0)).not.toMatch(/\b0 pages\b/);
    expect(retryText(1)).toContain(`the one page with one only with the extension ${again}`);
    expect(retryText(3)).toContain(`the 3 pages with one only with the extension ${again}`);
  });
});
