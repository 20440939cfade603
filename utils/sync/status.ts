/**
 * The outcome of the most recent sync or import, for the popup and the options page: one
 * sentence a reader understands, and when it happened.
 */
import { storage } from '#imports';
import { z } from 'zod';
import { clip } from '../format';

export const syncStatusSchema = z.strictObject({
  /** ISO time of the attempt. */
  at: z.iso.datetime(),
  ok: z.boolean(),
  /** "The feed at example.org did not answer within 15 seconds; your packs are unchanged." */
  message: z.string().max(4000),
  /** The feed's URL, or null for a file import or a rollback. */
  feedUrl: z.string().max(2000).nullable(),
});
export type SyncStatus = z.infer<typeof syncStatusSchema>;

/** Last sync or import result. Written by the background only; read with `readLastSync`. */
export const lastSyncItem = storage.defineItem<SyncStatus | null>('local:lastSync', {
  fallback: null,
});

/** The last result, validated; `null` when none or damaged. */
export async function readLastSync(item = lastSyncItem): Promise<SyncStatus | null> {
  const parsed = syncStatusSchema.safeParse(await item.getValue());
  return parsed.success ? parsed.data : null;
}

export async function recordSync(
  status: Omit<SyncStatus, 'at'>,
  now: () => number = Date.now,
  item = lastSyncItem,
): Promise<SyncStatus> {
  const value = syncStatusSchema.parse({
    ...status,
    message: clip(status.message, 4000),
    at: new Date(now()).toISOString(),
  });
  await item.setValue(value);
  return value;
}
