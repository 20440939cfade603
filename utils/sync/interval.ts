/**
 * How often feeds are checked. Kept free of browser APIs so the message contract can import
 * its bounds.
 */
import { z } from 'zod';

/** Default time between automatic syncs, minutes: news moves daily, feeds are small. */
export const DEFAULT_SYNC_INTERVAL_MINUTES = 6 * 60;
/** Shortest interval a reader may pick, minutes: spares feeds and battery. */
const MIN_SYNC_INTERVAL_MINUTES = 30;
/** Longest interval a reader may pick, minutes: a week. */
const MAX_SYNC_INTERVAL_MINUTES = 7 * 24 * 60;

export const syncIntervalSchema = z
  .int()
  .min(MIN_SYNC_INTERVAL_MINUTES)
  .max(MAX_SYNC_INTERVAL_MINUTES);
