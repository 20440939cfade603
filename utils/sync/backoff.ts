/**
 * When to try a failed feed again: exponential backoff with jitter, bounded, and the server's
 * own `Retry-After` honoured (never earlier than it asked, within a sane bound).
 */

/** First retry after a failure, ms: soon enough to ride out a brief outage. */
export const RETRY_BASE_MS = 60_000;
/** Longest backoff, ms: never longer than the default sync interval, so a feed is not forgotten. */
export const RETRY_MAX_MS = 6 * 60 * 60 * 1000;
/**
 * Longest wait a server may impose with `Retry-After`, ms: a hostile or broken header must not
 * switch sync off for good.
 */
export const RETRY_AFTER_MAX_MS = 24 * 60 * 60 * 1000;

/**
 * Delay before retry number `failures` (1 = first failure): full jitter over the upper half of
 * an exponentially growing window, so many readers do not hit a recovering feed in step.
 */
export function backoffDelayMs(failures: number, random: () => number = Math.random): number {
  const n = Math.max(1, Math.floor(failures));
  const window = Math.min(RETRY_MAX_MS, RETRY_BASE_MS * 2 ** Math.min(n - 1, 30));
  return Math.round(window / 2 + (window / 2) * Math.min(1, Math.max(0, random())));
}

/**
 * Parses `Retry-After` (delta seconds or an HTTP date) into a wait in ms from `now`, bounded
 * by RETRY_AFTER_MAX_MS; `null` when absent or unreadable.
 */
export function parseRetryAfter(header: string | null, now: number): number | null {
  if (!header) return null;
  const h = header.trim();
  let ms: number;
  if (/^\d+$/.test(h)) ms = Number(h) * 1000;
  else {
    const t = Date.parse(h);
    if (Number.isNaN(t)) return null;
    ms = t - now;
  }
  return Math.min(RETRY_AFTER_MAX_MS, Math.max(0, ms));
}
