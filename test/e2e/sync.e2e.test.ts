/**
 * Feed sync end to end: a real signed feed served on 127.0.0.1 by scripts/pack-serve.ts, added
 * in the options page, synced with "Sync now"; the hover card on the demo page then shows the
 * new stance marked as changed, with its history. Then one bad feed after another is refused
 * with a clear sentence while the card keeps showing what it showed.
 *
 * Host permission: the options page asks `permissions.request` for the feed's origin inside the
 * click, which shows a browser prompt that automation cannot answer. This test therefore runs a
 * copy of the build whose manifest already grants `http://127.0.0.1/*` (test only, never
 * shipped): the production request then resolves at once without a prompt. The prompt path,
 * including a refusal, is covered by test/unit/pages/OptionsApp.test.tsx.
 */
import { readFileSync } from 'node:fs';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { keygen, PRIVATE_KEY_FILE } from '@/scripts/pack-keygen';
import { publish } from '@/scripts/pack-publish';
import { feedHandler } from '@/scripts/pack-serve';
import { STANCES, type Pack } from '@/utils/pack/schema';
import {
  byClass,
  findAll,
  mentionsReady,
  openCard,
  showFullCard,
  waitForCard,
  waitForNoCard,
} from './card-dom';
import {
  extensionDir,
  launchExtension,
  NewsPage,
  watchConsole,
  type ExtensionSession,
} from './harness';

/** The position whose stance the new pack version changes. */
const POSITION = 'zelenskyy-nato-membership-bid';
const NAME = 'Volodymyr Zelenskyy';

/** A history line of the card: "Pack v1, Dec 15, 2025: Stance: Conditional<summary>". */
const HISTORY_ITEM = new RegExp(`^Pack v(\\d+), .*?: Stance: (${STANCES.join('|')})`, 'i');

/** The test position as a reader is shown it. */
interface Shown {
  /** The stance (`opposes`). */
  stance: string;
  /** "Changed in update vN", or null when unchanged. */
  change: string | null;
  /** Earlier versions, newest first: "Pack v1 conditional" (version, stance). */
  history: string[];
}
/** Upper bound for a sync to finish and show its result, ms: the hanging feed needs the 15 s timeout. */
const SYNC_WAIT_MS = 40_000;
/** Upper bound for the card to show the new data, ms; a limit, not a measurement. */
const CARD_WAIT_MS = 20_000;
/** Bytes the oversized index sends: above the 256 KB an index may have. */
const OVERSIZED_BYTES = 300 * 1024;

type Mode = 'normal' | 'error-500' | 'hang' | 'oversized';

/** The built-in pack as the build bundled it (a fresh copy each call). */
const builtin = (): Pack =>
  JSON.parse(readFileSync(resolve('utils/pack/generated/builtin-pack.json'), 'utf8')) as Pack;

describe('feed sync', () => {
  let session: ExtensionSession;
  let work: string;
  let feedDir: string;
  let keyPem: string;
  let publicKey: string;
  let server: Server;
  let indexUrl: string;
  let mode: Mode = 'normal';
  let news: NewsPage;
  let options: Page;
  let baseVersion: number;
  let originalStance: Pack['positions'][number]['stance'];
  let newStance: Pack['positions'][number]['stance'];
  /** Errors and warnings in any console of the session (none expected, bad feeds included). */
  let consoleProblems: string[];

  async function writePack(name: string, pack: Pack): Promise<string> {
    const path = join(work, name);
    await writeFile(path, `${JSON.stringify(pack, null, 2)}\n`);
    return path;
  }

  /** The built-in pack at `version`, with the test position's stance set to `stance`. */
  function edited(version: number, stance: Pack['positions'][number]['stance']): Pack {
    const pack = builtin();
    pack.version = version;
    pack.positions.find((p) => p.id === POSITION)!.stance = stance;
    return pack;
  }

  /** What the hover card on the demo page shows for the test position (no page reload). */
  async function cardPosition(): Promise<Shown | null> {
    await news.page.mouse.move(2, 2);
    await waitForNoCard(news.page);
    await news.hoverName(NAME);
    await waitForCard(news.page, NAME);
    await showFullCard(news.page);
    const dialog = (await openCard(news.page))!;
    const li = findAll(dialog, (e) => e.attrs['data-position'] === POSITION)[0];
    if (!li) return null;
    const history = findAll(li, byClass('sp-history'))[0];
    return {
      stance: (findAll(li, byClass('sp-chip'))[0]?.text ?? '')
        .replace(/^Stance: /, '')
        .toLowerCase(),
      change: findAll(li, byClass('sp-change'))[0]?.text ?? null,
      // "Pack v1, Dec 15, 2025: Stance: Conditional <summary>" -> "Pack v1 conditional"
      history: history
        ? findAll(history, (e) => e.tag === 'li').map((h) => {
            const m = HISTORY_ITEM.exec(h.text);
            return m ? `Pack v${m[1]} ${m[2]!.toLowerCase()}` : h.text;
          })
        : [],
    };
  }

  /** What the reader is shown once the new version is installed. */
  function updated(): Shown {
    return {
      stance: newStance,
      change: `Changed in update v${baseVersion + 1}`,
      history: [`Pack v${baseVersion} ${originalStance}`],
    };
  }

  /**
   * Presses the feed's "Sync now" and returns the result sentence shown for the feed, after
   * checking that the page says it once: in the feed's own line, nowhere else.
   * `whilePending` runs while the check is still running (a feed that hangs).
   */
  async function syncNow(expected: RegExp, whilePending?: () => Promise<void>): Promise<string> {
    const feed = options.locator('li.feed');
    await feed.getByRole('button', { name: 'Sync now' }).click();
    await whilePending?.();
    await expect
      .poll(() => feed.locator('.feed-result').innerText(), { timeout: SYNC_WAIT_MS })
      .toMatch(expected);
    const message = await feed.locator('.feed-result').innerText();
    const sentence = message.replace(/^⚠ /, '');
    const page = await options.locator('body').innerText();
    expect(page.split(sentence).length - 1, `"${sentence}" said once`).toBe(1);
    return message;
  }

  /** The feed's line says it is checking, and nothing can start another check meanwhile. */
  async function expectChecking(): Promise<void> {
    const feed = options.locator('li.feed');
    const line = feed.locator('.feed-result');
    await expect.poll(() => line.getAttribute('data-pending')).toBe('true');
    expect(await line.innerText()).toMatch(/Checking for updates…/);
    expect(await feed.getAttribute('aria-busy')).toBe('true');
    expect(await feed.getByRole('button', { name: 'Sync now' }).isDisabled()).toBe(true);
    expect(await options.getByRole('button', { name: 'Add feed' }).isDisabled()).toBe(true);
  }

  beforeAll(async () => {
    work = await mkdtemp(join(tmpdir(), 'standpoint-sync-e2e-'));
    feedDir = join(work, 'feed');
    ({ publicKey } = await keygen(join(work, 'keys')));
    keyPem = await readFile(join(work, 'keys', PRIVATE_KEY_FILE), 'utf8');
    baseVersion = builtin().version;
    originalStance = builtin().positions.find((p) => p.id === POSITION)!.stance;
    newStance = originalStance === 'opposes' ? 'supports' : 'opposes';

    const serveFiles = feedHandler(feedDir);
    server = createServer((req, res) => {
      if (mode === 'error-500') return void res.writeHead(500).end('Internal error');
      if (mode === 'hang') return; // never answers; closed in afterAll
      if (mode === 'oversized' && req.url === '/index.json') {
        res.writeHead(200, { 'Content-Type': 'application/json' });
        res.end(' '.repeat(OVERSIZED_BYTES));
        return;
      }
      void serveFiles(req, res);
    });
    await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
    indexUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/index.json`;

    // Test-only copy of the build with the feed origin pre-granted (see the header).
    const ext = join(work, 'extension');
    await cp(extensionDir(), ext, { recursive: true });
    const manifest = JSON.parse(await readFile(join(ext, 'manifest.json'), 'utf8'));
    manifest.host_permissions = ['http://127.0.0.1/*'];
    await writeFile(join(ext, 'manifest.json'), JSON.stringify(manifest));
    session = await launchExtension({ extensionPath: ext });
    consoleProblems = await watchConsole(session);

    news = await NewsPage.open(session, '/demo.html');
    await mentionsReady(news.page);
  });

  afterAll(async () => {
    server?.closeAllConnections();
    await new Promise((ok) => server?.close(ok));
    await session?.close();
    if (work) await rm(work, { recursive: true, force: true });
  });

  it('installs a new signed version; the card shows the changed stance with its history', async () => {
    const before = await cardPosition();
    expect(before).toEqual({ stance: originalStance, change: null, history: [] });

    await publish({
      keyPem,
      outDir: feedDir,
      packFiles: [await writePack('v2.json', edited(baseVersion + 1, newStance))],
    });
    options = await session.openExtensionPage('options.html');
    await options.getByLabel('Feed URL').fill(indexUrl);
    await options.getByLabel('Public key').fill(publicKey);
    await options.getByRole('button', { name: 'Add feed' }).click();
    // Adding a feed syncs it right away.
    await expect
      .poll(() => options.locator('li.feed .feed-result').innerText(), { timeout: SYNC_WAIT_MS })
      .toMatch(`“${builtin().id}” is now version ${baseVersion + 1}`);
    await expect(
      options.locator(`tr[data-pack-id="${builtin().id}"]`).innerText(),
    ).resolves.toMatch(
      new RegExp(
        `${baseVersion + 1}[\\s\\S]*Feed[\\s\\S]*Verified[\\s\\S]*Roll back to version ${baseVersion}`,
      ),
    );
    // "Sync now" again: nothing new (the index answers 304).
    await syncNow(/has nothing new/);

    // The open demo page was not reloaded: the content script picks up the new data.
    await expect.poll(() => cardPosition(), { timeout: CARD_WAIT_MS }).toEqual(updated());
  });

  describe('refuses bad feeds and keeps what the card shows', () => {
    const cases: {
      name: string;
      setup: () => Promise<void>;
      message: RegExp;
      /** Checked while the sync runs (only a hanging feed runs long enough to look). */
      whilePending?: () => Promise<void>;
    }[] = [
      {
        name: 'a feed that answers 500',
        setup: async () => {
          mode = 'error-500';
        },
        message:
          /^⚠? ?The feed at 127\.0\.0\.1:\d+ answered with an error \(HTTP 500\); your packs are unchanged\.$/,
      },
      {
        name: 'a feed that hangs',
        setup: async () => {
          mode = 'hang';
        },
        message:
          /The feed at 127\.0\.0\.1:\d+ did not answer within 15 seconds; your packs are unchanged\./,
        whilePending: expectChecking,
      },
      {
        name: 'a truncated pack',
        setup: async () => {
          mode = 'normal';
          const index = await publish({
            keyPem,
            outDir: feedDir,
            packFiles: [await writePack('v3.json', edited(baseVersion + 2, originalStance))],
          });
          const file = join(feedDir, index.packs[0]!.url);
          const bytes = await readFile(file);
          await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
        },
        message:
          /Pack “[a-z0-9-]+” version \d+ from 127\.0\.0\.1:\d+ arrived with \d+ KiB instead of the \d+ KiB the signed index promises \(cut off or altered\)\. Your packs are unchanged\./,
      },
      {
        name: 'a pack whose hash does not match',
        setup: async () => {
          const file = join(feedDir, 'packs', `${builtin().id}-${baseVersion + 2}.json`);
          // The same number of bytes with one letter of the title changed.
          const good = (await readFile(join(work, 'v3.json'))).toString('utf8');
          const at = good.indexOf('"title": "') + '"title": "'.length;
          const text = good.slice(0, at) + (good[at] === 'X' ? 'Y' : 'X') + good.slice(at + 1);
          await writeFile(file, text);
        },
        message:
          /does not match the fingerprint in the signed index \(altered or damaged on the way\), so it was refused\. Your packs are unchanged\./,
      },
      {
        name: 'an index whose signature does not match',
        setup: async () => {
          await keygen(join(work, 'other-keys'));
          const otherPem = await readFile(join(work, 'other-keys', PRIVATE_KEY_FILE), 'utf8');
          // Someone else's key: pack:publish refuses that unless told to rotate keys.
          await publish({
            keyPem: otherPem,
            outDir: feedDir,
            rotateKey: true,
            packFiles: [await writePack('v3b.json', edited(baseVersion + 2, originalStance))],
          });
        },
        message:
          /The index of the feed at 127\.0\.0\.1:\d+ is not signed by the key you added for it, so nothing in it was trusted; your packs are unchanged\./,
      },
      {
        name: 'an older version',
        setup: async () => {
          // Back to the feed's own key after the case above signed with another one.
          await publish({
            keyPem,
            outDir: feedDir,
            rotateKey: true,
            allowOlder: true,
            packFiles: [await writePack('old.json', edited(baseVersion, newStance))],
          });
        },
        message:
          /version \d+ was already installed, and an older version could quietly undo corrections\. Your packs are unchanged\./,
      },
      {
        name: 'an oversized body',
        setup: async () => {
          mode = 'oversized';
        },
        message:
          /The feed at 127\.0\.0\.1:\d+ sent more than 256 KiB, more than allowed; your packs are unchanged\./,
      },
    ];

    for (const c of cases) {
      it(`refuses ${c.name}`, async () => {
        await c.setup();
        const message = await syncNow(c.message, c.whilePending);
        expect(message).toMatch(c.message);
        expect(await cardPosition()).toEqual(updated());
      });
    }
  });

  it('rolls the pack back from the options page; the card shows the earlier stance again', async () => {
    mode = 'normal';
    const row = options.locator(`tr[data-pack-id="${builtin().id}"]`);
    await row.getByRole('button', { name: `Roll back to version ${baseVersion}` }).click();
    await expect
      .poll(() => options.locator('table.packs ~ .notice').first().innerText())
      .toMatch(`is back to version ${baseVersion}`);
    await expect
      .poll(() => cardPosition(), { timeout: CARD_WAIT_MS })
      .toEqual({ stance: originalStance, change: null, history: [] });
  });

  it('leaves nothing in any console while syncing, good feed or bad', () => {
    // Results are sentences on the options page; the consoles stay empty.
    expect(consoleProblems).toEqual([]);
  });
});
