/**
 * The background service worker: wiring only. It owns the Dexie store, answers the typed messages
 * (utils/background/handlers.ts) and installs the built-in pack. It keeps nothing that matters in
 * globals: the browser may stop it at any idle moment, and a new start simply re-checks.
 */
// First: Zod must be jitless before any schema is built (no eval under the extension CSP).
import '@/utils/zod-jitless';
import { browser } from '#imports';
import { installBuiltin } from '@/utils/background/builtin';
import { ensureDictionaryPublished, republishOnSettingChange } from '@/utils/background/dictionary';
import { defaultEnv, storeHandlers, type Handler } from '@/utils/background/handlers';
import { forwardCardCommands } from '@/utils/card/commands';
import { getDb } from '@/utils/db/index';
import type { BackgroundProtocol } from '@/utils/messaging';
import { backgroundMessenger } from '@/utils/messengers';
import { startSync } from '@/utils/sync/background';
import { syncHandlers } from '@/utils/sync/handlers';

export default defineBackground(() => {
  const ensureBuiltin = () =>
    installBuiltin(getDb()).then(async (r) => {
      if (!r.ok) console.error(r.error);
      // Content scripts read the dictionary from storage.local: make sure it is there.
      await ensureDictionaryPublished(getDb()).catch((e: unknown) => console.error(e));
      return r;
    });
  // Every start of the worker (browser startup included) checks the built-in pack; messages
  // wait for that check so the first popup after an install already sees the pack.
  let ready = ensureBuiltin();
  browser.runtime.onInstalled.addListener(() => {
    ready = ready.then(ensureBuiltin);
  });
  // Keeping imported packs off pages (a setting) changes the dictionary pages get.
  republishOnSettingChange(getDb());
  const env = defaultEnv(() => ready);
  // Keyboard shortcuts for the hover card go to the active tab's content script.
  forwardCardCommands();

  const register = <K extends keyof BackgroundProtocol>(type: K, handler: Handler<K>) =>
    backgroundMessenger.onMessage(type, ({ data, sender }) => handler(data, sender, env));
  register('getCards', storeHandlers.getCards);
  register('listActors', storeHandlers.listActors);
  register('getMatrix', storeHandlers.getMatrix);
  register('getSource', storeHandlers.getSource);
  register('listPacks', storeHandlers.listPacks);
  register('openPage', storeHandlers.openPage);

  // Feeds: periodic sync by alarm, and the sync messages of the options page.
  startSync();
  const sync = syncHandlers();
  register('syncNow', sync.syncNow);
  register('addFeed', sync.addFeed);
  register('removeFeed', sync.removeFeed);
  register('listFeeds', sync.listFeeds);
  register('importPack', sync.importPack);
  register('rollbackPack', sync.rollbackPack);
  register('removePack', sync.removePack);
  register('getSyncStatus', sync.getSyncStatus);
  register('setSyncInterval', sync.setSyncInterval);
  register('getChangedActors', sync.getChangedActors);
});
