import { describe, expect, it } from 'vitest';
import { fetchCapped } from '@/utils/sync/http';
import { SyncError } from '@/utils/sync/errors';

const label = 'The feed at example.org';

/** A response whose body arrives in the given chunks, with optional headers. */
function respond(chunks: string[], init: ResponseInit = {}): Response {
  const enc = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(c) {
      for (const ch of chunks) c.enqueue(enc.encode(ch));
      c.close();
    },
  });
  return new Response(body, init);
}

async function failure(p: Promise<unknown>): Promise<SyncError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof SyncError) return e;
    throw e;
  }
  throw new Error('expected a SyncError');
}

describe('fetchCapped', () => {
  it('returns the bytes and the ETag', async () => {
    const r = await fetchCapped('https://example.org/index.json', {
      label,
      maxBytes: 100,
      timeoutMs: 1000,
      fetchFn: async () => respond(['{"a"', ':1}'], { headers: { ETag: '"v1"' } }),
    });
    expect(r.kind).toBe('ok');
    if (r.kind === 'ok') {
      expect(new TextDecoder().decode(r.bytes)).toBe('{"a":1}');
      expect(r.etag).toBe('"v1"');
    }
  });

  it('sends If-None-Match and reports 304 as not modified', async () => {
    let sent: string | null = null;
    const r = await fetchCapped('https://example.org/index.json', {
      label,
      maxBytes: 100,
      timeoutMs: 1000,
      etag: '"v1"',
      fetchFn: async (_u, init) => {
        sent = new Headers(init?.headers).get('If-None-Match');
        return new Response(null, { status: 304 });
      },
    });
    expect(sent).toBe('"v1"');
    expect(r.kind).toBe('not-modified');
  });

  it('stops reading once the body passes the cap, whatever Content-Length claims', async () => {
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(c) {
        pulled++;
        c.enqueue(new Uint8Array(40));
        if (pulled > 1000) c.close();
      },
    });
    const e = await failure(
      fetchCapped('https://example.org/index.json', {
        label,
        maxBytes: 100,
        timeoutMs: 1000,
        fetchFn: async () => new Response(body, { headers: { 'Content-Length': '10' } }),
      }),
    );
    expect(e.code).toBe('too-large');
    expect(e.message).toBe('The feed at example.org sent more than 100 bytes, more than allowed');
    expect(pulled).toBeLessThan(10);
  });

  it('refuses early when Content-Length already exceeds the cap', async () => {
    const e = await failure(
      fetchCapped('https://example.org/p.json', {
        label,
        maxBytes: 10,
        timeoutMs: 1000,
        fetchFn: async () => respond(['x'], { headers: { 'Content-Length': '5000' } }),
      }),
    );
    expect(e.code).toBe('too-large');
  });

  it('times out a server that never answers', async () => {
    const e = await failure(
      fetchCapped('https://example.org/index.json', {
        label,
        maxBytes: 100,
        timeoutMs: 30,
        fetchFn: (_u, init) =>
          new Promise((_ok, fail) =>
            init?.signal?.addEventListener('abort', () => fail(init.signal!.reason)),
          ),
      }),
    );
    expect(e.code).toBe('timeout');
    expect(e.message).toBe('The feed at example.org did not answer within 0 seconds');
  });

  it('reports HTTP errors and honours Retry-After on 429 and 503', async () => {
    const e500 = await failure(
      fetchCapped('https://example.org/index.json', {
        label,
        maxBytes: 100,
        timeoutMs: 1000,
        fetchFn: async () => new Response('oops', { status: 500 }),
      }),
    );
    expect(e500.code).toBe('http');
    expect(e500.message).toContain('HTTP 500');
    for (const status of [429, 503]) {
      const e = await failure(
        fetchCapped('https://example.org/index.json', {
          label,
          maxBytes: 100,
          timeoutMs: 1000,
          fetchFn: async () => new Response('', { status, headers: { 'Retry-After': '90' } }),
        }),
      );
      expect(e.code).toBe('busy');
      expect(e.retryAfterMs).toBe(90_000);
    }
  });

  it('reports a network failure', async () => {
    const e = await failure(
      fetchCapped('https://example.org/index.json', {
        label,
        maxBytes: 100,
        timeoutMs: 1000,
        fetchFn: async () => {
          throw new TypeError('Failed to fetch');
        },
      }),
    );
    expect(e.code).toBe('network');
    expect(e.message).toBe('The feed at example.org could not be reached');
  });
});
