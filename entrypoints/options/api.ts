/**
 * What the options page asks of the background and the browser, behind one interface so the
 * page renders in tests with plain objects. Every call returns a `Result`.
 */
import { browser } from '#imports';
import { backgroundMessenger, type BackgroundProtocol, type RequestOf } from '@/utils/messaging';
import { settle } from '@/utils/pages/api';
import { loadSettings, saveSettings, type Settings } from '@/utils/settings';
import { lastSyncItem } from '@/utils/sync/status';
import type { GetReturnType } from '@webext-core/messaging';
import type { Result } from '@/utils/views';

type Reply<K extends keyof BackgroundProtocol> = GetReturnType<BackgroundProtocol[K]>;

/** The sync and pack messages the page sends. */
export type OptionsMessage =
  | 'syncNow'
  | 'addFeed'
  | 'removeFeed'
  | 'importPack'
  | 'rollbackPack'
  | 'getSyncStatus'
  | 'setSyncInterval'
  | 'listPacks';

export interface OptionsDeps {
  send<K extends OptionsMessage>(type: K, req: RequestOf<K>): Promise<Reply<K>>;
  /**
   * Asks the browser for a host permission. Must be the first thing a click handler awaits:
   * browsers only show the question during the user's gesture.
   */
  requestOrigin(pattern: string): Promise<boolean>;
  settings: { load(): Promise<Settings>; save(patch: Partial<Settings>): Promise<Settings> };
  /** Calls `cb` whenever the background records a sync or import; returns the unwatch. */
  watchSync(cb: () => void): () => void;
}

const WHAT: Record<OptionsMessage, string> = {
  syncNow: 'syncing',
  addFeed: 'adding the feed',
  removeFeed: 'removing the feed',
  importPack: 'importing the pack',
  rollbackPack: 'rolling back',
  getSyncStatus: 'reading the sync status',
  setSyncInterval: 'saving the interval',
  listPacks: 'listing packs',
};

/** Sends one message to the background; a failed delivery becomes an error result. */
async function send<K extends OptionsMessage>(type: K, req: RequestOf<K>): Promise<Reply<K>> {
  const raw = backgroundMessenger.sendMessage as unknown as (
    t: K,
    r: RequestOf<K>,
  ) => Promise<Result<unknown>>;
  return (await settle(() => raw(type, req), WHAT[type])) as Reply<K>;
}

/** The real browser. */
export function browserDeps(): OptionsDeps {
  return {
    send,
    requestOrigin: async (pattern) => {
      try {
        return await browser.permissions.request({ origins: [pattern] });
      } catch {
        return false;
      }
    },
    settings: { load: loadSettings, save: saveSettings },
    watchSync: (cb) => lastSyncItem.watch(() => cb()),
  };
}
