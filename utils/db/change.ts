/**
 * The one frame every change to the installed set runs in (install, update, rollback, removal):
 * one read-write transaction over every table, a sentence for the reader when it fails (the
 * detail in the console), and the dictionary version published after it commits.
 */
import { browser } from '#imports';
import { DICTIONARY_KEY, DICTIONARY_VERSION_KEY } from '../spotting/storage-keys';
import { storedDictionary } from '../spotting/stored-dictionary';
import { err, type Result } from '../views';
import { settleClaims } from './claims';
import { allTables, type StandpointDB } from './database';
import { dictionary } from './queries';
import { loadSettings } from '../settings';
import type { PackRows } from './rows';
import { t } from '../i18n';

/** Deletes the derived rows of one pack (not its bodies, metadata or change history). */
export async function clearDerived(db: StandpointDB, packId: string): Promise<void> {
  await Promise.all([
    db.sources.where('packId').equals(packId).delete(),
    db.actors.where('packId').equals(packId).delete(),
    db.topics.where('packId').equals(packId).delete(),
    db.positions.where('packId').equals(packId).delete(),
  ]);
}

/** Replaces the derived rows of one pack and settles who owns which id. */
export async function replaceDerived(
  db: StandpointDB,
  packId: string,
  rows: PackRows,
): Promise<void> {
  await clearDerived(db, packId);
  await db.sources.bulkPut(rows.sources);
  await db.actors.bulkPut(rows.actors);
  await db.topics.bulkPut(rows.topics);
  await db.positions.bulkPut(rows.positions);
  await settleClaims(db);
}

/**
 * The one frame of every change to the installed set: `work` runs in ONE read-write transaction
 * over every table; any throw aborts it (store unchanged) and the reader gets `failure` as a
 * sentence, the technical detail going to the console. After a change commits, the dictionary
 * version is published so content scripts rebuild their matcher.
 */
export async function change<T>(
  db: StandpointDB,
  failure: string,
  work: () => Promise<Result<T>>,
  changed: (value: T) => boolean = () => true,
): Promise<Result<T>> {
  let result: Result<T>;
  try {
    result = await db.transaction('rw', allTables(db), work);
  } catch (e) {
    console.error(`Standpoint: ${failure}`, e);
    return err(t(storageFull(e) ? 'storeFull' : 'storeFailed', failure));
  }
  if (result.ok && changed(result.value)) await publishDictionaryVersion(db);
  return result;
}

/** True when the browser refused for want of room, a failure the reader can act on. */
function storageFull(e: unknown): boolean {
  const names: unknown[] = [];
  for (let x = e as { name?: unknown; inner?: unknown } | undefined; x; x = x.inner as typeof x)
    names.push(x.name);
  return names.includes('QuotaExceededError');
}

/** What the reader's settings allow on pages: imported packs' names, or only verified ones. */
export async function pageDictionaryOptions(): Promise<{ verifiedOnly: boolean }> {
  return { verifiedOnly: !(await loadSettings()).importedOnPages };
}

/**
 * Writes the current dictionary with its matcher's trie, built here once for every page, and its
 * version beside it, where content scripts read and watch them
 * (utils/spotting/stored-dictionary.ts): one write, so they all change together.
 */
export async function publishDictionaryVersion(db: StandpointDB): Promise<string> {
  const dict = await dictionary(db, await pageDictionaryOptions());
  await browser.storage.local.set({
    [DICTIONARY_KEY]: storedDictionary(dict),
    [DICTIONARY_VERSION_KEY]: dict.version,
  });
  return dict.version;
}
