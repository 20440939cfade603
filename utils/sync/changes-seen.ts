/**
 * "Updated since you last looked": the pack versions the reader had in front of them the last
 * time they looked at the popup. A position the store marks as changed (`PositionView.change`)
 * counts as unseen while its pack version is newer than the one remembered here.
 */
import { storage } from '#imports';
import { z } from 'zod';
import { idSchema } from '../pack/schema';
import type { StandpointDB } from '../db/database';

const seenSchema = z.strictObject({
  /** packId -> the version the reader last saw. */
  packs: z.record(idSchema, z.int().min(0)),
  at: z.iso.datetime(),
});
export type LastSeenChanges = z.infer<typeof seenSchema>;

/** Written by extension pages when the reader has seen the current versions. */
const lastSeenChangesItem = storage.defineItem<unknown>('local:lastSeenChanges', {
  fallback: null,
});

/** The remembered versions, validated; none remembered yet reads as an empty map. */
export async function readLastSeenChanges(item = lastSeenChangesItem): Promise<LastSeenChanges> {
  const parsed = seenSchema.safeParse(await item.getValue());
  return parsed.success ? parsed.data : { packs: {}, at: new Date(0).toISOString() };
}

/** Remembers the versions of `packs` as seen (call when the popup has shown them). */
export async function markChangesSeen(
  packs: readonly { id: string; version: number }[],
  now: () => number = Date.now,
  item = lastSeenChangesItem,
): Promise<void> {
  const value: LastSeenChanges = {
    packs: Object.fromEntries(packs.map((p) => [p.id, p.version])),
    at: new Date(now()).toISOString(),
  };
  await item.setValue(value);
}

/**
 * Ids of the actors whose positions an update added, changed or removed since the reader last
 * looked: change records of installed pack versions newer than the remembered ones.
 */
export async function changedActorIds(db: StandpointDB, seen: LastSeenChanges): Promise<string[]> {
  const packs = new Map((await db.packs.toArray()).map((p) => [p.id, p.version]));
  const rows = await db.positionChanges.toArray();
  const ids = new Set<string>();
  for (const r of rows) {
    const current = packs.get(r.packId);
    if (current === undefined || r.packVersion > current) continue;
    if (r.packVersion > (seen.packs[r.packId] ?? 0)) ids.add(r.actorId);
  }
  return [...ids].sort();
}
