/**
 * Feeds: add one by URL and public key (asking the browser for that origin only, inside the
 * click), list them with their last result, sync now, remove; how often to check.
 *
 * Each action's outcome is said once, next to its control: a feed's check in that feed's own
 * line, adding in the form, removing under the list, the interval beside its select. While the
 * browser's permission prompt is open, while a feed is added or checked, the line says what the
 * page is waiting for and the controls that would start it again are disabled.
 */
import { useState } from 'preact/hooks';
import { formatDate, formatDateTime, hostOf } from '@/utils/format';
import { t, type MessageKey } from '@/utils/i18n';
import type { SyncState } from '@/utils/messaging';
import { publicKeySchema } from '@/utils/sync/crypto';
import { normalizeFeedUrl, originPattern, type FeedView } from '@/utils/sync/feeds';
import { DEFAULT_SYNC_INTERVAL_MINUTES } from '@/utils/sync/interval';
import type { Result } from '@/utils/views';
import type { OptionsDeps } from './api';
import { Notice, pending, type NoticeState } from './Notice';

/** Intervals offered, minutes, with their words. */
const INTERVAL_CHOICES: { minutes: number; label: MessageKey }[] = [
  { minutes: 60, label: 'intervalHour' },
  { minutes: 180, label: 'interval3Hours' },
  { minutes: 360, label: 'interval6Hours' },
  { minutes: 720, label: 'interval12Hours' },
  { minutes: 1440, label: 'intervalDay' },
  { minutes: 10080, label: 'intervalWeek' },
];

interface Props {
  deps: OptionsDeps;
  sync: Result<SyncState> | null;
  reload: () => Promise<void>;
}

/** What the section is waiting for; null when idle. */
type Waiting =
  | { kind: 'permission' | 'adding' }
  /** A check of one feed (its URL) or of all (null). */
  | { kind: 'sync'; url: string | null }
  | { kind: 'removing' };

export function FeedsSection({ deps, sync, reload }: Props) {
  const [url, setUrl] = useState('');
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const [waiting, setWaiting] = useState<Waiting | null>(null);
  const [addNotice, setAddNotice] = useState<NoticeState>(null);
  const [listNotice, setListNotice] = useState<NoticeState>(null);
  const [intervalNotice, setIntervalNotice] = useState<NoticeState>(null);
  /** A check that could not run at all (the background did not answer), by feed URL. */
  const [syncError, setSyncError] = useState<{ url: string | null; text: string } | null>(null);
  const busy = waiting !== null;

  async function add(e: Event) {
    e.preventDefault();
    if (busy) return;
    const feedUrl = normalizeFeedUrl(url);
    if (!feedUrl.ok) return setAddNotice({ ok: false, text: feedUrl.error });
    if (!publicKeySchema.safeParse(key).success) {
      return setAddNotice({ ok: false, text: t('feedKeyInvalid') });
    }
    const host = hostOf(feedUrl.value);
    setWaiting({ kind: 'permission' });
    setAddNotice(pending(t('feedWaitingPermission', host)));
    // First await of the click: the browser only asks the reader during their gesture.
    const granted = await deps.requestOrigin(originPattern(feedUrl.value));
    if (!granted) {
      setWaiting(null);
      return setAddNotice({ ok: false, text: t('feedPermissionRefused', host) });
    }
    setWaiting({ kind: 'adding' });
    setAddNotice(pending(t('feedAdding', host)));
    const added = await deps.ask('addFeed', {
      url: feedUrl.value,
      publicKey: key.trim(),
      ...(name.trim() ? { name: name.trim() } : {}),
    });
    if (!added.ok) {
      setWaiting(null);
      return setAddNotice({ ok: false, text: added.error });
    }
    setUrl('');
    setKey('');
    setName('');
    setAddNotice({ ok: true, text: t('feedAdded', added.value.name) });
    await reload();
    // The first check's outcome shows in the new feed's own line.
    await syncNow(feedUrl.value);
  }

  async function syncNow(feedUrl: string | null) {
    setWaiting({ kind: 'sync', url: feedUrl });
    setSyncError(null);
    setListNotice(null);
    try {
      const r = await deps.ask('syncNow', feedUrl ? { url: feedUrl } : {});
      if (!r.ok) setSyncError({ url: feedUrl, text: r.error });
    } finally {
      await reload();
      setWaiting(null);
    }
  }

  async function remove(feed: FeedView) {
    setWaiting({ kind: 'removing' });
    setListNotice(pending(t('feedRemoving', feed.name)));
    try {
      const r = await deps.ask('removeFeed', { url: feed.url });
      setListNotice(
        r.ok ? { ok: true, text: t('feedRemoved', feed.name) } : { ok: false, text: r.error },
      );
    } finally {
      await reload();
      setWaiting(null);
    }
  }

  async function setInterval(minutes: number) {
    setIntervalNotice(pending(t('saving')));
    const r = await deps.ask('setSyncInterval', { minutes });
    setIntervalNotice(
      r.ok
        ? { ok: true, text: t('intervalSaved', intervalLabel(r.value.minutes)) }
        : { ok: false, text: r.error },
    );
    await reload();
  }

  /** The one line under a feed: its check while it runs, else how its last check went. */
  function resultOf(f: FeedView): NoticeState {
    if (waiting?.kind === 'sync' && (waiting.url === null || waiting.url === f.url))
      return pending(t('feedChecking'));
    if (syncError && (syncError.url === null || syncError.url === f.url))
      return { ok: false, text: syncError.text };
    return f.lastResult ? { ok: f.lastResult.ok, text: f.lastResult.message } : null;
  }

  const feeds = sync?.ok ? sync.value.feeds : [];
  const interval = sync?.ok ? sync.value.intervalMinutes : DEFAULT_SYNC_INTERVAL_MINUTES;
  const adding = waiting?.kind === 'permission' || waiting?.kind === 'adding';

  return (
    <section aria-labelledby="feeds-h">
      <h2 id="feeds-h">{t('feedsTitle')}</h2>
      <p class="hint">{t('feedsHint')}</p>
      {sync && !sync.ok && <p role="alert">{sync.error}</p>}
      {feeds.length === 0 ? (
        <p class="empty">{t('feedsNone')}</p>
      ) : (
        <ul class="feeds">
          {feeds.map((f) => {
            const result = resultOf(f);
            return (
              <li key={f.url} class="feed" data-feed-url={f.url} aria-busy={result?.pending}>
                <div class="feed-head">
                  <strong>{f.name}</strong> <span class="url">{f.url}</span>
                </div>
                <div class="feed-meta">
                  {t('feedAddedOn', formatDate(f.addedAt))} · {t('feedKey')}{' '}
                  <code class="key">{f.publicKey}</code>
                </div>
                {f.lastResult && (
                  <div class="feed-meta">
                    {t('feedLastChecked', formatDateTime(f.lastResult.at))}
                    {f.nextAttemptAt && ` · ${t('feedNextTry', formatDateTime(f.nextAttemptAt))}`}
                  </div>
                )}
                <p
                  class="feed-result"
                  role={result && !result.ok ? 'alert' : 'status'}
                  data-ok={result && !result.pending ? String(result.ok) : undefined}
                  data-pending={result?.pending ? 'true' : undefined}
                >
                  {result?.text ?? ''}
                </p>
                <div class="buttons">
                  <button type="button" disabled={busy} onClick={() => void syncNow(f.url)}>
                    {t('feedSyncNow')}
                  </button>
                  <button
                    type="button"
                    disabled={busy}
                    aria-label={t('feedRemoveLabel', f.name)}
                    onClick={() => void remove(f)}
                  >
                    {t('remove')}
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
      {feeds.length > 1 && (
        <button type="button" disabled={busy} onClick={() => void syncNow(null)}>
          {t('feedSyncAll')}
        </button>
      )}
      <Notice notice={listNotice} />
      <form class="add-feed" aria-busy={adding} onSubmit={(e) => void add(e)}>
        <h3>{t('feedAddTitle')}</h3>
        <label>
          {t('feedUrl')}
          <input
            type="url"
            required
            disabled={adding}
            placeholder="https://news.example.org/standpoint/index.json"
            value={url}
            onInput={(e) => setUrl(e.currentTarget.value)}
          />
        </label>
        <label>
          {t('feedPublicKey')}
          <input
            type="text"
            required
            disabled={adding}
            spellcheck={false}
            placeholder={t('feedPublicKeyPlaceholder')}
            value={key}
            onInput={(e) => setKey(e.currentTarget.value)}
          />
        </label>
        <label>
          {t('feedName')}
          <input
            type="text"
            maxLength={100}
            disabled={adding}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={busy}>
          {t('feedAdd')}
        </button>
        <Notice notice={addNotice} />
      </form>
      <div class="interval">
        <label>
          {t('intervalLabel')}{' '}
          <select
            value={String(interval)}
            onChange={(e) => void setInterval(Number(e.currentTarget.value))}
          >
            {INTERVAL_CHOICES.map((c) => (
              <option key={c.minutes} value={String(c.minutes)}>
                {t(c.label)}
              </option>
            ))}
            {!INTERVAL_CHOICES.some((c) => c.minutes === interval) && (
              <option value={String(interval)}>{intervalLabel(interval)}</option>
            )}
          </select>
        </label>
        <Notice notice={intervalNotice} />
      </div>
    </section>
  );
}

function intervalLabel(minutes: number): string {
  const choice = INTERVAL_CHOICES.find((c) => c.minutes === minutes);
  return choice ? t(choice.label) : t('intervalMinutes', minutes);
}
