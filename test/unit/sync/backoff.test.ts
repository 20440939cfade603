import { describe, expect, it } from 'vitest';
import {
  RETRY_AFTER_MAX_MS,
  RETRY_BASE_MS,
  RETRY_MAX_MS,
  backoffDelayMs,
  parseRetryAfter,
} from '@/utils/sync/backoff';

describe('backoffDelayMs', () => {
  it('doubles the window with each failure and stays within it', () => {
    for (let n = 1; n <= 6; n++) {
      const window = RETRY_BASE_MS * 2 ** (n - 1);
      expect(backoffDelayMs(n, () => 0)).toBe(window / 2);
      expect(backoffDelayMs(n, () => 1)).toBe(window);
      const mid = backoffDelayMs(n, () => 0.5);
      expect(mid).toBeGreaterThan(window / 2);
      expect(mid).toBeLessThan(window);
    }
  });

  it('is bounded however many failures there were', () => {
    expect(backoffDelayMs(1000, () => 1)).toBe(RETRY_MAX_MS);
    expect(backoffDelayMs(40, () => 0)).toBe(RETRY_MAX_MS / 2);
  });

  it('spreads retries with jitter', () => {
    const values = new Set([0.1, 0.4, 0.9].map((r) => backoffDelayMs(3, () => r)));
    expect(values.size).toBe(3);
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-30T12:00:00Z');
  it('reads delta seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120_000);
    expect(parseRetryAfter('Mon, 30 Nov 2026 12:05:00 GMT', now)).toBe(300_000);
  });
  it('ignores absent or unreadable values, clamps past dates to zero and long waits to a bound', () => {
    expect(parseRetryAfter(null, now)).toBeNull();
    expect(parseRetryAfter('soon', now)).toBeNull();
    expect(parseRetryAfter('Mon, 30 Nov 2026 11:00:00 GMT', now)).toBe(0);
    expect(parseRetryAfter('99999999', now)).toBe(RETRY_AFTER_MAX_MS);
  });
});
