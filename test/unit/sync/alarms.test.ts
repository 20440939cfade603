import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it } from 'vitest';
import {
  RETRY_ALARM,
  SYNC_ALARM,
  readSyncInterval,
  registerSyncAlarms,
  scheduleRetry,
  syncIntervalItem,
} from '@/utils/sync/alarms';
import { feedRecordSchema } from '@/utils/sync/feeds';
import { DEFAULT_SYNC_INTERVAL_MINUTES } from '@/utils/sync/interval';
import { isDue } from '@/utils/sync/runner';

describe('sync alarms', () => {
  it('creates the periodic alarm at the default interval and runs the sync when it fires', async () => {
    let runs = 0;
    registerSyncAlarms(async () => runs++, fakeBrowser.alarms);
    await new Promise((r) => setTimeout(r, 0));
    const alarm = await fakeBrowser.alarms.get(SYNC_ALARM);
    expect(alarm?.periodInMinutes).toBe(DEFAULT_SYNC_INTERVAL_MINUTES);
    await fakeBrowser.alarms.onAlarm.trigger({
      name: SYNC_ALARM,
      scheduledTime: 0,
      persistAcrossSessions: true,
    });
    await fakeBrowser.alarms.onAlarm.trigger({
      name: RETRY_ALARM,
      scheduledTime: 0,
      persistAcrossSessions: true,
    });
    await fakeBrowser.alarms.onAlarm.trigger({
      name: 'someone-else',
      scheduledTime: 0,
      persistAcrossSessions: true,
    });
    expect(runs).toBe(2);
  });

  it('falls back to the default interval when the stored one is damaged', async () => {
    await syncIntervalItem.setValue('often');
    expect(await readSyncInterval()).toBe(DEFAULT_SYNC_INTERVAL_MINUTES);
    await syncIntervalItem.setValue(5);
    expect(await readSyncInterval()).toBe(DEFAULT_SYNC_INTERVAL_MINUTES);
  });

  it('keeps the earliest pending retry', async () => {
    await scheduleRetry(5_000_000, fakeBrowser.alarms);
    await scheduleRetry(9_000_000, fakeBrowser.alarms);
    expect((await fakeBrowser.alarms.get(RETRY_ALARM))?.scheduledTime).toBe(5_000_000);
    await scheduleRetry(2_000_000, fakeBrowser.alarms);
    expect((await fakeBrowser.alarms.get(RETRY_ALARM))?.scheduledTime).toBe(2_000_000);
  });
});

describe('isDue', () => {
  const base = feedRecordSchema.parse({
    url: 'https://news.example.org/index.json',
    publicKey: 'xknKQRvU/oVEY86eu861uPF8fCXAVpp3jkBrxPPjVe0=',
    name: 'x',
    addedAt: '2026-11-30T00:00:00.000Z',
  });
  const now = Date.parse('2026-11-30T12:00:00Z');
  const last = (iso: string) => ({ at: iso, ok: true, message: '', updated: [] });

  it('syncs a new feed, and a healthy one once an interval has passed', () => {
    expect(isDue(base, now, 360)).toBe(true);
    expect(isDue({ ...base, lastResult: last('2026-11-30T09:00:00.000Z') }, now, 360)).toBe(false);
    expect(isDue({ ...base, lastResult: last('2026-11-30T05:00:00.000Z') }, now, 360)).toBe(true);
  });

  it('retries a failing feed after its backoff, never before its Retry-After', () => {
    expect(isDue({ ...base, failures: 2, nextAttemptAt: now + 1 }, now, 360)).toBe(false);
    expect(isDue({ ...base, failures: 2, nextAttemptAt: now - 1 }, now, 360)).toBe(true);
    expect(
      isDue({ ...base, failures: 2, nextAttemptAt: now - 1, retryAfterUntil: now + 1 }, now, 360),
    ).toBe(false);
  });
});
