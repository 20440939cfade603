/**
 * Which matrix rows to show. Pure functions over `MatrixView`, shared by the popup and the
 * comparison page, so the rules are tested once and behave the same in both.
 */
import { normalizeName } from '../fold';
import type { Stance } from '../pack/schema';
import type { ActorSummary, MatrixView, PositionView } from '../views';

export type MatrixRow = MatrixView['rows'][number];
export type MatrixCell = MatrixRow['cells'][number];

/**
 * The newest position of a list by stated date. On a tie the first wins: the background lists
 * a cell's positions newest first, with its own tie-breaks (pack order, version).
 */
function latest(positions: readonly PositionView[]): PositionView | undefined {
  let best: PositionView | undefined;
  for (const p of positions) if (!best || p.date > best.date) best = p;
  return best;
}

/**
 * What a cell shows before it is opened: the actor's newest own position; when they have none,
 * the newest position of a group they belong to, marked with that group (`via`) so it is shown
 * as the group's. `null` for an empty cell ("no stated position").
 */
export function shownPosition(
  cell: MatrixCell,
): { position: PositionView; via: ActorSummary | null } | null {
  const own = latest(cell.own);
  if (own) return { position: own, via: null };
  for (const g of cell.viaGroups) {
    const p = latest(g.positions);
    if (p) return { position: p, via: g.group };
  }
  return null;
}

/**
 * The stance a column holds on a row's topic, for comparing: the stance the cell shows
 * (see `shownPosition`: own first, else the group's). `undefined` for an empty cell.
 */
export function cellStance(cell: MatrixCell): Stance | undefined {
  return shownPosition(cell)?.position.stance;
}

/**
 * "Only where they disagree" keeps a topic when at least two picked columns have a position on
 * it and their stances are not all the same. A column's stance is the one its cell shows: the
 * person's newest own position, or, when they stated none, the position of a group they belong
 * to (shown "via" that group, so the reader sees whose it is). One position alone, or everyone
 * with the same stance, is not a disagreement.
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

/** How much a column of the matrix has to show: their own words beat a group's. */
export type Voice = 'own' | 'group';

/**
 * For each actor of the matrix with anything to show: `own` when they have a position of their
 * own on some topic, else `group` when only their groups' positions show. Silent actors are absent.
 */
export function actorVoices(matrix: MatrixView): Map<string, Voice> {
  const voices = new Map<string, Voice>();
  for (const row of matrix.rows)
    for (const cell of row.cells) {
      if (cell.own.length > 0) voices.set(cell.actorId, 'own');
      else if (shownPosition(cell) && !voices.has(cell.actorId)) voices.set(cell.actorId, 'group');
    }
  return voices;
}

/** True when any picked actor has a position on the row's topic, their own or a group's. */
function hasAnyPosition(row: MatrixRow): boolean {
  return row.cells.some((c) => c.own.length > 0 || c.viaGroups.some((g) => g.positions.length));
}

/**
 * The search box: every word of the query must occur in the topic's label, proposition or id
 * (case and accents ignored). An empty query matches every topic.
 */
export function matchesSearch(row: MatrixRow, query: string): boolean {
  const words = normalizeName(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const hay = normalizeName(`${row.topic.label} ${row.topic.proposition} ${row.topic.id}`);
  return words.every((w) => hay.includes(w));
}

export interface RowFilter {
  /** Search box text. */
  query: string;
  /** Keep only the topics where the picked people disagree (see `disagrees`). */
  onlyDisagree: boolean;
  /**
   * `positions`: the topics on which most picked columns have a position come first (see
   * `byPositions`); absent or `background`: the background's order (page topics first).
   */
  order?: 'background' | 'positions';
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
  return { rows: filter.order === 'positions' ? byPositions(rows) : rows, silent, filtered };
}

/** How full a row is: columns with something to show, and positions stated in all. */
function fullness(row: MatrixRow): { columns: number; positions: number } {
  let columns = 0;
  let positions = 0;
  for (const cell of row.cells) {
    if (shownPosition(cell)) columns += 1;
    positions += cell.own.length;
    for (const g of cell.viaGroups) positions += g.positions.length;
  }
  return { columns, positions };
}

/**
 * The comparison page's order: the topics on which the most picked columns show a position come
 * first (fewest empty cells); on a tie, the topic with more stated positions (earlier ones and
 * groups' counted); then the background's order. A new array; `rows` is left as it was.
 */
export function byPositions(rows: readonly MatrixRow[]): MatrixRow[] {
  const keyed = rows.map((row, index) => ({ row, index, ...fullness(row) }));
  keyed.sort((x, y) => y.columns - x.columns || y.positions - x.positions || x.index - y.index);
  return keyed.map((k) => k.row);
}

/** The columns of a matrix split by whether they show anything on the given rows. */
export interface ColumnFold {
  /** Actors with a position (their own or a group's) on at least one of the rows, in column order. */
  speaking: ActorSummary[];
  /** Actors whose every cell on the rows is empty ("no stated position"), in column order. */
  silent: ActorSummary[];
}

/**
 * Which columns have nothing on the shown topics, so the comparison page can fold them away
 * (with a way to show them). With no rows at all, nobody counts as silent.
 */
export function foldColumns(matrix: MatrixView, rows: readonly MatrixRow[]): ColumnFold {
  if (rows.length === 0) return { speaking: [...matrix.actors], silent: [] };
  const heard = new Set<string>();
  for (const row of rows)
    for (const cell of row.cells) if (shownPosition(cell)) heard.add(cell.actorId);
  return {
    speaking: matrix.actors.filter((a) => heard.has(a.id)),
    silent: matrix.actors.filter((a) => !heard.has(a.id)),
  };
}
