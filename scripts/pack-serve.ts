/**
 * `npm run pack:serve -- DIR [--port N]`: serves a feed folder on 127.0.0.1 for the demo and
 * the tests, like a static host would: GET/HEAD only, strong ETags with If-None-Match -> 304,
 * no directory listings, nothing outside DIR.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, resolve, sep } from 'node:path';
import { commandArgs, usageError } from './args';
import { pathToFileURL } from 'node:url';
import { INDEX_FILE } from '../utils/sync/feed-schema';

/** Default port of the demo feed. */
export const DEFAULT_FEED_PORT = 8787;

const TYPES: Record<string, string> = {
  '.json': 'application/json; charset=utf-8',
  '.sig': 'text/plain; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/** A request handler serving the files of `dir`; reusable inside other test servers. */
export function feedHandler(dir: string) {
  const root = resolve(dir);
  return async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { Allow: 'GET, HEAD' }).end();
      return;
    }
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? '/', 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    const file = resolve(root, `.${path}`);
    if (file !== root && !file.startsWith(root + sep)) {
      res.writeHead(404).end();
      return;
    }
    let body: Buffer;
    try {
      if (!(await stat(file)).isFile()) throw new Error('not a file');
      body = await readFile(file);
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
      return;
    }
    const etag = `"${createHash('sha256').update(body).digest('hex').slice(0, 32)}"`;
    const headers = {
      ETag: etag,
      'Cache-Control': 'no-cache',
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
    };
    const inm = req.headers['if-none-match'];
    if (inm && inm.split(',').some((t) => t.trim() === etag)) {
      res.writeHead(304, headers).end();
      return;
    }
    res.writeHead(200, { ...headers, 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
  };
}

/** Starts a server for `dir` on 127.0.0.1; port 0 picks a free one. */
export async function serveFeed(
  dir: string,
  port = DEFAULT_FEED_PORT,
): Promise<{ server: Server; origin: string; indexUrl: string; close: () => Promise<void> }> {
  const handle = feedHandler(dir);
  const server = createServer((req, res) => void handle(req, res));
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok());
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    server,
    origin,
    indexUrl: `${origin}/${INDEX_FILE}`,
    close: () =>
      new Promise<void>((ok) => {
        server.closeAllConnections();
        server.close(() => ok());
      }),
  };
}

const SERVE_USAGE = 'Usage: npm run pack:serve -- DIR [--port N]';

async function main() {
  const { values, positionals } = commandArgs('pack:serve', SERVE_USAGE, {
    port: { type: 'string' },
  });
  const dir = positionals[0];
  const port = values.port === undefined ? DEFAULT_FEED_PORT : Number(values.port);
  if (!dir) usageError('pack:serve', 'needs the feed folder', SERVE_USAGE);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    usageError(
      'pack:serve',
      `--port must be a number from 0 to 65535, not "${values.port}"`,
      SERVE_USAGE,
    );
  const folder = await stat(dir).catch(() => null);
  if (!folder?.isDirectory()) {
    console.error(
      `pack:serve: ${resolve(dir)} ${folder ? 'is not a folder' : 'does not exist'}; give the folder pack:publish wrote (--out).`,
    );
    process.exit(1);
  }
  const served = await serveFeed(dir, port).catch((e: NodeJS.ErrnoException) => {
    console.error(
      e.code === 'EADDRINUSE'
        ? `Port ${port} is in use; choose another with --port N.`
        : `Could not start the server: ${e.message}`,
    );
    process.exit(1);
  });
  const { indexUrl } = served;
  console.log(`Serving ${resolve(dir)}\nFeed URL: ${indexUrl}\nPress Ctrl+C to stop.`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void main();
