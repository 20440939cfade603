/**
 * The comparison matrix: topics as rows, picked actors as columns, one stance per cell.
 * Shared by the popup and the comparison page. A real table (row and column headers with
 * `scope`), so screen readers announce "Merz, NATO bid" as the reader moves; each filled cell is
 * a button that opens the cell's evidence in a row right below, where the keyboard reaches it next.
 *
 * Group positions are shown as the group's ("via U.S. delegation"), never as the person's own.
 */
import { useRef, useState } from 'preact/hooks';
import type { ActorSummary, MatrixView, PositionView } from '@/utils/views';
import { shownPosition, type MatrixCell, type MatrixRow } from '@/utils/pages/rows';
import { StanceChip } from './StanceChip';
import { Evidence, UnverifiedMark } from './Evidence';
import { changeWords, earlierVersionLabel } from './change-words';
import { formatDate } from '@/utils/format';
import { t, tn } from '@/utils/i18n';

export interface OpenCell {
  topicId: string;
  actorId: string;
}

export interface StanceMatrixProps {
  /** The matrix from the background (its actors give the columns). */
  matrix: MatrixView;
  /** The rows to show, already filtered and ordered (see utils/pages/rows.ts). */
  rows: readonly MatrixRow[];
  /** A short description for the table's caption. */
  caption: string;
  /** The cell open at first render, if any (the comparison page restores it). */
  initialOpen?: OpenCell | null;
  /** Told whenever a cell opens or closes. */
  onOpenChange?: (open: OpenCell | null) => void;
  /** Link to a position's evidence in the source viewer; defaults to the Evidence component's. */
  sourceHref?: (position: PositionView) => string;
  /**
   * Narrowest a person's column may get, px; past that the table scrolls sideways inside its
   * wrapper (the comparison page with many people). Defaults to no minimum.
   */
  minColumnWidth?: number;
  /** The columns to show, in order; defaults to every actor of the matrix. */
  columns?: readonly ActorSummary[];
}

const cellId = (topicId: string, actorId: string) => `sp-m-${topicId}--${actorId}`;

/** `new` / `updated` in the reader's language. */
const markWord = (mark: 'new' | 'updated') => t(mark === 'new' ? 'markNew' : 'markUpdated');

/**
 * One position's line: "Supports" chip, an update mark, and the one-line summary. The words a
 * screen reader needs beyond what is shown (what changed, which imported pack) are visually hidden
 * inside the line, so a cell's accessible name is its visible text with them added.
 */
function StanceLine({ position }: { position: PositionView }) {
  const words = changeWords(position);
  return (
    <>
      <StanceChip stance={position.stance} />{' '}
      {words && <span class="sp-m-updated">{markWord(words.mark)}</span>}
      {words && <span class="sp-visually-hidden">{` (${words.note}) `}</span>}
      <UnverifiedMark pack={position.pack} />
      {!position.pack.verified && (
        <span class="sp-visually-hidden">{` ${t('cellUnverified', position.pack.title)} `}</span>
      )}{' '}
      <span class="sp-m-summary">{position.summary}</span>
    </>
  );
}

/** Earlier versions of a position an update changed, newest first. */
function History({ position }: { position: PositionView }) {
  const words = changeWords(position);
  if (!words) return null;
  return (
    <div class="sp-m-history">
      {`${words.note}.`}
      {position.change!.history.map((h) => (
        <p key={`${h.packVersion}-${h.date}`}>
          {`${earlierVersionLabel(h)}: `}
          <StanceChip stance={h.stance} /> {h.summary}
        </p>
      ))}
    </div>
  );
}

function Cell(props: {
  actor: ActorSummary;
  row: MatrixRow;
  cell: MatrixCell | undefined;
  open: boolean;
  onToggle: () => void;
}) {
  const { actor, row, cell, open, onToggle } = props;
  const shown = cell ? shownPosition(cell) : null;
  if (!cell || !shown) {
    return (
      <td>
        <span class="sp-m-empty">{t('cellEmpty')}</span>
      </td>
    );
  }
  const more = cell.own.length > 1 ? cell.own.length - 1 : 0;
  const groupsToo = shown.via === null && cell.viaGroups.some((g) => g.positions.length > 0);
  return (
    <td>
      <button
        type="button"
        class="sp-m-cell-btn"
        aria-expanded={open}
        aria-controls={open ? cellId(row.topic.id, actor.id) : undefined}
        data-cell={cellId(row.topic.id, actor.id)}
        onClick={onToggle}
      >
        <span class="sp-visually-hidden">
          {`${t('cellWho', shown.via ? t('cellViaGroup', shown.via.name, actor.name) : actor.name, row.topic.label)} `}
        </span>
        {shown.via && <span class="sp-m-via">{`${t('cellVia', shown.via.name)} `}</span>}
        <StanceLine position={shown.position} />
        {more > 0 && <span class="sp-m-more">{` ${tn('cellEarlier', more)}`}</span>}
        {groupsToo && <span class="sp-m-more">{` ${t('cellAlsoGroup')}`}</span>}
        <span class="sp-visually-hidden">{` ${t('cellShowEvidence')}`}</span>
      </button>
    </td>
  );
}

/** The evidence of one cell: own positions (newest first), then each group's. */
function CellDetail(props: {
  actor: ActorSummary;
  row: MatrixRow;
  cell: MatrixCell;
  colSpan: number;
  onClose: () => void;
  sourceHref?: (position: PositionView) => string;
}) {
  const { actor, row, cell, colSpan, onClose, sourceHref } = props;
  const newestFirst = (ps: readonly PositionView[]) =>
    [...ps].sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0));
  const item = (p: PositionView) => (
    <li class="sp-m-detail-item" key={p.id}>
      <StanceChip stance={p.stance} /> <time dateTime={p.date}>{formatDate(p.date)}</time>{' '}
      {changeWords(p) && <span class="sp-m-updated">{markWord(changeWords(p)!.mark)}</span>}
      <p>{p.summary}</p>
      <History position={p} />
      <Evidence position={p} sourceHref={sourceHref?.(p)} />
    </li>
  );
  const headingId = `${cellId(row.topic.id, actor.id)}-h`;
  return (
    <tr class="sp-m-detail">
      <td colSpan={colSpan} id={cellId(row.topic.id, actor.id)}>
        <section aria-labelledby={headingId}>
          <button type="button" class="sp-m-detail-close" onClick={onClose}>
            {t('close')}
          </button>
          <h2 id={headingId}>{t('detailTitle', actor.name, row.topic.label)}</h2>
          <p class="sp-m-detail-note">{row.topic.proposition}</p>
          {cell.own.length > 0 && <ul class="sp-m-list">{newestFirst(cell.own).map(item)}</ul>}
          {cell.viaGroups
            .filter((g) => g.positions.length > 0)
            .map((g) => (
              <div key={g.group.id}>
                <p class="sp-m-detail-note">{t('detailGroupNote', g.group.name, actor.name)}</p>
                <ul class="sp-m-list">{newestFirst(g.positions).map(item)}</ul>
              </div>
            ))}
        </section>
      </td>
    </tr>
  );
}

/** Renders the matrix table; one cell's evidence may be open at a time. */
export function StanceMatrix(props: StanceMatrixProps) {
  const { matrix, rows, caption, onOpenChange, sourceHref, minColumnWidth } = props;
  const cols = props.columns ?? matrix.actors;
  const [open, setOpen] = useState<OpenCell | null>(props.initialOpen ?? null);
  const wrap = useRef<HTMLDivElement>(null);
  const set = (next: OpenCell | null) => {
    setOpen(next);
    onOpenChange?.(next);
  };
  /** Closing from inside the detail returns focus to the cell that opened it. */
  const close = () => {
    const was = open;
    set(null);
    if (was) {
      const sel = `[data-cell="${cellId(was.topicId, was.actorId)}"]`;
      queueMicrotask(() => wrap.current?.querySelector<HTMLElement>(sel)?.focus());
    }
  };
  return (
    <div
      class="sp-matrix-wrap"
      ref={wrap}
      onKeyDown={(e) => {
        // Escape anywhere in the table (the cell or its evidence) closes the open evidence.
        if (e.key === 'Escape' && open) {
          e.stopPropagation();
          close();
        }
      }}
    >
      <table
        class="sp-matrix"
        style={
          minColumnWidth
            ? {
                minWidth: `calc(var(--sp-topic-col, 30%) + ${minColumnWidth * cols.length}px)`,
              }
            : undefined
        }
      >
        <caption>{caption}</caption>
        <colgroup>
          <col class="sp-m-topic-col" />
          {cols.map((a) => (
            <col key={a.id} />
          ))}
        </colgroup>
        <thead>
          <tr>
            <th scope="col">{t('matrixTopic')}</th>
            {cols.map((a) => (
              <th scope="col" key={a.id} data-actor={a.id}>
                <span class="sp-m-actor-name">{a.name}</span>
                <span class="sp-m-actor-role">{a.role}</span>
                <UnverifiedMark pack={a.definedBy} />
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const byActor = new Map(row.cells.map((c) => [c.actorId, c]));
            const openHere = open?.topicId === row.topic.id ? open : null;
            const openCell = openHere ? byActor.get(openHere.actorId) : undefined;
            const openActor = openHere ? cols.find((a) => a.id === openHere.actorId) : undefined;
            return [
              <tr key={row.topic.id} data-topic={row.topic.id}>
                <th scope="row" title={row.topic.proposition}>
                  <span class="sp-m-topic-label">{row.topic.label}</span>
                  <span class="sp-m-topic-prop">{row.topic.proposition}</span>
                </th>
                {cols.map((a) => (
                  <Cell
                    key={a.id}
                    actor={a}
                    row={row}
                    cell={byActor.get(a.id)}
                    open={openHere?.actorId === a.id}
                    onToggle={() =>
                      set(
                        openHere?.actorId === a.id
                          ? null
                          : { topicId: row.topic.id, actorId: a.id },
                      )
                    }
                  />
                ))}
              </tr>,
              openCell && openActor ? (
                <CellDetail
                  key={`${row.topic.id}-detail`}
                  actor={openActor}
                  row={row}
                  cell={openCell}
                  colSpan={cols.length + 1}
                  onClose={close}
                  sourceHref={sourceHref}
                />
              ) : null,
            ];
          })}
        </tbody>
      </table>
    </div>
  );
}
