/**
 * Sync wiring for the background: the alarm listener (registered synchronously at start-up,
 * so an alarm that wakes the service worker finds it) and the automatic sync it runs.
 */
import { getDb } from '../db/index';
import { readSyncInterval, registerSyncAlarms, scheduleRetry } from './alarms';
import { syncDueFeeds } from './runner';

/** Syncs every feed that is due; what the alarms run. */
async function runScheduledSync(): Promise<number> {
  return syncDueFeeds(
    { db: getDb(), scheduleRetry: (when) => scheduleRetry(when) },
    await readSyncInterval(),
  );
}

/** Call once at the top of the background. */
export function startSync(): void {
  registerSyncAlarms(runScheduledSync);
}
