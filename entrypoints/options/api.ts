/**
 * What the options page asks of the background and the browser, behind one interface so the
 * page renders in tests with plain objects. Every call returns a `Result`.
 */
import { browser } from '#imports';
import { ask, type Ask } from '@/utils/pages/ask';
import { loadSettings, saveSettings, type Settings } from '@/utils/settings';
import { lastSyncItem } from '@/utils/sync/status';

export interface OptionsDeps {
  ask: Ask;
  /**
   * Asks the browser for a host permission. Must be the first thing a click handler awaits:
   * browsers only show the question during the user's gesture.
   */
  requestOrigin(pattern: string): Promise<boolean>;
  settings: { load(): Promise<Settings>; save(patch: Partial<Settings>): Promise<Settings> };
  /** Calls `cb` whenever the background records a sync or import; returns the unwatch. */
  watchSync(cb: () => void): () => void;
}

/** The real browser. */
export function browserDeps(): OptionsDeps {
  return {
    ask,
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
