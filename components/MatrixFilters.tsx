/**
 * The two filters above the matrix: a topic search box and the "only where they disagree"
 * toggle. What they mean is defined once, in utils/pages/rows.ts.
 */
import { t } from '@/utils/i18n';

export interface MatrixFiltersProps {
  query: string;
  onlyDisagree: boolean;
  onQuery: (query: string) => void;
  onOnlyDisagree: (on: boolean) => void;
}

/** Renders the search box and the toggle; both report every change at once. */
export function MatrixFilters({
  query,
  onlyDisagree,
  onQuery,
  onOnlyDisagree,
}: MatrixFiltersProps) {
  return (
    <div class="sp-filters" role="group" aria-label={t('filtersLabel')}>
      <label>
        <span>{t('filtersSearch')}</span>
        <input
          type="search"
          value={query}
          maxLength={200}
          placeholder={t('filtersPlaceholder')}
          onInput={(e) => onQuery((e.currentTarget as HTMLInputElement).value)}
        />
      </label>
      <label title={t('filtersDisagreeTitle')}>
        <input
          type="checkbox"
          checked={onlyDisagree}
          onChange={(e) => onOnlyDisagree((e.currentTarget as HTMLInputElement).checked)}
        />
        <span>{t('filtersDisagree')}</span>
      </label>
    </div>
  );
}
