/**
 * Which feed owns which pack. The first feed that installs a pack id owns it; another feed
 * the reader trusts cannot then overwrite it with a higher version (a compromised or careless
 * feed must not hijack a pack someone else publishes). The owner is the pack row's `feedUrl`,
 * written in the same transaction as the install (utils/db/install.ts), so a stopped service
 * worker can never leave a pack installed but unowned. The built-in pack and imported files have
 * no owner until a feed updates them. Version anti-rollback lives in utils/db/versions.ts.
 *
 * Version 0.1.0 kept the owners in `storage.local` (`local:packOwners`); that map is still read
 * for packs installed before the owner moved into the store.
 */
import { storage } from '#imports';
import { z } from 'zod';
import type { StandpointDB } from '../db/database';
import { idSchema } from '../pack/schema';

const ownersSchema = z.record(idSchema, z.string().max(2000));

/** packId -> feed URL, as version 0.1.0 stored it. Read with `readOwners`, which validates. */
const packOwnersItem = storage.defineItem<unknown>('local:packOwners', { fallback: {} });

export async function readOwners(item = packOwnersItem): Promise<Record<string, string>> {
  const parsed = ownersSchema.safeParse(await item.getValue());
  return parsed.success ? parsed.data : {};
}

/**
 * Forgets a feed's ownership of its packs, when the reader removes the feed: the packs stay
 * installed, and another feed may then update them.
 */
export async function dropOwner(db: StandpointDB, feedUrl: string, item = packOwnersItem) {
  await db.packs
    .filter((p) => p.feedUrl === feedUrl)
    .modify((p) => {
      delete p.feedUrl;
    });
  const all = await readOwners(item);
  await item.setValue(Object.fromEntries(Object.entries(all).filter(([, u]) => u !== feedUrl)));
}
