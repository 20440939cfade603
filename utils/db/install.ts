/**
 * Installing and updating packs (rolling back and removing them: ./uninstall.ts). Each install
 * runs in ONE read-write Dexie transaction over every table, so a failure at any point (a thrown error, a quota error,
 * the service worker stopped halfway) aborts it and leaves the store exactly as it was: all-old
 * or all-new, never mixed. All CPU work happens before the transaction opens.
 *
 * Which version may replace which is decided by ./versions.ts (docs/store.md, "Trust rules"); who
 * owns which actor and topic by ./claims.ts (docs/threat-model.md, "Ownership"). After any change
 * the dictionary version is published so content scripts rebuild their matcher.
 */
import { hostOf } from '../format';
import { dictionaryBudgetRefusal, nameLoad } from '../pack/budgets';
import type { Pack } from '../pack/schema';
import { err, ok, type Result } from '../views';
import { change, publishDictionaryVersion, replaceDerived } from './change';

import { rewordingRefusal } from './claims';
import {
  allTables,
  type PackOrigin,
  type PositionChangeRow,
  type PreviousPackMeta,
  type StandpointDB,
} from './database';
import { diffPositions } from './diff';
import { sha256OfText } from './hash';
import { packRows, ROWS_FORMAT } from './rows';
import { updateDecision } from './versions';
import { t } from '../i18n';

/** How a pack reached us and what vouches for it. */
export interface ApplyOptions {
  origin: PackOrigin;
  verified: boolean;
  /** sha256 (hex) of the exact bytes the pack was parsed from. */
  rawSha256: string;
  /** The feed a synced pack came from (recorded in the same transaction as the install). */
  feedUrl?: string;
  /** The clock, for tests. */
  now?: Date;
}

/** What an apply did. */
export interface ApplyOutcome {
  status: 'installed' | 'updated' | 'unchanged';
  packId: string;
  version: number;
  previousVersion: number | null;
  changes: { added: number; changed: number; removed: number };
}

const NO_CHANGES = { added: 0, changed: 0, removed: 0 } as const;

/**
 * Installs `pack` or updates the installed pack with the same id, in one transaction: replaces the
 * pack's rows, keeps the replaced version for rollback, records which positions were added,
 * changed and removed, settles ownership. Returns a refusal (store unchanged) when the version
 * rule (./versions.ts) or the ownership rule (./claims.ts) says no; the same version and bytes
 * again is a no-op.
 */
export async function applyPack(
  db: StandpointDB,
  pack: Pack,
  opts: ApplyOptions,
): Promise<Result<ApplyOutcome>> {
  const at = (opts.now ?? new Date()).toISOString();
  const rows = packRows(pack);
  return change(
    db,
    t('storeNotInstalled', pack.title),
    async (): Promise<Result<ApplyOutcome>> => {
      const existing = await db.packs.get(pack.id);
      const decision = updateDecision(existing, {
        id: pack.id,
        title: pack.title,
        version: pack.version,
        sha256: opts.rawSha256,
        origin: opts.origin,
        verified: opts.verified,
      });
      if (decision.kind === 'refuse') return err(`${decision.reason}.`);
      // Asked again here, inside the transaction: another feed may have installed this pack id
      // while this one was downloading it.
      if (opts.feedUrl && existing?.feedUrl && existing.feedUrl !== opts.feedUrl)
        return err(t('storeForeignPack', pack.title, hostOf(existing.feedUrl)));
      if (decision.kind === 'same') {
        return ok({
          status: 'unchanged',
          packId: pack.id,
          version: existing!.version,
          previousVersion: existing!.previous?.version ?? null,
          changes: { ...NO_CHANGES },
        });
      }
      const others = nameLoad({
        actors: await db.actors.filter((a) => a.packId !== pack.id).toArray(),
      });
      const overBudget = dictionaryBudgetRefusal(pack.title, nameLoad(pack), others);
      if (overBudget) return err(t('storeNothingChanged', overBudget));
      const reworded = await rewordingRefusal(db, pack, opts.verified);
      if (reworded) return err(t('storeNothingChanged', reworded));

      let changes: PositionChangeRow[] = [];
      let previous: PreviousPackMeta | null = null;
      // What an unsigned file claimed binds no signed source: a verified takeover starts afresh.
      const takeover = existing && opts.verified && !existing.verified;
      if (existing) {
        const oldBody = await db.packBodies.get([pack.id, existing.version]);
        if (oldBody) changes = diffPositions(oldBody.pack, pack, at);
        previous =
          existing.version === pack.version
            ? existing.previous
            : {
                version: existing.version,
                sha256: existing.sha256,
                origin: existing.origin,
                verified: existing.verified,
                installedAt: existing.installedAt,
              };
        const keep = new Set([pack.version, previous?.version]);
        await db.packBodies
          .where('packId')
          .equals(pack.id)
          .filter((b) => !keep.has(b.version))
          .delete();
      }
      await db.packBodies.put({
        packId: pack.id,
        version: pack.version,
        sha256: opts.rawSha256,
        pack,
      });
      if (changes.length > 0) await db.positionChanges.bulkAdd(changes);
      const higher = !existing || takeover || pack.version >= existing.highestVersion;
      await db.packs.put({
        id: pack.id,
        version: pack.version,
        sha256: opts.rawSha256,
        title: pack.title,
        publishedAt: pack.publishedAt,
        installedAt: at,
        firstInstalledAt: existing?.firstInstalledAt ?? existing?.installedAt ?? at,
        origin: opts.origin,
        verified: opts.verified,
        previous,
        highestVersion: higher ? pack.version : existing.highestVersion,
        highestSha256: higher ? opts.rawSha256 : existing.highestSha256,
        rowsFormat: ROWS_FORMAT,
        ...(opts.feedUrl ? { feedUrl: opts.feedUrl } : {}),
      });
      await replaceDerived(db, pack.id, rows);
      const count = (kind: PositionChangeRow['kind']) =>
        changes.filter((c) => c.kind === kind).length;
      return ok({
        status: existing ? 'updated' : 'installed',
        packId: pack.id,
        version: pack.version,
        previousVersion: previous?.version ?? null,
        changes: { added: count('added'), changed: count('changed'), removed: count('removed') },
      });
    },
    (v) => v.status !== 'unchanged',
  );
}

/**
 * Installs the pack bundled with the extension when the version rule lets it in: absent, above
 * everything installed under its id, or a rebuilt copy of the same built-in version (on install,
 * on update and at every start; cheap when nothing is to do). A newer copy from a feed stays, and
 * so does a reader's rollback. Always republishes the dictionary version, in case a previous run
 * stopped between its install and its publication.
 */
export async function ensureBuiltinPack(
  db: StandpointDB,
  pack: Pack,
  now?: Date,
): Promise<Result<ApplyOutcome>> {
  const rawSha256 = await sha256OfText(JSON.stringify(pack));
  const existing = await db.packs.get(pack.id);
  const decision = updateDecision(existing, {
    id: pack.id,
    title: pack.title,
    version: pack.version,
    sha256: rawSha256,
    origin: 'builtin',
    verified: true,
  });
  if (existing && decision.kind !== 'install') {
    await publishDictionaryVersion(db);
    return ok({
      status: 'unchanged',
      packId: pack.id,
      version: existing.version,
      previousVersion: existing.previous?.version ?? null,
      changes: { ...NO_CHANGES },
    });
  }
  return applyPack(db, pack, { origin: 'builtin', verified: true, rawSha256, now });
}

/**
 * Rebuilds the derived rows of every pack whose rows were built by an older `packRows` (after an
 * extension update), each pack in its own transaction, from the stored body. Cheap when nothing
 * is stale: it reads only the pack rows. Returns the ids rebuilt.
 */
export async function refreshDerivedRows(db: StandpointDB): Promise<string[]> {
  const stale = (await db.packs.toArray()).filter((p) => p.rowsFormat !== ROWS_FORMAT);
  const rebuilt: string[] = [];
  for (const row of stale) {
    const body = await db.packBodies.get([row.id, row.version]);
    if (!body) continue;
    const rows = packRows(body.pack);
    const done = await db.transaction('rw', allTables(db), async () => {
      const now = await db.packs.get(row.id);
      if (!now || now.version !== row.version || now.sha256 !== row.sha256) return false;
      await db.packs.put({ ...now, rowsFormat: ROWS_FORMAT });
      await replaceDerived(db, row.id, rows);
      return true;
    });
    if (done) rebuilt.push(row.id);
  }
  return rebuilt;
}
