/**
 * Keeps the alias dictionary in `storage.local` in step with the store, where content scripts
 * read it without waking the background (utils/spotting/stored-dictionary.ts). Every pack change
 * publishes it (utils/db/install.ts); this catches the rest at each start of the worker: a first
 * run, or an update from a version that did not publish it.
 */
import { browser } from '#imports';
import type { StandpointDB } from '../db/database';
import { publishDictionaryVersion } from '../db/install';
import { dictionaryVersion } from '../db/queries';
import { DICTIONARY_KEY, readDictionary } from '../spotting/stored-dictionary';

/** Publishes the dictionary unless the stored one is current; the version now stored. */
export async function ensureDictionaryPublished(db: StandpointDB): Promise<string> {
  const [stored, version] = await Promise.all([
    browser.storage.local.get(DICTIONARY_KEY),
    dictionaryVersion(db),
  ]);
  if (readDictionary(stored[DICTIONARY_KEY])?.version === version) return version;
  return publishDictionaryVersion(db);
}
