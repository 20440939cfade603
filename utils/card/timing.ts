/**
 * The card's timing, in one place. The hover delay itself is a user setting
 * (`hoverDelayMs` in utils/settings.ts, 400 ms by default); these are the fixed parts.
 * Figures follow Wikipedia's Page Previews, tuned on millions of readers.
 */

/** Dwell on a name before its card data is fetched, ms: a pointer passing by costs no request. */
export const PREFETCH_DWELL_MS = 150;

/**
 * Grace after the pointer leaves both the name and the card before the card closes, ms:
 * long enough to cross the gap between name and card, short enough to feel responsive.
 */
export const CLOSE_GRACE_MS = 300;
