/**
 * The background's answers to the sync messages, as plain functions built on the store's
 * `defineHandler` (sender check: extension pages only; Zod-parsed request; errors as results).
 * What they need from the browser comes in `SyncEnv`, so tests pass plain objects.
 */
import { browser } from '#imports';
import { defineHandler, type Handler } from '../background/handlers';
import { applyPack } from '../db/install';
import { rollbackPack as storeRollback, removePack as storeRemove } from '../db/uninstall';
import type { BackgroundProtocol } from '../messaging';
import { parsePackText } from '../pack/validate';
import { err, ok } from '../views';
import { readSyncInterval, scheduleRetry, setSyncInterval } from './alarms';
import { changedActorIds, readLastSeenChanges } from './changes-seen';
import { sha256OfText } from '../db/hash';
import { clip, hostOf } from '../format';
import {
  addFeedRecord,
  feedView,
  listFeeds,
  normalizeFeedUrl,
  originPattern,
  removeFeedRecord,
} from './feeds';
import { dropOwner } from './owners';
import type { RunnerDeps } from './runner';
import { syncOne } from './runner';
import { readLastSync, recordSync } from './status';
import { t } from '../i18n';

type Permissions = Pick<typeof browser.permissions, 'contains' | 'remove'>;
type Alarms = Parameters<typeof setSyncInterval>[1];

/** The browser as the sync handlers see it. */
export interface SyncEnv {
  fetch?: typeof fetch;
  now: () => number;
  random?: () => number;
  permissions: Permissions;
  alarms: Alarms;
}

function defaultSyncEnv(): SyncEnv {
  return { now: Date.now, permissions: browser.permissions, alarms: browser.alarms };
}

/** The handlers of the sync messages, with `env` (the real browser by default). */
export function syncHandlers(env: () => SyncEnv = defaultSyncEnv) {
  const runner = (db: RunnerDeps['db']): RunnerDeps => {
    const e = env();
    return {
      db,
      fetch: e.fetch,
      now: e.now,
      random: e.random,
      scheduleRetry: (when) => scheduleRetry(when, e.alarms),
    };
  };

  const syncNow = defineHandler('syncNow', async (req, henv) => {
    const urls = req.url ? [req.url] : (await listFeeds()).map((f) => f.url);
    if (urls.length === 0) return err(t('syncNoFeeds'));
    const outcomes = [];
    for (const url of urls) outcomes.push(await syncOne(url, runner(henv.db())));
    return ok(outcomes);
  });

  const addFeed = defineHandler('addFeed', async (req) => {
    const e = env();
    const url = normalizeFeedUrl(req.url);
    if (!url.ok) return url;
    const allowed = await e.permissions.contains({ origins: [originPattern(url.value)] });
    if (!allowed) {
      return err(t('feedNotAllowed', hostOf(url.value)));
    }
    const added = await addFeedRecord({ ...req, url: url.value }, e.now);
    return added.ok ? ok(feedView(added.value)) : added;
  });

  const removeFeed = defineHandler('removeFeed', async (req, henv) => {
    const e = env();
    if (!(await removeFeedRecord(req.url))) return err(t('feedNotListed'));
    await dropOwner(henv.db(), req.url);
    // Give the host permission back unless another feed still lives on that origin.
    const pattern = originPattern(req.url);
    const stillUsed = (await listFeeds()).some((f) => originPattern(f.url) === pattern);
    if (!stillUsed) await e.permissions.remove({ origins: [pattern] }).catch(() => false);
    return ok(null);
  });

  const listFeedsHandler = defineHandler('listFeeds', async () =>
    ok((await listFeeds()).map(feedView)),
  );

  const importPack = defineHandler('importPack', async (req, henv) => {
    const e = env();
    const file = req.fileName ? t('importNamedFile', req.fileName) : t('importTheFile');
    if (!req.confirmUnverified) {
      return err(t('importNotSigned', file));
    }
    const parsed = parsePackText(req.text);
    if (!parsed.ok) {
      const [first] = parsed.problems;
      const detail = clip(`${first?.path} ${first?.message}`, 300);
      const message =
        parsed.problems.length > 1
          ? t('importInvalidMore', file, detail, parsed.problems.length - 1)
          : t('importInvalid', file, detail);
      await recordSync({ ok: false, message, feedUrl: null }, e.now);
      return err(message);
    }
    const rawSha256 = await sha256OfText(req.text);
    const applied = await applyPack(henv.db(), parsed.pack, {
      origin: 'file',
      verified: false,
      rawSha256,
      now: new Date(e.now()),
    });
    const message = applied.ok
      ? applied.value.status === 'unchanged'
        ? t('importAlready', parsed.pack.title, parsed.pack.version)
        : t('importDone', parsed.pack.title, parsed.pack.version)
      : applied.error;
    await recordSync({ ok: applied.ok, message, feedUrl: null }, e.now);
    if (!applied.ok) return applied;
    return ok({
      packId: applied.value.packId,
      version: applied.value.version,
      status: applied.value.status,
    });
  });

  const rollbackPack = defineHandler('rollbackPack', async (req, henv) => {
    const e = env();
    const done = await storeRollback(henv.db(), req.packId);
    const message = done.ok
      ? t('rollbackDone', req.packId, done.value.version, done.value.rolledBack)
      : done.error;
    await recordSync({ ok: done.ok, message, feedUrl: null }, e.now);
    return done;
  });

  const removePack = defineHandler('removePack', async (req, henv) => {
    const e = env();
    const done = await storeRemove(henv.db(), req.packId);
    const message = done.ok
      ? done.value.feedUrl
        ? t('removeDoneFeed', done.value.title, hostOf(done.value.feedUrl))
        : t('removeDone', done.value.title)
      : done.error;
    await recordSync({ ok: done.ok, message, feedUrl: null }, e.now);
    return done;
  });

  const getSyncStatus = defineHandler('getSyncStatus', async () =>
    ok({
      last: await readLastSync(),
      intervalMinutes: await readSyncInterval(),
      feeds: (await listFeeds()).map(feedView),
    }),
  );

  const setSyncIntervalHandler = defineHandler('setSyncInterval', async (req) =>
    ok({ minutes: await setSyncInterval(req.minutes, env().alarms) }),
  );

  const getChangedActors = defineHandler('getChangedActors', async (_req, henv) =>
    ok({ actorIds: await changedActorIds(henv.db(), await readLastSeenChanges()) }),
  );

  return {
    getChangedActors,
    syncNow,
    addFeed,
    removeFeed,
    listFeeds: listFeedsHandler,
    importPack,
    rollbackPack,
    removePack,
    getSyncStatus,
    setSyncInterval: setSyncIntervalHandler,
  } satisfies { [K in keyof BackgroundProtocol]?: Handler<K> };
}
