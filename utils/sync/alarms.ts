/**
 * Periodic sync with `browser.alarms`, which survive the service worker being stopped: one
 * repeating alarm at the reader's interval and one single alarm for the next retry after a
 * failure. The listener is registered synchronously when the background starts.
 */
import { browser, storage } from '#imports';
import { DEFAULT_SYNC_INTERVAL_MINUTES, syncIntervalSchema } from './interval';

/** The repeating sync alarm. */
export const SYNC_ALARM = 'standpoint-sync';
/** The single alarm for the earliest retry after a failure. */
export const RETRY_ALARM = 'standpoint-sync-retry';

type Alarms = Pick<typeof browser.alarms, 'create' | 'get' | 'clear' | 'onAlarm'>;

/** Minutes between automatic syncs; read with `readSyncInterval`. */
export const syncIntervalItem = storage.defineItem<unknown>('local:syncIntervalMinutes', {
  fallback: DEFAULT_SYNC_INTERVAL_MINUTES,
});

export async function readSyncInterval(item = syncIntervalItem): Promise<number> {
  const parsed = syncIntervalSchema.safeParse(await item.getValue());
  return parsed.success ? parsed.data : DEFAULT_SYNC_INTERVAL_MINUTES;
}

/** (Re)creates the repeating alarm when it is missing or its period differs from the setting. */
async function scheduleSync(alarms: Alarms = browser.alarms, item = syncIntervalItem) {
  const minutes = await readSyncInterval(item);
  const current = await alarms.get(SYNC_ALARM);
  if (current?.periodInMinutes === minutes) return;
  await alarms.create(SYNC_ALARM, { periodInMinutes: minutes, delayInMinutes: minutes });
}

/** Stores a new interval and reschedules. */
export async function setSyncInterval(
  minutes: number,
  alarms: Alarms = browser.alarms,
  item = syncIntervalItem,
): Promise<number> {
  const value = syncIntervalSchema.parse(minutes);
  await item.setValue(value);
  await scheduleSync(alarms, item);
  return value;
}

/** Asks for a retry at `when` (epoch ms); an earlier pending retry wins. */
export async function scheduleRetry(when: number, alarms: Alarms = browser.alarms) {
  const current = await alarms.get(RETRY_ALARM);
  if (current && current.scheduledTime <= when) return;
  await alarms.create(RETRY_ALARM, { when });
}

/**
 * Wires the alarms to `run` (which syncs the feeds that are due). Call once, synchronously,
 * at the top of the background, so a wake-up by an alarm finds its listener.
 */
export function registerSyncAlarms(run: () => Promise<unknown>, alarms: Alarms = browser.alarms) {
  alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === SYNC_ALARM || alarm.name === RETRY_ALARM) void run();
  });
  void scheduleSync(alarms);
}
