/** The popup's real dependencies: the browser, the messengers and the stored settings. */
import { browser } from '#imports';
import { ask } from '@/utils/pages/ask';
import { loadSettings, saveSettings, watchSettings } from '@/utils/settings';
import { markChangesSeen } from '@/utils/sync/changes-seen';
import { lastSyncItem, readLastSync, syncStatusSchema } from '@/utils/sync/status';
import { sendToTab } from '@/utils/tab-message';
import type { PopupDeps } from './App';

export function browserDeps(search: string = location.search): PopupDeps {
  return {
    search,
    ask,
    tabs: { query: (q) => browser.tabs.query(q) },
    askTab: (tabId) => sendToTab(tabId, 'getPageReport'),
    settings: { load: loadSettings, save: saveSettings, watch: watchSettings },
    lastSync: {
      read: () => readLastSync(),
      watch: (cb) =>
        lastSyncItem.watch((raw) => {
          const parsed = syncStatusSchema.safeParse(raw);
          cb(parsed.success ? parsed.data : null);
        }),
    },
    openOptions: () => void browser.runtime.openOptionsPage(),
    markSeen: (packs) => markChangesSeen(packs),
  };
}
