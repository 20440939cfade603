/**
 * Installing, updating, rolling back and removing packs. Each operation runs in ONE read-write
 * Dexie transaction over every table, so a failure at any point (a thrown error, a quota error,
 * the service worker stopped halfway) aborts it and leaves the store exactly as it was: all-old
 * or all-new, never mixed. All CPU work happens before the transaction opens.
 *
 * Trust rules (docs/store.md): an older version than the highest ever installed under a pack id is
 * refused, and so is the same version with different bytes; the same version with the same bytes
 * is a no-op. After any change the dictionary is published so content scripts rebuild their
 * matcher.
 */
import { browser } from '#imports';
import type { Pack } from '../pack/schema';
import { DICTIONARY_KEY, DICTIONARY_VERSION_KEY } from '../spotting/stored-dictionary';
import { err, ok, type Result } from '../views';
import { errorMessage } from '../format';
import {
  allTables,
  type PackOrigin,
  type PackRow,
  type PositionChangeRow,
  type PreviousPackMeta,
  type StandpointDB,
} from './database';
import { diffPositions } from './diff';
import { sha256OfText } from './hash';
import { dictionary } from './queries';
import { packRows, ROWS_FORMAT, type PackRows } from './rows';

/** How a pack reached us and what vouches for it. */
export interface ApplyOptions {
  origin: PackOrigin;
  verified: boolean;
  /** sha256 (hex) of the exact bytes the pack was parsed from. */
  rawSha256: string;
  /**
   * Lets a built-in pack replace the built-in copy of the same version with different bytes:
   * the bundled pack ships inside the extension, which is trusted as a whole. Feeds and files
   * never get this.
   */
  allowBuiltinRewrite?: boolean;
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

/** Deletes the derived rows of one pack (not its bodies, metadata or change history). */
async function clearDerived(db: StandpointDB, packId: string): Promise<void> {
  await Promise.all([
    db.sources.where('packId').equals(packId).delete(),
    db.actors.where('packId').equals(packId).delete(),
    db.aliases.where('packId').equals(packId).delete(),
    db.topics.where('packId').equals(packId).delete(),
    db.positions.where('packId').equals(packId).delete(),
  ]);
}

async function writeDerived(db: StandpointDB, rows: PackRows): Promise<void> {
  await db.sources.bulkPut(rows.sources);
  await db.actors.bulkPut(rows.actors);
  await db.aliases.bulkPut(rows.aliases);
  await db.topics.bulkPut(rows.topics);
  await db.positions.bulkPut(rows.positions);
}

/** The sentence a reader sees when an update is refused, or null when it may proceed. */
export function versionRefusal(
  existing: PackRow | undefined,
  pack: Pack,
  opts: Pick<ApplyOptions, 'rawSha256' | 'origin' | 'allowBuiltinRewrite'>,
): string | null {
  if (!existing) return null;
  if (pack.version < existing.highestVersion) {
    return (
      `“${pack.title}” version ${pack.version} was refused: version ${existing.highestVersion} ` +
      `of this pack has already been installed, and an older version is never accepted ` +
      `because it could quietly undo corrections.`
    );
  }
  if (pack.version === existing.highestVersion && opts.rawSha256 !== existing.highestSha256) {
    const builtinRewrite =
      opts.allowBuiltinRewrite === true &&
      opts.origin === 'builtin' &&
      existing.origin === 'builtin' &&
      existing.version === pack.version;
    if (!builtinRewrite) {
      return (
        `“${pack.title}” version ${pack.version} was refused: a different copy of the same ` +
        `version is already installed. Every change must come with a new version number, so ` +
        `this copy may have been altered.`
      );
    }
  }
  return null;
}

/**
 * Installs `pack` or updates the installed pack with the same id, in one transaction: replaces the
 * pack's rows, keeps the replaced version for rollback, records which positions were added,
 * changed and removed. Returns a refusal (store unchanged) for an older version or a different
 * copy of the same version; the same version and bytes again is a no-op.
 */
export async function applyPack(
  db: StandpointDB,
  pack: Pack,
  opts: ApplyOptions,
): Promise<Result<ApplyOutcome>> {
  const at = (opts.now ?? new Date()).toISOString();
  const rows = packRows(pack);
  let result: Result<ApplyOutcome>;
  try {
    result = await db.transaction('rw', allTables(db), async (): Promise<Result<ApplyOutcome>> => {
      const existing = await db.packs.get(pack.id);
      if (existing && existing.version === pack.version && existing.sha256 === opts.rawSha256) {
        return ok({
          status: 'unchanged',
          packId: pack.id,
          version: pack.version,
          previousVersion: existing.previous?.version ?? null,
          changes: { ...NO_CHANGES },
        });
      }
      const refusal = versionRefusal(existing, pack, opts);
      if (refusal) return err(refusal);

      let changes: PositionChangeRow[] = [];
      let previous: PreviousPackMeta | null = null;
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
        await clearDerived(db, pack.id);
      }
      await writeDerived(db, rows);
      await db.packBodies.put({
        packId: pack.id,
        version: pack.version,
        sha256: opts.rawSha256,
        pack,
      });
      if (changes.length > 0) await db.positionChanges.bulkAdd(changes);
      const higher = !existing || pack.version >= existing.highestVersion;
      await db.packs.put({
        id: pack.id,
        version: pack.version,
        sha256: opts.rawSha256,
        title: pack.title,
        publishedAt: pack.publishedAt,
        installedAt: at,
        origin: opts.origin,
        verified: opts.verified,
        previous,
        highestVersion: higher ? pack.version : existing.highestVersion,
        highestSha256: higher ? opts.rawSha256 : existing.highestSha256,
        rowsFormat: ROWS_FORMAT,
      });
      const count = (kind: PositionChangeRow['kind']) =>
        changes.filter((c) => c.kind === kind).length;
      return ok({
        status: existing ? 'updated' : 'installed',
        packId: pack.id,
        version: pack.version,
        previousVersion: previous?.version ?? null,
        changes: { added: count('added'), changed: count('changed'), removed: count('removed') },
      });
    });
  } catch (e) {
    return err(`“${pack.title}” could not be installed; nothing was changed. (${errorMessage(e)})`);
  }
  if (result.ok && result.value.status !== 'unchanged') await publishDictionaryVersion(db);
  return result;
}

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
  if (!row) return err(`No pack “${packId}” is installed.`);
  if (!row.previous) return err(`“${row.title}” has no earlier version to roll back to.`);
  const prev = row.previous;
  const body = await db.packBodies.get([packId, prev.version]);
  if (!body) return err(`The earlier version of “${row.title}” is no longer stored.`);
  const rows = packRows(body.pack);
  let result: Result<RollbackOutcome>;
  try {
    result = await db.transaction(
      'rw',
      allTables(db),
      async (): Promise<Result<RollbackOutcome>> => {
        const now = await db.packs.get(packId);
        if (!now || now.version !== row.version || now.previous?.version !== prev.version) {
          return err(`“${row.title}” changed while rolling back; please try again.`);
        }
        await clearDerived(db, packId);
        await writeDerived(db, rows);
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
        return ok({ packId, version: prev.version, rolledBack: row.version });
      },
    );
  } catch (e) {
    return err(
      `“${row.title}” could not be rolled back; nothing was changed. (${errorMessage(e)})`,
    );
  }
  if (result.ok) await publishDictionaryVersion(db);
  return result;
}

/**
 * Removes a pack and everything derived from it, its anti-rollback memory included (removing is
 * the reader's explicit choice to start over with that pack). The built-in pack cannot be
 * removed: it would come back at the next start anyway.
 */
export async function removePack(
  db: StandpointDB,
  packId: string,
): Promise<Result<{ packId: string }>> {
  let result: Result<{ packId: string }>;
  try {
    result = await db.transaction('rw', allTables(db), async () => {
      const row = await db.packs.get(packId);
      if (!row) return err<{ packId: string }>(`No pack “${packId}” is installed.`);
      if (row.origin === 'builtin') {
        return err<{ packId: string }>(
          `“${row.title}” comes with Standpoint and cannot be removed; you can roll it back instead.`,
        );
      }
      await clearDerived(db, packId);
      await db.packBodies.where('packId').equals(packId).delete();
      await db.positionChanges.where('packId').equals(packId).delete();
      await db.packs.delete(packId);
      return ok({ packId });
    });
  } catch (e) {
    return err(`The pack could not be removed; nothing was changed. (${errorMessage(e)})`);
  }
  if (result.ok) await publishDictionaryVersion(db);
  return result;
}

/**
 * Installs the pack bundled with the extension when it is absent or older than the bundled one
 * (on install, on update and at every start; cheap when nothing is to do). A newer copy from a
 * feed stays. Always republishes the dictionary version, in case a previous run stopped between
 * its install and its publication.
 */
export async function ensureBuiltinPack(
  db: StandpointDB,
  pack: Pack,
  now?: Date,
): Promise<Result<ApplyOutcome>> {
  const rawSha256 = await sha256OfText(JSON.stringify(pack));
  const existing = await db.packs.get(pack.id);
  // Only a version above everything seen counts as newer: a reader's rollback of the built-in
  // pack must survive the next start. A rebuilt copy of the same version replaces the old copy.
  const stale =
    !existing ||
    pack.version > existing.highestVersion ||
    (existing.origin === 'builtin' &&
      existing.version === pack.version &&
      existing.highestVersion === pack.version &&
      existing.sha256 !== rawSha256);
  if (!stale) {
    await publishDictionaryVersion(db);
    return ok({
      status: 'unchanged',
      packId: pack.id,
      version: existing.version,
      previousVersion: existing.previous?.version ?? null,
      changes: { ...NO_CHANGES },
    });
  }
  return applyPack(db, pack, {
    origin: 'builtin',
    verified: true,
    rawSha256,
    allowBuiltinRewrite: true,
    now,
  });
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
      await clearDerived(db, row.id);
      await writeDerived(db, rows);
      await db.packs.put({ ...now, rowsFormat: ROWS_FORMAT });
      return true;
    });
    if (done) rebuilt.push(row.id);
  }
  return rebuilt;
}

/**
 * Writes the current dictionary, and its version beside it, where content scripts read and
 * watch them (utils/spotting/stored-dictionary.ts): one write, so both change together.
 */
export async function publishDictionaryVersion(db: StandpointDB): Promise<string> {
  const dict = await dictionary(db);
  await browser.storage.local.set({
    [DICTIONARY_KEY]: dict,
    [DICTIONARY_VERSION_KEY]: dict.version,
  });
  return dict.version;
}
