/**
 * Taking a pack version or a whole pack back out: the reader's rollback and removal. Like an
 * install (./install.ts), each runs in ONE read-write transaction over every table through
 * ./change.ts, so a failure leaves the store as it was, and publishes the dictionary version after.
 */
import { err, ok, type Result } from '../views';
import { change, clearDerived, replaceDerived } from './change';
import { settleClaims } from './claims';
import type { StandpointDB } from './database';
import { packRows } from './rows';
import { t } from '../i18n';

/** What a rollback did. */
export interface RollbackOutcome {
  packId: string;
  /** The version now installed. */
  version: number;
  /** The version that was rolled back. */
  rolledBack: number;
}

/**
 * Puts the previous version of a pack back in place, in one transaction. The anti-rollback memory
 * keeps the higher version, so a feed may offer that same version again later, but nothing older
 * than it; change records of the rolled-back version are dropped.
 */
export async function rollbackPack(
  db: StandpointDB,
  packId: string,
): Promise<Result<RollbackOutcome>> {
  const row = await db.packs.get(packId);
  if (!row) return err(t('storeNoPack', packId));
  if (!row.previous) return err(t('storeNoEarlier', row.title));
  const prev = row.previous;
  const body = await db.packBodies.get([packId, prev.version]);
  if (!body) return err(t('storeEarlierGone', row.title));
  const rows = packRows(body.pack);
  return change(db, t('storeNotRolledBack', row.title), async () => {
    const now = await db.packs.get(packId);
    if (!now || now.version !== row.version || now.previous?.version !== prev.version) {
      return err<RollbackOutcome>(t('storeChangedMeanwhile', row.title));
    }
    await db.packBodies.delete([packId, row.version]);
    await db.positionChanges
      .where('packId')
      .equals(packId)
      .filter((c) => c.packVersion > prev.version)
      .delete();
    await db.packs.put({
      ...now,
      version: prev.version,
      sha256: prev.sha256,
      title: body.pack.title,
      publishedAt: body.pack.publishedAt,
      installedAt: prev.installedAt,
      origin: prev.origin,
      verified: prev.verified,
      previous: null,
    });
    await replaceDerived(db, packId, rows);
    return ok({ packId, version: prev.version, rolledBack: row.version });
  });
}

/** What a removal did. */
export interface RemoveOutcome {
  packId: string;
  title: string;
  /** The feed that still offers the pack (it comes back at its next sync), if any. */
  feedUrl: string | null;
}

/**
 * Removes a pack and everything derived from it (positions, aliases, sources, change history,
 * both stored versions), its anti-rollback memory included: removing is the reader's explicit
 * choice to start over with that pack. Ownership of its people and topics passes to the next
 * pack that describes them. The built-in pack cannot be removed: it would come back at the next
 * start anyway.
 */
export async function removePack(db: StandpointDB, packId: string): Promise<Result<RemoveOutcome>> {
  return change(db, t('storeNotRemoved'), async () => {
    const row = await db.packs.get(packId);
    if (!row) return err<RemoveOutcome>(t('storeNoPack', packId));
    if (row.origin === 'builtin') {
      return err<RemoveOutcome>(t('storeBuiltinStays', row.title));
    }
    await db.packBodies.where('packId').equals(packId).delete();
    await db.positionChanges.where('packId').equals(packId).delete();
    await db.packs.delete(packId);
    await clearDerived(db, packId);
    await settleClaims(db);
    return ok({ packId, title: row.title, feedUrl: row.feedUrl ?? null });
  });
}
