/**
 * The comparison page: the popup's matrix at full width, for any number of people and every
 * topic. Its whole selection lives in the URL (utils/pages/urls.ts), so a comparison can
 * be bookmarked, and the popup and a card's "Compare" open it with a selection.
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { MatrixSection } from '@/components/MatrixSection';
import { PackStatus, type LastSyncView } from '@/components/PackStatus';
import { PersonPicker } from '@/components/PersonPicker';
import type { Ask } from '@/utils/pages/ask';
import { compareSearch, parseCompareState, type CompareState } from '@/utils/pages/urls';
import { pickerList } from '@/utils/pages/pick';
import { useResult } from '@/utils/pages/use-async';
import { t } from '@/utils/i18n';

/** Narrowest person column on the comparison page, px, before the table scrolls sideways. */
export const COMPARE_MIN_COLUMN_PX = 170;

export interface CompareDeps {
  /** `location.search` when the page opened. */
  search: string;
  ask: Ask;
  /** Writes the new query string into the address bar (without a reload or a history entry). */
  replaceSearch(search: string): void;
  /** The last sync result, shown under the table with the packs. */
  readLastSync(): Promise<LastSyncView | null>;
}

/** The comparison page. */
export function CompareApp({ deps }: { deps: CompareDeps }) {
  const [state, setState] = useState<CompareState>(() => parseCompareState(deps.search));
  const actors = useResult(() => deps.ask('listActors', {}), 'actors');
  const packs = useResult(() => deps.ask('listPacks', {}), 'packs');
  const [lastSync, setLastSync] = useState<LastSyncView | null | undefined>(undefined);
  useEffect(() => {
    deps.readLastSync().then(setLastSync, () => setLastSync(null));
  }, [deps]);

  useEffect(() => deps.replaceSearch(compareSearch(state)), [state, deps]);

  const all = actors?.state === 'done' && actors.result.ok ? actors.result.value.actors : null;
  const list = useMemo(() => (all ? pickerList(all, null) : null), [all]);
  // An empty selection in the URL means everyone: all people (groups can be added by hand).
  const known = useMemo(() => new Set(all?.map((a) => a.id)), [all]);
  const picked = useMemo(() => {
    if (!all) return null;
    if (state.actors.length === 0) return all.filter((a) => a.kind === 'person').map((a) => a.id);
    return state.actors.filter((id) => known.has(id));
  }, [all, known, state.actors]);
  const unknown = all ? state.actors.filter((id) => !known.has(id)) : [];

  const matrix = useResult(
    picked && picked.length > 0 ? () => deps.ask('getMatrix', { actorIds: picked }) : null,
    (picked ?? []).join(','),
  );

  let people;
  if (!actors || actors.state === 'loading')
    people = <p class="sp-mstatus">{t('loadingPeople')}</p>;
  else if (!actors.result.ok)
    people = (
      <p class="sp-notice" role="alert">
        {actors.result.error}
      </p>
    );
  else if (list && picked)
    people = (
      <details class="compare-pick" open={state.actors.length > 0 && state.actors.length < 2}>
        <summary>{t('compareComparing', picked.length, actors.result.value.actors.length)}</summary>
        <PersonPicker
          list={list}
          picked={picked}
          max={null}
          min={2}
          legend={t('pickerLegend')}
          onChange={(next) => setState((s) => ({ ...s, actors: next.length ? next : [] }))}
        />
      </details>
    );

  return (
    <main class="compare">
      <header class="compare-head">
        <h1>{t('compareTitle')}</h1>
        <p>{t('compareIntro', t('cellEmpty'))}</p>
      </header>
      {unknown.length > 0 && (
        <p class="sp-notice" role="status">
          {t('compareUnknown', unknown.join(', '))}
        </p>
      )}
      {people}
      {picked && (
        <MatrixSection
          matrix={matrix}
          query={state.topic}
          onlyDisagree={state.disagree}
          onQuery={(topic) => setState((s) => ({ ...s, topic }))}
          onOnlyDisagree={(disagree) => setState((s) => ({ ...s, disagree }))}
          minColumnWidth={COMPARE_MIN_COLUMN_PX}
          order="positions"
          foldSilent
          showSilent={state.all}
          onShowSilent={(all) => setState((s) => ({ ...s, all }))}
          emptyPick={t('compareNobody')}
        />
      )}
      <footer class="compare-foot">
        <PackStatus packs={packs} lastSync={lastSync} />
      </footer>
    </main>
  );
}
