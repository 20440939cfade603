/**
 * Filters, a one-line status and the matrix, with every state a reader can meet said in words:
 * nobody picked, loading, an error from the background, nothing known, nothing left after the
 * filters. Shared by the popup and the comparison page.
 */
import { useState } from 'preact/hooks';
import type { Loadable } from '@/utils/pages/use-async';
import { filterRows, foldColumns } from '@/utils/pages/rows';
import type { MatrixView, PositionView } from '@/utils/views';
import { MatrixFilters } from './MatrixFilters';
import { StanceMatrix, type OpenCell } from './StanceMatrix';
import { formatNumber } from '@/utils/format';
import { t, tn } from '@/utils/i18n';

export interface MatrixSectionProps {
  /** The matrix for the current pick; `null` when nobody is picked. */
  matrix: Loadable<MatrixView> | null;
  query: string;
  onlyDisagree: boolean;
  onQuery: (q: string) => void;
  onOnlyDisagree: (on: boolean) => void;
  initialOpen?: OpenCell | null;
  onOpenChange?: (open: OpenCell | null) => void;
  sourceHref?: (position: PositionView) => string;
  /** See StanceMatrix: narrowest column, px, before the table scrolls sideways. */
  minColumnWidth?: number;
  /** What to say when nobody is picked. */
  emptyPick?: string;
  /** Row order (see `filterRows`): the background's (the popup) or most positions first. */
  order?: 'background' | 'positions';
  /**
   * Fold away the people who have nothing on the shown topics (the comparison page): their
   * columns leave the table, a line names them, and a button shows them again.
   */
  foldSilent?: boolean;
  /** With `foldSilent`: whether the folded people are shown, when the page keeps it (the URL). */
  showSilent?: boolean;
  onShowSilent?: (on: boolean) => void;
}

/** Renders the matrix part of a comparison, or a sentence saying why there is none. */
export function MatrixSection(props: MatrixSectionProps) {
  const { matrix, query, onlyDisagree } = props;
  const [ownShowSilent, setOwnShowSilent] = useState(false);
  const showSilent = props.showSilent ?? ownShowSilent;
  const setShowSilent = props.onShowSilent ?? setOwnShowSilent;
  const filters = (
    <MatrixFilters
      query={query}
      onlyDisagree={onlyDisagree}
      onQuery={props.onQuery}
      onOnlyDisagree={props.onOnlyDisagree}
    />
  );
  let body;
  if (matrix === null) {
    body = <p class="sp-mempty">{props.emptyPick ?? t('matrixPickAbove')}</p>;
  } else if (matrix.state === 'loading') {
    body = (
      <p class="sp-mstatus" role="status">
        {t('cardLoading')}
      </p>
    );
  } else if (!matrix.result.ok) {
    body = (
      <p class="sp-mstatus" data-kind="error" role="alert">
        {matrix.result.error}
      </p>
    );
  } else {
    const m = matrix.result.value;
    const out = filterRows(m, { query, onlyDisagree, order: props.order });
    const fold = props.foldSilent ? foldColumns(m, out.rows) : null;
    const shownColumns = fold && !showSilent && fold.silent.length > 0 ? fold.speaking : undefined;
    const total = m.rows.length - out.silent;
    const names = m.actors.map((a) => a.name).join(', ');
    let status: string;
    if (total === 0) {
      status = m.actors.length === 1 ? t('matrixNoneFor', names) : t('matrixNoneForAny', names);
    } else if (out.rows.length === 0) {
      status =
        onlyDisagree && !query.trim()
          ? tn('matrixNoDisagreement', total)
          : tn('matrixNoMatch', total);
    } else {
      status =
        out.rows.length === total
          ? tn('matrixTopics', total)
          : tn('matrixShowing', total, formatNumber(out.rows.length));
    }
    if (out.silent > 0 && total > 0) status += ` ${tn('matrixSilent', out.silent)}`;
    body = (
      <>
        <p class="sp-mstatus" role="status">
          {status}
        </p>
        {fold && fold.silent.length > 0 && (
          <p class="sp-mfold">
            <span>
              {tn(
                showSilent ? 'matrixFoldShown' : 'matrixFoldHidden',
                fold.silent.length,
                fold.silent.map((a) => a.name).join(', '),
              )}
            </span>{' '}
            <button
              type="button"
              class="sp-mfold-btn"
              aria-expanded={showSilent}
              onClick={() => setShowSilent(!showSilent)}
            >
              {showSilent ? t('matrixFoldHide') : tn('matrixFoldShow', fold.silent.length)}
            </button>
          </p>
        )}
        {out.rows.length > 0 && (
          <StanceMatrix
            matrix={m}
            rows={out.rows}
            columns={shownColumns}
            caption={t('matrixCaption', (shownColumns ?? m.actors).map((a) => a.name).join(', '))}
            initialOpen={props.initialOpen}
            onOpenChange={props.onOpenChange}
            sourceHref={props.sourceHref}
            minColumnWidth={props.minColumnWidth}
          />
        )}
      </>
    );
  }
  return (
    <section class="sp-msection" aria-label={t('matrixLabel')}>
      {filters}
      {body}
    </section>
  );
}
