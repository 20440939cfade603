/**
 * A small static server on 127.0.0.1 for the e2e tests and `npm start`: the fixture pages of
 * test/fixtures/pages/ and the demo news page at /demo.html. Content scripts match http pages, so
 * the extension runs on everything served here exactly as on a real site.
 */
import { readFile, stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { demoPageHtml } from '../../../scripts/demo/index';

/** The project root, three levels above this file. */
const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..', '..');

/** Fixture pages live here; tests add their own files. */
export const FIXTURE_PAGES_DIR = path.join(PROJECT_ROOT, 'test', 'fixtures', 'pages');

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.htm': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
};

export interface FixtureServer {
  /** e.g. `http://127.0.0.1:41234` */
  origin: string;
  /** The absolute URL of a served path, e.g. `url('/demo.html')`. */
  url(pathname: string): string;
  close(): Promise<void>;
}

export interface FixtureServerOptions {
  /** Folder served at `/`; defaults to test/fixtures/pages. */
  root?: string;
  /** The demo page's HTML; defaults to the generated page. Built once per server. */
  demoHtml?: () => string;
}

/** Resolves a URL path inside `root`, or null when it would escape it. */
export function resolveInside(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.resolve(root, '.' + path.posix.normalize('/' + decoded));
  return file === root || file.startsWith(root + path.sep) ? file : null;
}

/** Starts the server on a random free port of 127.0.0.1. */
export async function startFixtureServer(opts: FixtureServerOptions = {}): Promise<FixtureServer> {
  const root = path.resolve(opts.root ?? FIXTURE_PAGES_DIR);
  const renderDemo = opts.demoHtml ?? (() => demoPageHtml());
  let demoCache: string | undefined;

  const server: Server = createServer((req, res) => {
    void (async () => {
      const pathname = new URL(req.url ?? '/', 'http://127.0.0.1').pathname;
      const send = (status: number, body: string | Buffer, type = 'text/plain; charset=utf-8') => {
        res.writeHead(status, { 'content-type': type, 'cache-control': 'no-store' });
        res.end(req.method === 'HEAD' ? undefined : body);
      };
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'Method not allowed');
      if (pathname === '/demo.html') {
        demoCache ??= renderDemo();
        return send(200, demoCache, CONTENT_TYPES['.html']);
      }
      const file = resolveInside(root, pathname.endsWith('/') ? pathname + 'index.html' : pathname);
      if (!file) return send(400, 'Bad path');
      try {
        if (!(await stat(file)).isFile()) return send(404, 'Not found');
        const type = CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
        return send(200, await readFile(file), type);
      } catch {
        return send(404, 'Not found');
      }
    })().catch((error: unknown) => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' });
      res.end(String(error));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
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
