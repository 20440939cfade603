/**
 * Where the data comes from: the installed packs with their versions and "as of" dates, and the
 * last sync with its result, so a reader can tell how fresh the positions are.
 */
import type { Loadable } from '@/utils/pages/use-async';
import type { PackInfo } from '@/utils/views';
import { formatDate, formatDateTime } from '@/utils/format';
import { t, tn, type MessageKey } from '@/utils/i18n';

/** The last sync as the popup shows it (the sync module's stored status fits this shape). */
export interface LastSyncView {
  /** ISO time of the attempt. */
  at: string;
  ok: boolean;
  /** One sentence a reader understands. */
  message: string;
}

export interface PackStatusProps {
  packs: Loadable<PackInfo[]> | null;
  /** `null` when no sync has happened yet; `undefined` while loading. */
  lastSync: LastSyncView | null | undefined;
}

/** Packs listed in full; more fold into "N more" so many packs do not push the matrix away. */
const PACKS_SHOWN = 3;

const ORIGIN: Record<PackInfo['origin'], MessageKey> = {
  builtin: 'statusBuiltin',
  feed: 'statusFromFeed',
  file: 'statusFromFile',
};

/** Renders the packs list and the last sync line. */
export function PackStatus({ packs, lastSync }: PackStatusProps) {
  let list;
  if (!packs || packs.state === 'loading') list = <p>{t('statusLoadingPacks')}</p>;
  else if (!packs.result.ok) list = <p data-ok="false">{packs.result.error}</p>;
  else if (packs.result.value.length === 0) list = <p data-ok="false">{t('statusNoPacks')}</p>;
  else {
    const all = packs.result.value;
    const item = (p: PackInfo) => (
      <li key={p.id}>
        <strong>{p.title}</strong> · {t('statusVersion', p.version)} · {t('statusAsOf')}{' '}
        <time dateTime={p.publishedAt}>{formatDate(p.publishedAt)}</time> · {t(ORIGIN[p.origin])}
        {p.origin !== 'builtin' && t(p.verified ? 'statusSigned' : 'statusNotSigned')}
      </li>
    );
    const rest = all.slice(PACKS_SHOWN);
    list = (
      <>
        <ul aria-label={t('packsTitle')}>{all.slice(0, PACKS_SHOWN).map(item)}</ul>
        {rest.length > 0 && (
          <details>
            <summary>{tn('statusMorePacks', rest.length)}</summary>
            <ul aria-label={t('statusMorePacksLabel')}>{rest.map(item)}</ul>
          </details>
        )}
      </>
    );
  }
  let sync;
  if (lastSync === undefined) sync = <p>{t('statusLastSyncLoading')}</p>;
  else if (lastSync === null) sync = <p>{t('statusNeverSynced')}</p>;
  else
    sync = (
      <p data-ok={String(lastSync.ok)}>
        {t('statusLastSync')} <time dateTime={lastSync.at}>{formatDateTime(lastSync.at)}</time>:{' '}
        {lastSync.ok ? '' : `${t('statusFailed')} `}
        {lastSync.message}
      </p>
    );
  return (
    <section class="sp-packs" aria-label={t('statusLabel')}>
      {list}
      {sync}
    </section>
  );
}
