/**
 * The page side's storage, opened by the content script's loader while the spotting bundle is
 * still on its way (entrypoints/content-loader.ts): the settings and the dictionary are read in
 * the same task that asks for the bundle, so the two waits overlap instead of adding up.
 *
 * A read alone would lose what changes between it and the moment the bundle watches storage (a
 * dictionary the background publishes in that gap: a fresh profile's first page would stay
 * unhighlighted). So the change listener is added before the read, and every change it hears
 * until the bundle listens is kept and handed to the bundle's listener first, in order. The
 * bundle's handling of a change only sets the new value, so a change the read already saw does
 * no harm when it is handed over again.
 */
import { SETTINGS_KEY } from '../settings-reader';
import type { PageStorage, StorageListener } from './on-page';
import { DICTIONARY_KEY } from './storage-keys';

/** What the page side reads from `storage.local`: the settings and the dictionary. */
export const PAGE_KEYS: readonly string[] = [SETTINGS_KEY, DICTIONARY_KEY];

export interface EarlyStorage extends PageStorage {
  /** Stops listening, when no bundle will come to take over (its import failed). */
  close(): void;
}

/** Starts reading `keys` from `area` now; the returned storage answers the same read with it. */
export function openEarly(area: PageStorage, keys: readonly string[]): EarlyStorage {
  let kept: Parameters<StorageListener>[] | null = [];
  const listeners = new Set<StorageListener>();
  const hear: StorageListener = (changes, name) => {
    if (kept) kept.push([changes, name]);
    else for (const cb of listeners) cb(changes, name);
  };
  area.onChanged.addListener(hear);
  const first = area.get([...keys]);
  const close = () => {
    area.onChanged.removeListener(hear);
    kept = null;
    listeners.clear();
  };
  return {
    get: (asked) =>
      asked.length === keys.length && asked.every((k) => keys.includes(k))
        ? first
        : area.get(asked),
    onChanged: {
      addListener(cb) {
        listeners.add(cb);
        const pending = kept ?? [];
        kept = null;
        for (const [changes, name] of pending) cb(changes, name);
      },
      removeListener(cb) {
        listeners.delete(cb);
        if (listeners.size === 0) close();
      },
    },
    close,
  };
}
