/**
 * Runs syncs and keeps their books: one sync per feed at a time, the outcome recorded on the
 * feed and as the last sync status, backoff after failures, the server's Retry-After honoured.
 */
import type { StandpointDB } from '../db/database';
import { backoffDelayMs } from './backoff';
import { hostOf } from '../format';
import { type FeedRecord, type SyncOutcome, getFeed, listFeeds, updateFeedRecord } from './feeds';
import { readOwners } from './owners';
import { recordSync } from './status';
import { syncFeed } from './sync';
import { t } from '../i18n';

export interface RunnerDeps {
  db: StandpointDB;
  fetch?: typeof fetch;
  now?: () => number;
  random?: () => number;
  /** Asks for a wake-up at an epoch ms (alarms in the extension). */
  scheduleRetry?: (when: number) => Promise<void>;
  indexTimeoutMs?: number;
  packTimeoutMs?: number;
  timeoutSignal?: (ms: number) => AbortSignal;
}

const running = new Map<string, Promise<SyncOutcome>>();

/**
 * Syncs one feed now, skipping our own backoff (a reader pressed "sync now", or the feed is
 * due) but never the feed's Retry-After. Concurrent calls for one feed share one run.
 */
export function syncOne(url: string, deps: RunnerDeps): Promise<SyncOutcome> {
  const pending = running.get(url);
  if (pending) return pending;
  const run = runSync(url, deps).finally(() => running.delete(url));
  running.set(url, run);
  return run;
}

async function runSync(url: string, deps: RunnerDeps): Promise<SyncOutcome> {
  const now = deps.now ?? Date.now;
  const feed = await getFeed(url);
  const iso = () => new Date(now()).toISOString();
  if (!feed) {
    return { at: iso(), ok: false, message: t('syncFeedGone'), updated: [] };
  }
  if (feed.retryAfterUntil !== null && now() < feed.retryAfterUntil) {
    const until = new Date(feed.retryAfterUntil).toISOString().slice(11, 16);
    return {
      at: iso(),
      ok: false,
      message: t('syncWaitUntil', hostOf(url), until),
      updated: [],
    };
  }
  const report = await syncFeed(feed, { ...deps, owners: await readOwners() });
  const { outcome } = report;
  const patch: Partial<FeedRecord> = { lastResult: outcome };
  if (report.generatedAt) patch.lastGeneratedAt = report.generatedAt;
  if (report.etag !== undefined) patch.etag = report.etag;
  if (outcome.ok) {
    Object.assign(patch, { failures: 0, nextAttemptAt: null, retryAfterUntil: null });
  } else {
    const failures = feed.failures + 1;
    const wait = Math.max(backoffDelayMs(failures, deps.random), report.retryAfterMs ?? 0);
    Object.assign(patch, {
      failures,
      nextAttemptAt: now() + wait,
      retryAfterUntil: report.retryAfterMs != null ? now() + report.retryAfterMs : null,
    });
    await deps.scheduleRetry?.(now() + wait);
  }
  await updateFeedRecord(url, patch);
  await recordSync({ ok: outcome.ok, message: outcome.message, feedUrl: url }, now);
  return outcome;
}

/**
 * True when an automatic sync should try the feed now: a failing feed once its backoff ran
 * out, a healthy one once most of an interval passed since its last check.
 */
export function isDue(feed: FeedRecord, now: number, intervalMinutes: number): boolean {
  if (feed.retryAfterUntil !== null && now < feed.retryAfterUntil) return false;
  if (feed.failures > 0) return feed.nextAttemptAt === null || now >= feed.nextAttemptAt;
  if (!feed.lastResult) return true;
  // 90 %: an alarm that fires a little early still counts.
  return now - Date.parse(feed.lastResult.at) >= intervalMinutes * 60_000 * 0.9;
}

/** The automatic sync: every feed that is due, one after another. */
export async function syncDueFeeds(deps: RunnerDeps, intervalMinutes: number): Promise<number> {
  const now = (deps.now ?? Date.now)();
  const due = (await listFeeds()).filter((f) => isDue(f, now, intervalMinutes));
  for (const f of due) await syncOne(f.url, deps);
  return due.length;
}
