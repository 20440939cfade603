/**
 * Where the data comes from: the installed packs with their versions and "as of" dates, and the
 * last sync with its result, so a reader can tell how fresh the positions are.
 */
import type { Loadable } from '@/utils/pages/use-async';
import type { PackInfo } from '@/utils/views';
import { formatDate, formatDateTime } from '@/utils/format';

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

const ORIGIN: Record<PackInfo['origin'], string> = {
  builtin: 'built in',
  feed: 'from a feed',
  file: 'imported from a file',
};

/** Renders the packs list and the last sync line. */
export function PackStatus({ packs, lastSync }: PackStatusProps) {
  let list;
  if (!packs || packs.state === 'loading') list = <p>Loading packs…</p>;
  else if (!packs.result.ok) list = <p data-ok="false">{packs.result.error}</p>;
  else if (packs.result.value.length === 0)
    list = <p data-ok="false">No packs installed: add one on the options page.</p>;
  else {
    const all = packs.result.value;
    const item = (p: PackInfo) => (
      <li key={p.id}>
        <strong>{p.title}</strong> · version {p.version} · as of{' '}
        <time dateTime={p.publishedAt}>{formatDate(p.publishedAt)}</time> · {ORIGIN[p.origin]}
        {p.origin !== 'builtin' && (p.verified ? ', signature verified' : ', not signed')}
      </li>
    );
    const rest = all.slice(PACKS_SHOWN);
    list = (
      <>
        <ul aria-label="Installed packs">{all.slice(0, PACKS_SHOWN).map(item)}</ul>
        {rest.length > 0 && (
          <details>
            <summary>
              {rest.length} more {rest.length === 1 ? 'pack' : 'packs'}
            </summary>
            <ul aria-label="More installed packs">{rest.map(item)}</ul>
          </details>
        )}
      </>
    );
  }
  let sync;
  if (lastSync === undefined) sync = <p>Last sync: …</p>;
  else if (lastSync === null) sync = <p>Last sync: never synced.</p>;
  else
    sync = (
      <p data-ok={String(lastSync.ok)}>
        Last sync <time dateTime={lastSync.at}>{formatDateTime(lastSync.at)}</time>:{' '}
        {lastSync.ok ? '' : 'failed. '}
        {lastSync.message}
      </p>
    );
  return (
    <section class="sp-packs" aria-label="Data packs">
      {list}
      {sync}
    </section>
  );
}
