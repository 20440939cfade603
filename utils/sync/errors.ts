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
