/**
 * The two filters above the matrix: a topic search box and the "only where they disagree"
 * toggle. What they mean is defined once, in utils/pages/rows.ts.
 */

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
    <div class="sp-filters" role="group" aria-label="Filter topics">
      <label>
        <span>Search topics</span>
        <input
          type="search"
          value={query}
          maxLength={200}
          placeholder="e.g. NATO, ceasefire"
          onInput={(e) => onQuery((e.currentTarget as HTMLInputElement).value)}
        />
      </label>
      <label title="Keep topics where at least two picked people have a position (their own, or their group’s as shown) and the stances differ">
        <input
          type="checkbox"
          checked={onlyDisagree}
          onChange={(e) => onOnlyDisagree((e.currentTarget as HTMLInputElement).checked)}
        />
        <span>Only where they disagree</span>
      </label>
    </div>
  );
}
