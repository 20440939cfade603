/**
 * Which feed owns which pack. The first feed that installs a pack id owns it; another feed
 * the reader trusts cannot then overwrite it with a higher version (a compromised or careless
 * feed must not hijack a pack someone else publishes). The built-in pack and imported files
 * have no owner until a feed updates them. Version anti-rollback lives in the store.
 */
import { storage } from '#imports';
import { z } from 'zod';
import { idSchema } from '../pack/schema';

const ownersSchema = z.record(idSchema, z.string().max(2000));

/** packId -> feed URL. Read with `readOwners`, which validates. */
export const packOwnersItem = storage.defineItem<unknown>('local:packOwners', { fallback: {} });

export async function readOwners(item = packOwnersItem): Promise<Record<string, string>> {
  const parsed = ownersSchema.safeParse(await item.getValue());
  return parsed.success ? parsed.data : {};
}

/** Records `feedUrl` as the owner of `packId` (no-op when it already is). */
export async function setOwner(packId: string, feedUrl: string, item = packOwnersItem) {
  const all = await readOwners(item);
  if (all[packId] === feedUrl) return;
  await item.setValue({ ...all, [packId]: feedUrl });
}

/** Forgets a feed's packs' ownership, when the reader removes the feed. */
export async function dropOwner(feedUrl: string, item = packOwnersItem) {
  const all = await readOwners(item);
  await item.setValue(Object.fromEntries(Object.entries(all).filter(([, u]) => u !== feedUrl)));
}
