/**
 * Why a sync or an import was refused, as a code for programs and a sentence for readers.
 * The sentence names what happened in plain words; the caller adds what it means for the
 * reader's data ("your packs are unchanged").
 */
export type SyncFailureCode =
  | 'timeout'
  | 'network'
  | 'http'
  | 'busy'
  | 'too-large'
  | 'bad-key'
  | 'signature'
  | 'index-invalid'
  | 'stale-index'
  | 'outside-feed'
  | 'length'
  | 'hash'
  | 'pack-invalid'
  | 'mismatch'
  | 'older'
  | 'changed-bytes'
  | 'foreign-pack'
  | 'store';

/** A refusal with a reader-facing sentence; `retryAfterMs` when the server asked us to wait. */
export class SyncError extends Error {
  constructor(
    readonly code: SyncFailureCode,
    message: string,
    readonly retryAfterMs: number | null = null,
  ) {
    super(message);
    this.name = 'SyncError';
  }
}

/** "2.4 MB", "256 KB", "812 bytes": sizes as a reader reads them. */
export function formatBytes(n: number): string {
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1).replace(/\.0$/, '')} MB`;
  if (n >= 1024) return `${Math.round(n / 1024)} KB`;
  return `${n} bytes`;
}

/** The host a reader recognises in a URL (`news.example.org`, `127.0.0.1:8080`). */
export function hostOf(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return url;
  }
}

/** Shortens text to `max` characters with an ellipsis (details quoted from hostile files). */
export function clip(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
