/**
 * How a pack update's change to a position is worded, on the card and in the matrix alike:
 * one wording, so a reader meets the same words for the same fact everywhere.
 */
import type { PositionChange, PositionView } from '@/utils/views';
import { formatDate } from '@/utils/format';
import { t, tn } from '@/utils/i18n';

export interface ChangeWords {
  /** The short mark beside a stance: `new` or `updated`. */
  mark: 'new' | 'updated';
  /** `New in update v3` or `Changed in update v3`: which update added or changed it. */
  note: string;
}

/**
 * `New in update v3`, `Changed in update v3`, `Removed in update v3`: what update `version` did
 * to a position, in English, for `npm run pack:diff`. The card and matrix show the first two in
 * the reader's language (`changeWords`, the same English words).
 */
export function updateNote(kind: 'added' | 'changed' | 'removed', version: number): string {
  const verb = kind === 'added' ? 'New' : kind === 'changed' ? 'Changed' : 'Removed';
  return `${verb} in update v${version}`;
}

/** The words for a position an update added or changed; null for one no update touched. */
export function changeWords(
  position: Pick<PositionView, 'change' | 'packVersion'>,
): ChangeWords | null {
  if (!position.change) return null;
  const added = position.change.kind === 'added';
  return {
    mark: added ? 'new' : 'updated',
    note: t(added ? 'changeNew' : 'changeChanged', position.packVersion),
  };
}

/** `Show earlier versions (2)`: the control that reveals them. */
export function earlierVersionsLabel(change: PositionChange): string {
  return tn('changeEarlier', change.history.length);
}

/** `Pack v2, Oct 1, 2025` in English, for `npm run pack:diff`. */
export function earlierVersionText(version: PositionChange['history'][number]): string {
  return `Pack v${version.packVersion}, ${formatDate(version.date, 'en')}`;
}

/** `Pack v2, Oct 1, 2025`: which earlier version a history line shows. */
export function earlierVersionLabel(version: PositionChange['history'][number]): string {
  return t('changeEarlierVersion', version.packVersion, formatDate(version.date));
}
