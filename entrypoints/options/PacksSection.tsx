/**
 * Installed packs with version, origin, install date and whether a signature vouches for them;
 * roll one back to its previous version; import a pack file (unsigned: marked unverified, and
 * only after the reader confirms).
 */
import { useState } from 'preact/hooks';
import { formatBytes, formatDate } from '@/utils/format';
import { LIMITS } from '@/utils/pack/schema';
import { decodePackBytes } from '@/utils/pack/validate';
import type { PackInfo, Result } from '@/utils/views';
import { t, type MessageKey } from '@/utils/i18n';
import type { OptionsDeps } from './api';
import { Notice, pending as waitingFor, type NoticeState } from './Notice';

const ORIGIN: Record<PackInfo['origin'], MessageKey> = {
  builtin: 'packOriginBuiltin',
  feed: 'packOriginFeed',
  file: 'packOriginFile',
};

interface Props {
  deps: OptionsDeps;
  packs: Result<PackInfo[]> | null;
  reload: () => Promise<void>;
}

export function PacksSection({ deps, packs, reload }: Props) {
  const [pending, setPending] = useState<{ name: string; text: string } | null>(null);
  /** The outcome of importing a file, under the import control. */
  const [notice, setNotice] = useState<NoticeState>(null);
  /** The outcome of removing or rolling back a pack, under the table. */
  const [tableNotice, setTableNotice] = useState<NoticeState>(null);
  const [busy, setBusy] = useState(false);
  const [confirmRemove, setConfirmRemove] = useState<PackInfo | null>(null);

  async function choose(input: HTMLInputElement) {
    const file = input.files?.[0];
    input.value = '';
    setPending(null);
    if (!file) return;
    if (file.size > LIMITS.packBytes) {
      return setNotice({
        ok: false,
        text: t(
          'packFileTooLarge',
          file.name,
          formatBytes(file.size),
          formatBytes(LIMITS.packBytes),
        ),
      });
    }
    // The same byte checks as the command line and the feed sync (size, strict UTF-8).
    const decoded = decodePackBytes(new Uint8Array(await file.arrayBuffer()));
    if (!decoded.ok) {
      return setNotice({
        ok: false,
        text: `“${file.name}” is not a pack file: it ${decoded.problem.message.replace(/; it was not read$/, '')}. Nothing was changed.`,
      });
    }
    setNotice(null);
    setPending({ name: file.name, text: decoded.text });
  }

  async function install() {
    if (!pending) return;
    setBusy(true);
    setNotice(waitingFor(t('packInstalling', pending.name)));
    try {
      const r = await deps.ask('importPack', {
        text: pending.text,
        fileName: pending.name,
        confirmUnverified: true,
      });
      setNotice(
        r.ok
          ? {
              ok: true,
              text:
                r.value.status === 'unchanged'
                  ? t('packAlreadyInstalled', pending.name)
                  : t('packInstalled', r.value.packId, r.value.version, pending.name),
            }
          : { ok: false, text: r.error },
      );
      setPending(null);
    } finally {
      setBusy(false);
      await reload();
    }
  }

  async function remove(p: PackInfo) {
    setConfirmRemove(null);
    setBusy(true);
    setTableNotice(waitingFor(t('packRemoving', p.title)));
    try {
      const r = await deps.ask('removePack', { packId: p.id });
      setTableNotice(
        r.ok
          ? {
              ok: true,
              text: r.value.feedUrl
                ? t('packRemovedFeedKeeps', r.value.title)
                : t('packRemoved', r.value.title),
            }
          : { ok: false, text: r.error },
      );
    } finally {
      setBusy(false);
      await reload();
    }
  }

  async function rollback(p: PackInfo) {
    setBusy(true);
    setTableNotice(waitingFor(t('packRollingBack', p.title)));
    try {
      const r = await deps.ask('rollbackPack', { packId: p.id });
      setTableNotice(
        r.ok
          ? {
              ok: true,
              text: t('packRolledBack', p.title, r.value.version, r.value.rolledBack),
            }
          : { ok: false, text: r.error },
      );
    } finally {
      setBusy(false);
      await reload();
    }
  }

  return (
    <section aria-labelledby="packs-h">
      <h2 id="packs-h">{t('packsTitle')}</h2>
      {!packs && <p class="empty">{t('loading')}</p>}
      {packs && !packs.ok && <p role="alert">{packs.error}</p>}
      {packs?.ok && (
        <table class="packs">
          <thead>
            <tr>
              <th scope="col">{t('packColPack')}</th>
              <th scope="col">{t('packColVersion')}</th>
              <th scope="col">{t('packColFrom')}</th>
              <th scope="col">{t('packColInstalled')}</th>
              <th scope="col">{t('packColSigned')}</th>
              <th scope="col">
                <span class="visually-hidden">{t('packColActions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {packs.value.map((p) => (
              <tr key={p.id} data-pack-id={p.id}>
                <th scope="row">
                  {p.title} <span class="pack-id">{p.id}</span>
                </th>
                <td>
                  {p.version}
                  <span class="pack-meta">
                    {' · '}
                    {t('packPublished', formatDate(p.publishedAt))}
                  </span>
                </td>
                <td>{t(ORIGIN[p.origin])}</td>
                <td>{formatDate(p.installedAt)}</td>
                <td>
                  {p.verified ? (
                    t('packVerified')
                  ) : (
                    <strong class="unverified">{t('packUnverified')}</strong>
                  )}
                </td>
                <td>
                  {p.previousVersion !== null && (
                    <button type="button" disabled={busy} onClick={() => void rollback(p)}>
                      {t('packRollBack', p.previousVersion)}
                    </button>
                  )}{' '}
                  {p.origin !== 'builtin' && (
                    <button
                      type="button"
                      class="remove"
                      disabled={busy}
                      aria-label={t('packRemoveLabel', p.title)}
                      onClick={() => setConfirmRemove(p)}
                    >
                      {t('remove')}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {confirmRemove && (
        <div class="confirm" role="alertdialog" aria-labelledby="remove-text">
          <p id="remove-text">{t('packRemoveConfirm', confirmRemove.title)}</p>
          <button type="button" disabled={busy} onClick={() => void remove(confirmRemove)}>
            {t('packRemoveButton')}
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => setConfirmRemove(null)}>
            {t('cancel')}
          </button>
        </div>
      )}
      <Notice notice={tableNotice} />
      <h3>{t('packImportTitle')}</h3>
      <p class="hint">{t('packImportHint')}</p>
      <label>
        {t('packFile')}{' '}
        <input
          type="file"
          accept=".json,application/json"
          onChange={(e) => void choose(e.currentTarget)}
        />
      </label>
      {pending && (
        <div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
          <p id="confirm-text">{t('packImportConfirm', pending.name)}</p>
          <button type="button" disabled={busy} onClick={() => void install()}>
            {t('packInstallUnverified')}
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => setPending(null)}>
            {t('cancel')}
          </button>
        </div>
      )}
      <Notice notice={notice} />
    </section>
  );
}
