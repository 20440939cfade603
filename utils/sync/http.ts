/**
 * Bounded downloads: every fetch has a timeout and a byte cap enforced while the body streams
 * in (a `Content-Length` header is only used to refuse early, never trusted), and conditional
 * requests with `If-None-Match`. Failures are `SyncError`s with a sentence.
 */
import { parseRetryAfter } from './backoff';
import { formatBytes } from '../format';
import { SyncError } from './errors';
import { t } from '../i18n';

/** A feed index must answer within this, ms: a reader waits for "sync now", so keep it short. */
export const INDEX_TIMEOUT_MS = 15_000;
/** A pack download (up to 8 MB) must finish within this, ms: room for slow connections. */
export const PACK_TIMEOUT_MS = 60_000;

export type Fetched =
  { kind: 'ok'; bytes: Uint8Array; etag: string | null } | { kind: 'not-modified' };

export interface FetchOptions {
  /** Sentence subject for errors: "The feed at example.org", "Pack “x” version 3". */
  label: string;
  maxBytes: number;
  timeoutMs: number;
  /** Sent as `If-None-Match`; a 304 answer yields `not-modified`. */
  etag?: string | null;
  fetchFn?: typeof fetch;
  now?: () => number;
  /** Makes the deadline signal; tests pass one they control. */
  timeoutSignal?: (ms: number) => AbortSignal;
}

/** Fetches `url` within the bounds of `opts`; throws `SyncError` on any failure. */
export async function fetchCapped(url: string, opts: FetchOptions): Promise<Fetched> {
  const {
    label,
    maxBytes,
    timeoutMs,
    fetchFn = fetch,
    now = Date.now,
    timeoutSignal = (ms: number) => AbortSignal.timeout(ms),
  } = opts;
  const seconds = Math.round(timeoutMs / 1000);
  const signal = timeoutSignal(timeoutMs);
  const headers: Record<string, string> = {};
  if (opts.etag) headers['If-None-Match'] = opts.etag;
  const tooLarge = () =>
    new SyncError('too-large', t('syncTooLarge', label, formatBytes(maxBytes)));
  const failed = (e: unknown) =>
    isTimeout(e, signal)
      ? new SyncError('timeout', t('syncTimeout', label, seconds))
      : new SyncError('network', t('syncUnreachable', label));

  let res: Response;
  try {
    res = await fetchFn(url, {
      signal,
      headers,
      cache: 'no-store',
      credentials: 'omit',
      redirect: 'error',
    });
  } catch (e) {
    throw failed(e);
  }
  if (res.status === 304 && opts.etag) {
    await res.body?.cancel().catch(() => {});
    return { kind: 'not-modified' };
  }
  if (!res.ok) {
    await res.body?.cancel().catch(() => {});
    if (res.status === 429 || res.status === 503) {
      const wait = parseRetryAfter(res.headers.get('Retry-After'), now());
      throw new SyncError('busy', t('syncBusy', label, res.status), wait);
    }
    throw new SyncError('http', t('syncHttpError', label, res.status));
  }
  const declared = Number(res.headers.get('Content-Length'));
  if (Number.isFinite(declared) && declared > maxBytes) {
    await res.body?.cancel().catch(() => {});
    throw tooLarge();
  }
  const etag = res.headers.get('ETag');
  if (!res.body) return { kind: 'ok', bytes: new Uint8Array(0), etag };
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.byteLength;
      if (total > maxBytes) {
        await reader.cancel().catch(() => {});
        throw tooLarge();
      }
      chunks.push(value);
    }
  } catch (e) {
    if (e instanceof SyncError) throw e;
    throw isTimeout(e, signal) ? failed(e) : new SyncError('network', t('syncBrokeOff', label));
  }
  const bytes = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    bytes.set(c, at);
    at += c.byteLength;
  }
  return { kind: 'ok', bytes, etag };
}

function isTimeout(e: unknown, signal: AbortSignal): boolean {
  return (
    signal.aborted ||
    (e instanceof DOMException && (e.name === 'TimeoutError' || e.name === 'AbortError'))
  );
}
