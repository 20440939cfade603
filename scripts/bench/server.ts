/**
 * The bench's page server on 127.0.0.1: the corpus folder (read in place, never copied), the
 * generated pages (from memory) and the demo page. Unlike the e2e fixture server it sends the
 * cross-origin isolation headers, which give page timers 5 µs steps instead of 100 µs: the
 * in-page measurements of a 40 KB article last well under a millisecond.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { resolveInside } from '../../test/e2e/harness/fixture-server';

export interface BenchServer {
  origin: string;
  url(pathname: string): string;
  close(): Promise<void>;
}

const ISOLATION_HEADERS = {
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-embedder-policy': 'require-corp',
};

/**
 * Serves `/corpus/<file>` from `corpusDir` (when given) and each of `pages` at its path.
 * Only GET of existing files inside the corpus folder; anything else is a 404.
 */
export async function startBenchServer(
  pages: ReadonlyMap<string, string>,
  corpusDir: string | null,
): Promise<BenchServer> {
  const server = createServer((req, res) => {
    void (async () => {
      const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') => {
        res.writeHead(status, {
          'content-type': type,
          'cache-control': 'no-store',
          ...ISOLATION_HEADERS,
        });
        res.end(body);
      };
      const page = pages.get(pathname);
      if (page !== undefined) return send(200, page, 'text/html; charset=utf-8');
      if (corpusDir && pathname.startsWith('/corpus/')) {
        const file = resolveInside(corpusDir, pathname.slice('/corpus'.length));
        if (file && (await stat(file).catch(() => null))?.isFile()) {
          // Corpus pages are saved HTML; their declared charset, if any, stays in the document.
          return send(200, await readFile(file), 'text/html');
        }
      }
      send(404, 'Not found');
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500);
      res.end(String(error));
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    origin,
    url: (pathname) => new URL(pathname, origin + '/').href,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
