/**
 * Installed packs with version, origin, install date and whether a signature vouches for them;
 * roll one back to its previous version; import a pack file (unsigned: marked unverified, and
 * only after the reader confirms).
 */
import { useState } from 'preact/hooks';
import { formatBytes, formatDate } from '@/utils/format';
import { LIMITS } from '@/utils/pack/schema';
import type { PackInfo, Result } from '@/utils/views';
import type { OptionsDeps } from './api';
import { Notice, type NoticeState } from './Notice';

const ORIGIN: Record<PackInfo['origin'], string> = {
  builtin: 'Built in',
  feed: 'Feed',
  file: 'File',
};

interface Props {
  deps: OptionsDeps;
  packs: Result<PackInfo[]> | null;
  reload: () => Promise<void>;
}

export function PacksSection({ deps, packs, reload }: Props) {
  const [pending, setPending] = useState<{ name: string; text: string } | null>(null);
  const [notice, setNotice] = useState<NoticeState>(null);
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
        text: `“${file.name}” is ${formatBytes(file.size)}, larger than the ${formatBytes(LIMITS.packBytes)} a pack may be. Nothing was changed.`,
      });
    }
    setNotice(null);
    setPending({ name: file.name, text: await file.text() });
  }

  async function install() {
    if (!pending) return;
    setBusy(true);
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
                  ? `“${pending.name}” is already installed.`
                  : `Installed “${r.value.packId}” version ${r.value.version} from “${pending.name}”, marked unverified.`,
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
    try {
      const r = await deps.ask('removePack', { packId: p.id });
      setNotice(
        r.ok
          ? {
              ok: true,
              text: `“${r.value.title}” was removed.${
                r.value.feedUrl
                  ? ' Its feed still offers it: it comes back at the next sync unless you remove that feed too.'
                  : ''
              }`,
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
    try {
      const r = await deps.ask('rollbackPack', { packId: p.id });
      setNotice(
        r.ok
          ? {
              ok: true,
              text: `“${p.title}” is back to version ${r.value.version}. Feeds will only replace it with a version newer than ${r.value.rolledBack}.`,
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
      <h2 id="packs-h">Installed packs</h2>
      {!packs && <p class="empty">Loading…</p>}
      {packs && !packs.ok && <p role="alert">{packs.error}</p>}
      {packs?.ok && (
        <table class="packs">
          <thead>
            <tr>
              <th scope="col">Pack</th>
              <th scope="col">Version</th>
              <th scope="col">From</th>
              <th scope="col">Installed</th>
              <th scope="col">Signed</th>
              <th scope="col">
                <span class="visually-hidden">Actions</span>
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
                  <span class="pack-meta"> · published {formatDate(p.publishedAt)}</span>
                </td>
                <td>{ORIGIN[p.origin]}</td>
                <td>{formatDate(p.installedAt)}</td>
                <td>{p.verified ? 'Verified' : <strong class="unverified">Unverified</strong>}</td>
                <td>
                  {p.previousVersion !== null && (
                    <button type="button" disabled={busy} onClick={() => void rollback(p)}>
                      Roll back to version {p.previousVersion}
                    </button>
                  )}{' '}
                  {p.origin !== 'builtin' && (
                    <button
                      type="button"
                      class="remove"
                      disabled={busy}
                      aria-label={`Remove ${p.title}`}
                      onClick={() => setConfirmRemove(p)}
                    >
                      Remove
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
          <p id="remove-text">
            Remove “{confirmRemove.title}” with all its positions, names and history? This cannot be
            undone; you can install it again later.
          </p>
          <button type="button" disabled={busy} onClick={() => void remove(confirmRemove)}>
            Remove pack
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => setConfirmRemove(null)}>
            Cancel
          </button>
        </div>
      )}
      <h3>Import a pack file</h3>
      <p class="hint">
        A pack file is not signed: Standpoint cannot tell who made it or whether it was changed. It
        is checked like any pack and marked unverified.
      </p>
      <label>
        Pack file{' '}
        <input
          type="file"
          accept=".json,application/json"
          onChange={(e) => void choose(e.currentTarget)}
        />
      </label>
      {pending && (
        <div class="confirm" role="alertdialog" aria-labelledby="confirm-text">
          <p id="confirm-text">
            Install “{pending.name}” as an unverified pack? Only do this if you trust where the file
            came from.
          </p>
          <button type="button" disabled={busy} onClick={() => void install()}>
            Install unverified
          </button>{' '}
          <button type="button" disabled={busy} onClick={() => setPending(null)}>
            Cancel
          </button>
        </div>
      )}
      <Notice notice={notice} />
    </section>
  );
}
