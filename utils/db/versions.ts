/**
 * The one rule that decides whether a pack version may replace what is installed under its id
 * (docs/store.md, "Trust rules"). The store applies it inside the install's transaction; the sync
 * applies it to a signed index entry before downloading, so it never fetches what the store would
 * refuse. Pure: no I/O.
 */
import type { PackOrigin, PackRow } from './database';
import { t } from '../i18n';

/** A pack version on its way in: from a file, a feed's signed index, or the extension itself. */
export interface IncomingVersion {
  id: string;
  /** For sentences: the pack's title, or its id when only an index entry is known. */
  title: string;
  version: number;
  /** sha256 of its bytes. */
  sha256: string;
  origin: PackOrigin;
  verified: boolean;
}

/** What to do with an incoming version. */
export type UpdateDecision =
  | { kind: 'install' }
  /** Nothing to do: this version is what the reader has (or chose to roll back from). */
  | { kind: 'same' }
  | {
      kind: 'refuse';
      code: 'unverified-over-verified' | 'older' | 'changed-bytes';
      /** The whole sentence: "“Title” version 3 was refused: …". */
      reason: string;
      /** Why, without the subject (the sync names the pack its own way). */
      detail: string;
    };

const refuse = (
  code: Extract<UpdateDecision, { kind: 'refuse' }>['code'],
  subject: string,
  detail: string,
) => ({ kind: 'refuse', code, reason: t('syncRefused', subject, detail), detail }) as const;

/**
 * - Nothing installed: install.
 * - An unverified file never replaces a verified pack (built in or from a feed): its id is taken.
 * - A verified version replaces an unverified one whatever their numbers: what an unsigned file
 *   claimed is never a floor for a signed source, so an import cannot block a later update.
 * - Otherwise never below the highest version ever installed, and never the same version with
 *   other bytes; the built-in pack may replace its own copy of the same version (it ships inside
 *   the extension, trusted as a whole), and a feed's copy of the built-in version is the same
 *   version.
 * - The highest version again after a rollback: a feed or the extension leaves the rollback
 *   alone; a file the reader imports again puts it back.
 */
export function updateDecision(
  existing: PackRow | undefined,
  next: IncomingVersion,
): UpdateDecision {
  if (!existing) return { kind: 'install' };
  if (existing.version === next.version && existing.sha256 === next.sha256) return { kind: 'same' };
  if (!next.verified && existing.verified) {
    return refuse(
      'unverified-over-verified',
      t('storeTitle', next.title),
      t(existing.origin === 'builtin' ? 'storeRefusedBuiltin' : 'storeRefusedVerified', next.id),
    );
  }
  if (next.verified && !existing.verified) return { kind: 'install' };
  if (next.version < existing.highestVersion) {
    return refuse(
      'older',
      t('storeTitleVersion', next.title, next.version),
      t('storeRefusedOlder', existing.highestVersion),
    );
  }
  if (next.version === existing.highestVersion) {
    if (next.sha256 !== existing.highestSha256) {
      const builtinCopy = existing.origin === 'builtin' && existing.version === next.version;
      if (builtinCopy && next.origin === 'builtin') return { kind: 'install' };
      if (builtinCopy && next.origin === 'feed') return { kind: 'same' };
      return refuse(
        'changed-bytes',
        t('storeTitleVersion', next.title, next.version),
        t('storeRefusedChanged', next.version),
      );
    }
    if (existing.version !== next.version && next.origin !== 'file') return { kind: 'same' };
  }
  return { kind: 'install' };
}
