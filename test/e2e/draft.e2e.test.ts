/**
 * From an article to a card, as a newsroom would do it: `pack:draft` drafts a pack from our
 * Nordhaven article, the editor finishes it (every `review: pending` cleared, a title and a summary worded),
 * `pack:build` builds it and `pack:publish` signs it into a feed; the reader adds the feed in
 * the options page, and on the article's page the hover card of a person the article introduced
 * shows the new position.
 *
 * Host permission: as in sync.e2e.test.ts, a test-only copy of the build whose manifest already
 * grants `http://127.0.0.1/*`, so the options page's permission request needs no prompt.
 */
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keygen, PRIVATE_KEY_FILE } from '@/scripts/pack-keygen';
import { publish } from '@/scripts/pack-publish';
import { feedHandler } from '@/scripts/pack-serve';
import { byClass, findAll, mentionsReady, openCard, showFullCard, waitForCard } from './card-dom';
import { extensionDir, launchExtension, NewsPage, type ExtensionSession } from './harness';

const ARTICLE = resolve('test/fixtures/draft/harbour-vote.txt');
const KNOWN = resolve('test/fixtures/draft/nordhaven-known/pack.yaml');
const PACK_ID = 'harbour-vote';
/** The position the test follows: the engineer's warning, a person the article introduced. */
const POSITION = 'lind-harbour-expansion';
const SUMMARY = 'Warned that dredging the channel would disturb the seabed for years.';
/** Upper bound for a sync to finish and show its result, ms; a limit, not a measurement. */
const SYNC_WAIT_MS = 40_000;

/** Runs one of the project's commands as an editor would, failing the test on a non-zero exit. */
function command(script: string, args: string[]): string {
  const r = spawnSync(resolve('node_modules/.bin/tsx'), [resolve(script), ...args], {
    encoding: 'utf8',
  });
  expect(r.status, `${script}: ${r.stderr}`).toBe(0);
  return r.stdout;
}

/** The article as a news page: one paragraph per line of the text file. */
function articlePage(text: string): string {
  const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const paragraphs = text
    .trim()
    .split('\n')
    .map((p) => `<p>${escape(p)}</p>`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour vote</title></head><body><article>${paragraphs.join('')}</article></body></html>`;
}

describe('from an article to a card', () => {
  let work: string;
  let session: ExtensionSession;
  let server: Server;
  let base: string;
  let publicKey: string;

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'standpoint-draft-e2e-'));
    const packs = join(work, 'packs');
    const draftPath = join(packs, PACK_ID, 'pack.yaml');

    // 1. Draft.
    command('scripts/pack-draft.ts', [
      ARTICLE,
      '--pack',
      KNOWN,
      '--out',
      draftPath,
      '--date',
      '2026-03-02',
    ]);
    // 2. Finish: the editor reviews every entry, gives the pack a title and words the summary.
    const draft = await readFile(draftPath, 'utf8');
    expect(draft).toContain(`id: ${POSITION}\n`);
    const finished = draft
      .replace(/^( *)- review: pending\n\1 {2}/gm, '$1- ')
      .replace(/^title: .*$/m, 'title: Nordhaven harbour vote')
      .replace(new RegExp(`(id: ${POSITION}\\n(?: {4}.*\\n)*? {4}summary: ).*`), `$1"${SUMMARY}"`);
    expect(finished).not.toMatch(/^ *- review: pending$/m);
    await writeFile(draftPath, finished);
    // 3. Build, 4. publish.
    const built = join(work, 'built');
    command('scripts/pack-build.ts', ['--packs', packs, '--out', built, '--builtin', PACK_ID]);
    ({ publicKey } = await keygen(join(work, 'keys')));
    const keyPem = await readFile(join(work, 'keys', PRIVATE_KEY_FILE), 'utf8');
    await publish({
      keyPem,
      outDir: join(work, 'feed'),
      packFiles: [join(built, `${PACK_ID}.json`)],
    });

    // The feed and the article's page, served on 127.0.0.1.
    const serveFeed = feedHandler(join(work, 'feed'));
    const page = articlePage(await readFile(ARTICLE, 'utf8'));
    server = createServer((req, res) => {
      if (req.url === '/harbour-vote.html') {
        res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
        return void res.end(page);
      }
      void serveFeed(req, res);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

    const ext = join(work, 'extension');
    await cp(extensionDir(), ext, { recursive: true });
    const manifest = JSON.parse(await readFile(join(ext, 'manifest.json'), 'utf8'));
    manifest.host_permissions = ['http://127.0.0.1/*'];
    await writeFile(join(ext, 'manifest.json'), JSON.stringify(manifest));
    session = await launchExtension({ extensionPath: ext });
  });

  afterAll(async () => {
    if (server) {
      server.closeAllConnections();
      await new Promise((ok) => server.close(ok));
    }
    await session?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('syncs the published draft, and the card of a person it introduced shows the new position', async () => {
    const options = await session.openExtensionPage('options.html');
    await options.getByLabel('Feed URL').fill(`${base}/index.json`);
    await options.getByLabel('Public key').fill(publicKey);
    await options.getByRole('button', { name: 'Add feed' }).click();
    await expect
      .poll(() => options.locator('li.feed .feed-result').innerText(), { timeout: SYNC_WAIT_MS })
      .toMatch(`“${PACK_ID}” is now version 1`);

    const news = await NewsPage.open(session, `${base}/harbour-vote.html`);
    await mentionsReady(news.page);
    await news.hoverName('Tomas Lind');
    await waitForCard(news.page, 'Tomas Lind');
    // The compact card shows the evidence one press away.
    await showFullCard(news.page);
    const dialog = (await openCard(news.page))!;
    const li = findAll(dialog, (e) => e.attrs['data-position'] === POSITION)[0];
    expect(li, 'the new position is on the card').toBeDefined();
    expect(findAll(li!, byClass('sp-summary'))[0]?.text).toBe(SUMMARY);
    expect(findAll(li!, byClass('sp-chip'))[0]?.text).toMatch(/Warns/);
    expect(li!.text).toContain(
      'Harbour engineer Tomas Lind warned that dredging the channel would disturb the seabed for years',
    );
  });
});
