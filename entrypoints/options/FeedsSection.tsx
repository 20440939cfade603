/**
 * Feeds: add one by URL and public key (asking the browser for that origin only, inside the
 * click), list them with their last result, sync now, remove; how often to check.
 */
import { useState } from 'preact/hooks';
import { formatDate, formatDateTime, hostOf } from '@/utils/format';
import type { SyncState } from '@/utils/messaging';
import { publicKeySchema } from '@/utils/sync/crypto';
import { normalizeFeedUrl, originPattern, type FeedView } from '@/utils/sync/feeds';
import { DEFAULT_SYNC_INTERVAL_MINUTES } from '@/utils/sync/interval';
import type { Result } from '@/utils/views';
import type { OptionsDeps } from './api';
import { Notice, type NoticeState } from './Notice';

/** Intervals offered, minutes. */
export const INTERVAL_CHOICES: { minutes: number; label: string }[] = [
  { minutes: 60, label: 'every hour' },
  { minutes: 180, label: 'every 3 hours' },
  { minutes: 360, label: 'every 6 hours' },
  { minutes: 720, label: 'every 12 hours' },
  { minutes: 1440, label: 'once a day' },
  { minutes: 10080, label: 'once a week' },
];

interface Props {
  deps: OptionsDeps;
  sync: Result<SyncState> | null;
  reload: () => Promise<void>;
}

export function FeedsSection({ deps, sync, reload }: Props) {
  const [url, setUrl] = useState('');
  const [key, setKey] = useState('');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<NoticeState>(null);

  async function add(e: Event) {
    e.preventDefault();
    const feedUrl = normalizeFeedUrl(url);
    if (!feedUrl.ok) return setNotice({ ok: false, text: feedUrl.error });
    if (!publicKeySchema.safeParse(key).success) {
      return setNotice({
        ok: false,
        text: 'That public key is not valid: it should be 44 characters of base64, as the feed’s publisher gives it.',
      });
    }
    const host = hostOf(feedUrl.value);
    // First await of the click: the browser only asks the reader during their gesture.
    const granted = await deps.requestOrigin(originPattern(feedUrl.value));
    if (!granted) {
      return setNotice({
        ok: false,
        text: `Standpoint needs your permission to contact ${host} to read this feed. Permission was not given, so the feed was not added.`,
      });
    }
    setBusy(true);
    try {
      const added = await deps.ask('addFeed', {
        url: feedUrl.value,
        publicKey: key.trim(),
        ...(name.trim() ? { name: name.trim() } : {}),
      });
      if (!added.ok) return setNotice({ ok: false, text: added.error });
      setUrl('');
      setKey('');
      setName('');
      setNotice({ ok: true, text: `Added ${added.value.name}. Checking it now…` });
      const synced = await deps.ask('syncNow', { url: feedUrl.value });
      const outcome = synced.ok ? synced.value[0] : null;
      setNotice(
        outcome
          ? { ok: outcome.ok, text: outcome.message }
          : { ok: false, text: synced.ok ? 'The feed was added.' : synced.error },
      );
    } finally {
      setBusy(false);
      await reload();
    }
  }

  async function syncNow(feedUrl?: string) {
    setBusy(true);
    setNotice({ ok: true, text: 'Checking for updates…' });
    try {
      const r = await deps.ask('syncNow', feedUrl ? { url: feedUrl } : {});
      if (!r.ok) return setNotice({ ok: false, text: r.error });
      setNotice({ ok: r.value.every((o) => o.ok), text: r.value.map((o) => o.message).join(' ') });
    } finally {
      setBusy(false);
      await reload();
    }
  }

  async function remove(feed: FeedView) {
    const r = await deps.ask('removeFeed', { url: feed.url });
    setNotice(
      r.ok
        ? { ok: true, text: `Removed ${feed.name}. Packs it installed stay installed.` }
        : { ok: false, text: r.error },
    );
    await reload();
  }

  async function setInterval(minutes: number) {
    const r = await deps.ask('setSyncInterval', { minutes });
    setNotice(
      r.ok
        ? { ok: true, text: `Feeds will be checked ${labelOf(r.value.minutes)}.` }
        : { ok: false, text: r.error },
    );
    await reload();
  }

  const feeds = sync?.ok ? sync.value.feeds : [];
  const interval = sync?.ok ? sync.value.intervalMinutes : DEFAULT_SYNC_INTERVAL_MINUTES;

  return (
    <section aria-labelledby="feeds-h">
      <h2 id="feeds-h">Feeds</h2>
      <p class="hint">
        A feed brings newer versions of packs from a publisher you trust. Each update must be signed
        with the publisher’s key; anything else is refused and your packs stay as they are.
      </p>
      {sync && !sync.ok && <p role="alert">{sync.error}</p>}
      {feeds.length === 0 ? (
        <p class="empty">No feeds yet.</p>
      ) : (
        <ul class="feeds">
          {feeds.map((f) => (
            <li key={f.url} class="feed" data-feed-url={f.url}>
              <div class="feed-head">
                <strong>{f.name}</strong> <span class="url">{f.url}</span>
              </div>
              <div class="feed-meta">
                Added {formatDate(f.addedAt.slice(0, 10))} · key{' '}
                <code class="key">{f.publicKey}</code>
              </div>
              {f.lastResult && (
                <div class="feed-meta">Last checked {formatDateTime(f.lastResult.at)}</div>
              )}
              {f.lastResult && (
                <p class="feed-result" data-ok={String(f.lastResult.ok)}>
                  {f.lastResult.message}
                </p>
              )}
              {f.nextAttemptAt && (
                <p class="feed-meta">Next try after {formatDateTime(f.nextAttemptAt)}.</p>
              )}
              <div class="buttons">
                <button type="button" disabled={busy} onClick={() => void syncNow(f.url)}>
                  Sync now
                </button>
                <button type="button" disabled={busy} onClick={() => void remove(f)}>
                  Remove
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {feeds.length > 1 && (
        <button type="button" disabled={busy} onClick={() => void syncNow()}>
          Sync all feeds now
        </button>
      )}
      <form class="add-feed" onSubmit={(e) => void add(e)}>
        <h3>Add a feed</h3>
        <label>
          Feed URL
          <input
            type="url"
            required
            placeholder="https://news.example.org/standpoint/index.json"
            value={url}
            onInput={(e) => setUrl(e.currentTarget.value)}
          />
        </label>
        <label>
          Public key
          <input
            type="text"
            required
            spellcheck={false}
            placeholder="44 characters, ending in ="
            value={key}
            onInput={(e) => setKey(e.currentTarget.value)}
          />
        </label>
        <label>
          Name (optional)
          <input
            type="text"
            maxLength={100}
            value={name}
            onInput={(e) => setName(e.currentTarget.value)}
          />
        </label>
        <button type="submit" disabled={busy}>
          Add feed
        </button>
      </form>
      <label class="interval">
        Check feeds{' '}
        <select
          value={String(interval)}
          onChange={(e) => void setInterval(Number(e.currentTarget.value))}
        >
          {INTERVAL_CHOICES.map((c) => (
            <option key={c.minutes} value={String(c.minutes)}>
              {c.label}
            </option>
          ))}
          {!INTERVAL_CHOICES.some((c) => c.minutes === interval) && (
            <option value={String(interval)}>every {interval} minutes</option>
          )}
        </select>
      </label>
      <Notice notice={notice} />
    </section>
  );
}

function labelOf(minutes: number): string {
  return INTERVAL_CHOICES.find((c) => c.minutes === minutes)?.label ?? `every ${minutes} minutes`;
}
