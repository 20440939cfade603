/**
 * The popup: the people on this tab, picked; their positions side by side; the per-site switch;
 * where the data comes from. Everything it talks to arrives in `deps`, so tests render it with
 * plain objects (see deps.ts for the real ones).
 */
import { useEffect, useMemo, useState } from 'preact/hooks';
import { MatrixSection } from '@/components/MatrixSection';
import { PackStatus, type LastSyncView } from '@/components/PackStatus';
import { PageNotice } from '@/components/PageNotice';
import { PersonPicker } from '@/components/PersonPicker';
import { SiteSwitch } from '@/components/SiteSwitch';
import type { Ask } from '@/utils/pages/ask';
import { comparePath } from '@/utils/pages/urls';
import { readPageStatus, type AskTab, type PageStatus } from '@/utils/pages/page-report';
import { defaultPicks, pickerList, POPUP_PICK, type PickerList } from '@/utils/pages/pick';
import { actorVoices } from '@/utils/pages/rows';
import { siteEnabled, withSite } from '@/utils/pages/site';
import { resolveTabId, type TabsApi } from '@/utils/pages/tab';
import { useResult } from '@/utils/pages/use-async';
import type { Settings } from '@/utils/settings';
import { t } from '@/utils/i18n';

/**
 * After the site is switched back on, the content script scans the page again; the popup asks
 * for a fresh report this long afterwards, ms (a scan of a news article takes well under this).
 */
export const RESCAN_SETTLE_MS = 700;

/** Most actors one matrix request may name (the background's request schema). */
const MATRIX_ACTORS_LIMIT = 200;

export interface PopupDeps {
  /** `location.search` of the popup page (`?tabId=` for tests and links). */
  search: string;
  ask: Ask;
  tabs: TabsApi;
  askTab: AskTab;
  settings: {
    load(): Promise<Settings>;
    save(patch: Partial<Settings>): Promise<Settings>;
    watch(cb: (s: Settings) => void): () => void;
  };
  lastSync: {
    read(): Promise<LastSyncView | null>;
    watch(cb: (s: LastSyncView | null) => void): () => void;
  };
  openOptions(): void;
  /** Remembers the installed pack versions as seen, so "updated" marks show once. */
  markSeen(packs: readonly { id: string; version: number }[]): Promise<void>;
  setTimeout?: (fn: () => void, ms: number) => unknown;
}

/** A matrix request; the page's words go along as a ranking hint when there are any. */
function matrixRequest(actorIds: string[], pageWords: string[] | undefined) {
  return pageWords?.length ? { actorIds, pageWords } : { actorIds };
}

/**
 * The default picks for a picker list: asks the matrix for everyone on the page (at most the
 * request's limit) to learn who has positions; on any failure falls back to mention order.
 */
export async function firstPicks(
  list: PickerList,
  pageWords: string[] | undefined,
  ask: Ask,
): Promise<string[]> {
  if (list.onPage.length <= 1) return defaultPicks(list, POPUP_PICK.max);
  const ids = list.onPage.slice(0, MATRIX_ACTORS_LIMIT).map((e) => e.actor.id);
  const answer = await ask('getMatrix', matrixRequest(ids, pageWords)).catch(() => null);
  return defaultPicks(list, POPUP_PICK.max, answer?.ok ? actorVoices(answer.value) : undefined);
}

/** The popup page. */
export function PopupApp({ deps }: { deps: PopupDeps }) {
  const [tabId, setTabId] = useState<number | null | undefined>(undefined);
  const [status, setStatus] = useState<PageStatus | null>(null);
  const [settings, setSettings] = useState<Settings | null>(null);
  const [settingsError, setSettingsError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [lastSync, setLastSync] = useState<LastSyncView | null | undefined>(undefined);
  const [picked, setPicked] = useState<string[] | null>(null);
  const [query, setQuery] = useState('');
  const [onlyDisagree, setOnlyDisagree] = useState(false);

  const actors = useResult(() => deps.ask('listActors', {}), 'actors');
  const packs = useResult(() => deps.ask('listPacks', {}), 'packs');
  const changed = useResult(() => deps.ask('getChangedActors', {}), 'changed');
  const updated = useMemo(
    () =>
      new Set(changed?.state === 'done' && changed.result.ok ? changed.result.value.actorIds : []),
    [changed],
  );

  // Once the "updated" marks are on screen, the current versions count as seen.
  useEffect(() => {
    if (changed?.state !== 'done' || packs?.state !== 'done' || !packs.result.ok) return;
    deps.markSeen(packs.result.value).catch(() => undefined);
  }, [changed, packs, deps]);

  useEffect(() => {
    let live = true;
    resolveTabId(deps.search, deps.tabs).then(async (id) => {
      if (!live) return;
      setTabId(id);
      const s = await readPageStatus(id, deps.askTab);
      if (live) setStatus(s);
    });
    deps.settings.load().then(
      (s) => live && setSettings(s),
      () => live && setSettingsError(t('popupSettingsUnread')),
    );
    deps.lastSync.read().then(
      (s) => live && setLastSync(s),
      () => live && setLastSync(null),
    );
    const unwatchSettings = deps.settings.watch((s) => setSettings(s));
    const unwatchSync = deps.lastSync.watch((s) => setLastSync(s));
    return () => {
      live = false;
      unwatchSettings();
      unwatchSync();
    };
  }, [deps]);

  const report = status?.kind === 'report' ? status.report : null;
  const list = useMemo(
    () =>
      actors?.state === 'done' && actors.result.ok
        ? pickerList(actors.result.value.actors, report)
        : null,
    [actors, report],
  );

  // The first pick waits for both the people and the page, then takes the page's people, those
  // with positions to show first (one matrix query over everyone on the page tells which).
  useEffect(() => {
    if (picked !== null || !list || !status) return;
    let live = true;
    firstPicks(list, report?.pageWords, deps.ask).then((ids) => live && setPicked(ids));
    return () => {
      live = false;
    };
  }, [list, status, picked, report, deps]);

  const pageWords = report?.pageWords;
  const key = `${(picked ?? []).join(',')}|${pageWords?.join(' ') ?? ''}`;
  const matrix = useResult(
    picked && picked.length > 0
      ? () => deps.ask('getMatrix', matrixRequest(picked, pageWords))
      : null,
    key,
  );

  const enabled = report ? (settings ? siteEnabled(settings, report.host) : report.enabled) : true;

  const switchSite = async (on: boolean) => {
    if (!report) return;
    setSaving(true);
    setSettingsError(null);
    // Show the new state at once (a controlled checkbox would otherwise snap back until the
    // save completes); a failed save restores what was stored.
    const before = settings;
    if (before) {
      setSettings({ ...before, disabledSites: withSite(before.disabledSites, report.host, on) });
    }
    try {
      const current = await deps.settings.load();
      const next = await deps.settings.save({
        disabledSites: withSite(current.disabledSites, report.host, on),
      });
      setSettings(next);
      if (on && tabId != null) {
        const wait = deps.setTimeout ?? ((fn: () => void, ms: number) => setTimeout(fn, ms));
        wait(() => {
          readPageStatus(tabId, deps.askTab).then((s) => {
            setStatus(s);
            // A page that was off named nobody; now that it is scanned, pick its people.
            if (
              s.kind === 'report' &&
              picked?.length === 0 &&
              list &&
              actors?.state === 'done' &&
              actors.result.ok
            )
              setPicked(defaultPicks(pickerList(actors.result.value.actors, s.report)));
          });
        }, RESCAN_SETTLE_MS);
      }
    } catch (e) {
      if (before) setSettings(before);
      console.error('Standpoint: the switch could not be saved', e);
      setSettingsError(t('popupSwitchUnsaved'));
    } finally {
      setSaving(false);
    }
  };

  let people;
  if (!actors || actors.state === 'loading')
    people = <p class="sp-mstatus">{t('loadingPeople')}</p>;
  else if (!actors.result.ok)
    people = (
      <p class="sp-notice" role="alert">
        {actors.result.error}
      </p>
    );
  else if (actors.result.value.actors.length === 0)
    people = <p class="sp-notice">{t('popupNobody')}</p>;
  else if (list && picked)
    people = (
      <PersonPicker
        list={list}
        picked={picked}
        max={POPUP_PICK.max}
        min={POPUP_PICK.min}
        onChange={setPicked}
        updated={updated}
      />
    );
  else people = <p class="sp-mstatus">{t('noticeLooking')}</p>;

  return (
    <main class="popup">
      <header class="popup-head">
        <h1>{t('extName')}</h1>
        {report && report.host && (
          <SiteSwitch host={report.host} enabled={enabled} busy={saving} onChange={switchSite} />
        )}
      </header>
      {settingsError && (
        <p class="sp-notice" role="alert">
          {settingsError}
        </p>
      )}
      <PageNotice status={status} enabled={enabled} />
      {people}
      {picked && (
        <MatrixSection
          matrix={matrix}
          query={query}
          onlyDisagree={onlyDisagree}
          onQuery={setQuery}
          onOnlyDisagree={setOnlyDisagree}
        />
      )}
      <footer class="popup-foot">
        <PackStatus packs={packs} lastSync={lastSync} />
        <nav class="popup-links" aria-label={t('popupMore')}>
          <a
            href={comparePath({ actors: picked ?? [], topic: query, disagree: onlyDisagree })}
            target="_blank"
            rel="noopener"
          >
            {t('popupOpenCompare')}
          </a>
          <button type="button" class="popup-linkish" onClick={() => deps.openOptions()}>
            {t('popupOptions')}
          </button>
        </nav>
      </footer>
    </main>
  );
}
