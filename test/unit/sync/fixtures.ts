/**
 * A feed held in memory for sync tests: real Ed25519 keys, real pack bytes, a `fetch` that
 * serves the files (with ETags) and lets a test replace any answer.
 */
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Pack } from '@/utils/pack/schema';
import { generateKeyPair, exportPublicKey, sha256OfBytes, signBytes } from '@/utils/sync/crypto';
import type { FeedEntry } from '@/utils/sync/feed-schema';
import { StandpointDB, allTables } from '@/utils/db/database';

const BUILTIN = resolve(
  dirname(fileURLToPath(import.meta.url)),
  '../../../utils/pack/generated/builtin-pack.json',
);

/**
 * The built-in pack as parsed JSON (a fresh copy each call), numbered version 1 whatever the
 * real file says, so the tests' version arithmetic does not depend on the shipped data.
 */
export function builtinPack(): Pack {
  const pack = JSON.parse(readFileSync(BUILTIN, 'utf8')) as Pack;
  pack.version = 1;
  return pack;
}

const first = () => builtinPack().positions[0]!;
/** The position whose stance the tests change: the pack's first. */
export const CHANGED_POSITION = first().id;
/** Its actor. */
export const CHANGED_ACTOR = first().actor;
/** Its stance in the built-in pack. */
export const ORIGINAL_STANCE = first().stance;
/** The stance the edited versions give it. */
export const NEW_STANCE: Pack['positions'][number]['stance'] =
  ORIGINAL_STANCE === 'opposes' ? 'supports' : 'opposes';

/** The built-in pack at `version`, with one position's stance changed when `edit` is true. */
export function packVersion(version: number, edit = true): Pack {
  const pack = builtinPack();
  pack.version = version;
  if (edit) pack.positions.find((x) => x.id === CHANGED_POSITION)!.stance = NEW_STANCE;
  return pack;
}

export const bytesOf = (value: unknown) =>
  new TextEncoder().encode(`${JSON.stringify(value, null, 2)}\n`);

export const FEED_URL = 'https://news.example.org/feed/index.json';

type Handler = (init: RequestInit | undefined) => Response | Promise<Response>;

/** An in-memory feed at FEED_URL. */
export class MemoryFeed {
  files = new Map<string, Uint8Array>();
  overrides = new Map<string, Handler>();
  requests: { url: string; ifNoneMatch: string | null }[] = [];
  generatedAt = '2026-11-30T12:00:00.000Z';

  private constructor(
    readonly keys: CryptoKeyPair,
    readonly publicKey: string,
  ) {}

  static async create(): Promise<MemoryFeed> {
    const keys = await generateKeyPair();
    return new MemoryFeed(keys, await exportPublicKey(keys.publicKey));
  }

  /** Adds pack files and writes a signed index listing them (entries may be edited first). */
  async publish(
    packs: Pack[],
    opts: {
      edit?: (entries: FeedEntry[]) => void;
      signWith?: CryptoKey;
      packBytes?: (p: Pack) => Uint8Array;
    } = {},
  ): Promise<FeedEntry[]> {
    const entries: FeedEntry[] = [];
    for (const p of packs) {
      const bytes = opts.packBytes?.(p) ?? bytesOf(p);
      const url = `packs/${p.id}-${p.version}.json`;
      this.files.set(`/feed/${url}`, bytes);
      entries.push({
        id: p.id,
        version: p.version,
        bytes: bytes.length,
        sha256: await sha256OfBytes(bytes),
        url,
      });
    }
    opts.edit?.(entries);
    const index = bytesOf({
      format: 1,
      feedId: 'example-news',
      generatedAt: this.generatedAt,
      packs: entries,
    });
    this.files.set('/feed/index.json', index);
    const sig = await signBytes(opts.signWith ?? this.keys.privateKey, index);
    this.files.set('/feed/index.json.sig', new TextEncoder().encode(`${sig}\n`));
    return entries;
  }

  /** Replaces the index with any value, signed with the feed's key. */
  async signIndex(value: unknown): Promise<void> {
    const index = bytesOf(value);
    this.files.set('/feed/index.json', index);
    const sig = await signBytes(this.keys.privateKey, index);
    this.files.set('/feed/index.json.sig', new TextEncoder().encode(`${sig}\n`));
  }

  fetch: typeof fetch = async (input, init) => {
    const url = new URL(String(input));
    const ifNoneMatch = new Headers(init?.headers).get('If-None-Match');
    this.requests.push({ url: url.href, ifNoneMatch });
    const override = this.overrides.get(url.pathname);
    if (override) return override(init);
    const body = this.files.get(url.pathname);
    if (!body) return new Response('Not found', { status: 404 });
    const etag = `"${(await sha256OfBytes(body)).slice(0, 16)}"`;
    if (ifNoneMatch === etag) return new Response(null, { status: 304, headers: { ETag: etag } });
    return new Response(body as BodyInit, {
      headers: { ETag: etag, 'Content-Length': String(body.length) },
    });
  };
}

let dbCount = 0;
/** A fresh store with its own IndexedDB name. */
export function freshDb(): StandpointDB {
  return new StandpointDB(`sync-test-${++dbCount}-${Math.random()}`);
}

/** Every row of every table, to compare before and after. */
export async function snapshot(db: StandpointDB): Promise<unknown> {
  return Promise.all(allTables(db).map((t) => t.toArray()));
}
