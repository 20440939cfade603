/**
 * Which matrix rows to show. Pure functions over `MatrixView`, shared by the popup and the
 * comparison page, so the rules are tested once and behave the same in both.
 */
import type { Stance } from '../pack/schema';
import type { MatrixView, PositionView } from '../views';

export type MatrixRow = MatrixView['rows'][number];
export type MatrixCell = MatrixRow['cells'][number];

/** The newest position of a list (by stated date; on a tie, the later in the list). */
export function latest(positions: readonly PositionView[]): PositionView | undefined {
  let best: PositionView | undefined;
  for (const p of positions) if (!best || p.date >= best.date) best = p;
  return best;
}

/**
 * The stance a picked actor holds on a row's topic, for comparing: the stance of their newest
 * own position. Group positions do not count: they are the group's, not the person's words.
 * `undefined` when the actor has no own position on the topic.
 */
export function cellStance(cell: MatrixCell): Stance | undefined {
  return latest(cell.own)?.stance;
}

/**
 * A topic is one where the picked people disagree when at least two of them hold an own
 * position on it and those stances are not all the same (each person counted by their newest
 * own position). One person alone, or everyone with the same stance, is not a disagreement.
 */
export function disagrees(row: MatrixRow): boolean {
  const stances = new Set<Stance>();
  let holders = 0;
  for (const cell of row.cells) {
    const stance = cellStance(cell);
    if (stance === undefined) continue;
    holders += 1;
    stances.add(stance);
  }
  return holders >= 2 && stances.size >= 2;
}

/** True when any picked actor has a position on the row's topic, their own or a group's. */
export function hasAnyPosition(row: MatrixRow): boolean {
  return row.cells.some((c) => c.own.length > 0 || c.viaGroups.some((g) => g.positions.length));
}

/** Lower case without diacritics, so "Selenskyj" finds "selenskyj" and "Zürich" finds "zurich". */
export function fold(s: string): string {
  return s.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

/**
 * The search box: every word of the query must occur in the topic's label, proposition or id
 * (case and accents ignored). An empty query matches every topic.
 */
export function matchesSearch(row: MatrixRow, query: string): boolean {
  const words = fold(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = fold(`${row.topic.label} ${row.topic.proposition} ${row.topic.id}`);
  return words.every((w) => hay.includes(w));
}

export interface RowFilter {
  /** Search box text. */
  query: string;
  /** Keep only the topics where the picked people disagree (see `disagrees`). */
  onlyDisagree: boolean;
}

export interface FilteredRows {
  rows: MatrixRow[];
  /** Rows dropped because no picked actor has any position on them. */
  silent: number;
  /** Rows dropped by the search box or the disagreement toggle. */
  filtered: number;
}

/**
 * The rows to show, in the order the background ranked them (page topics first). Rows where no
 * picked actor said anything are left out and counted, so the table shows only what is known.
 */
export function filterRows(matrix: MatrixView, filter: RowFilter): FilteredRows {
  const rows: MatrixRow[] = [];
  let silent = 0;
  let filtered = 0;
  for (const row of matrix.rows) {
    if (!hasAnyPosition(row)) silent += 1;
    else if (!matchesSearch(row, filter.query) || (filter.onlyDisagree && !disagrees(row)))
      filtered += 1;
    else rows.push(row);
  }
  return { rows, silent, filtered };
}
