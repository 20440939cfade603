/**
 * Keeps the alias dictionary in `storage.local` in step with the store, where content scripts
 * read it without waking the background (utils/spotting/stored-dictionary.ts). Every pack change
 * publishes it (utils/db/install.ts); this catches the rest at each start of the worker: a first
 * run, or an update from a version that did not publish it.
 */
import { browser } from '#imports';
import type { StandpointDB } from '../db/database';
import { pageDictionaryOptions, publishDictionaryVersion } from '../db/change';
import { dictionaryVersion } from '../db/queries';
import { watchSettings } from '../settings';
import { DICTIONARY_KEY } from '../spotting/storage-keys';
import { readDictionary } from '../spotting/stored-dictionary';

/** The version of the dictionary pages get under the reader's settings (see `dictionary`). */
async function pageDictionaryVersion(db: StandpointDB): Promise<string> {
  const [version, { verifiedOnly }] = await Promise.all([
    dictionaryVersion(db),
    pageDictionaryOptions(),
  ]);
  return verifiedOnly ? `${version}/verified` : version;
}

/** Publishes the dictionary unless the stored one is current; the version now stored. */
export async function ensureDictionaryPublished(db: StandpointDB): Promise<string> {
  const [stored, version] = await Promise.all([
    browser.storage.local.get(DICTIONARY_KEY),
    pageDictionaryVersion(db),
  ]);
  if (readDictionary(stored[DICTIONARY_KEY])?.version === version) return version;
  return publishDictionaryVersion(db);
}

/**
 * Publishes the dictionary again when the reader keeps imported packs off pages or lets them
 * back; open pages follow at once. Returns the unwatch function.
 */
export function republishOnSettingChange(db: StandpointDB): () => void {
  return watchSettings(() => {
    void ensureDictionaryPublished(db).catch((e: unknown) => console.error(e));
  });
}
