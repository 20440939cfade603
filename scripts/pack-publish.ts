/**
 * `npm run pack:publish -- --key PRIVATE_KEY --out DIR [--feed-id ID] PACK.json...`
 *
 * Writes a static feed into DIR that any web host or CDN can serve (see docs/feeds.md):
 * validates each pack with the same checks as the builder, copies it byte for byte to
 * `packs/<id>-<version>.json`, and writes `index.json` (every pack's id, version, size, sha256
 * and path) and `index.json.sig` (the Ed25519 signature of exactly those index bytes).
 * Packs already in DIR's index stay listed; a version that would go backwards, or an already
 * published version with different bytes, is refused: readers would refuse it too.
 */
import { createHash, createPublicKey } from 'node:crypto';
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { basename, join, resolve } from 'node:path';
import { commandArgs, usageError } from './args';
import { pathToFileURL } from 'node:url';
import { packDiffText } from '../utils/draft/pack-diff';
import { pendingEntries, pendingMessage } from '../utils/draft/pending';
import { decodePackBytes, parsePackText } from '../utils/pack/validate';
import {
  importPrivateKeyPem,
  importPublicKey,
  signBytes,
  toBase64,
  verifySignature,
} from '../utils/sync/crypto';
import {
  FEED_FORMAT,
  INDEX_FILE,
  SIGNATURE_SUFFIX,
  type FeedEntry,
  type FeedIndex,
  feedIndexSchema,
} from '../utils/sync/feed-schema';

export interface PublishOptions {
  /** PKCS#8 PEM text of the feed's Ed25519 private key. */
  keyPem: string;
  outDir: string;
  /** Paths of pack JSON files to add or update. */
  packFiles: string[];
  /** Feed id; defaults to the existing index's, else a slug of the folder name. */
  feedId?: string;
  now?: () => Date;
  /** Test feeds only: list a lower version than the one already published. */
  allowOlder?: boolean;
  /** Told, for each pack the feed already offers, what the new version changes for readers. */
  report?: (diff: string) => void;
  /**
   * Sign an existing feed with a different key. Without it, a key that did not sign the feed's
   * current index is refused: every reader of the feed checks against the key they added.
   */
  rotateKey?: boolean;
}

/** A publishing failure with a message for the person at the terminal. */
export class PublishError extends Error {}

/** Publishes the packs into the feed folder; returns the index written. */
export async function publish(opts: PublishOptions): Promise<FeedIndex> {
  const { outDir, now = () => new Date() } = opts;
  const key = await importPrivateKeyPem(opts.keyPem);
  if (!key) throw new PublishError('The --key file is not an Ed25519 private key in PEM form.');

  const existing = await readExistingIndex(outDir);
  if (existing && !opts.rotateKey && !(await signedBy(outDir, opts.keyPem))) {
    throw new PublishError(
      `${join(outDir, INDEX_FILE)} was signed with a different key. Every reader of this feed checks it against the key they added, so signing with this one would stop all their updates. Use the feed's own key, or pass --rotate-key to change keys on purpose.`,
    );
  }
  const entries = new Map<string, FeedEntry>(existing?.packs.map((p) => [p.id, p]) ?? []);
  const files: { path: string; bytes: Buffer }[] = [];

  for (const file of opts.packFiles) {
    const bytes = await readFile(file);
    // The same byte gate as the extension: size cap, strict UTF-8.
    const decoded = decodePackBytes(bytes);
    if (!decoded.ok) throw new PublishError(`${file}: ${decoded.problem.message}.`);
    const pending = pendingEntries(parseOrNull(decoded.text));
    if (pending.length > 0) {
      throw new PublishError(
        `${file} is an unfinished draft:\n${pendingMessage(null, pending).join('\n')}`,
      );
    }
    const parsed = parsePackText(decoded.text);
    if (!parsed.ok) {
      const list = parsed.problems.map((p) => `  ${p.path || '(pack)'}: ${p.message}`).join('\n');
      throw new PublishError(`${file} is not a valid pack:\n${list}`);
    }
    const { id, version } = parsed.pack;
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const before = entries.get(id);
    if (before && before.version > version && !opts.allowOlder) {
      throw new PublishError(
        `${file}: the feed already offers version ${before.version} of "${id}"; readers refuse older versions. Raise "version" above ${before.version}.`,
      );
    }
    if (before && before.version === version && before.sha256 !== sha256) {
      throw new PublishError(
        `${file}: version ${version} of "${id}" was already published with different contents; readers refuse that. Raise "version".`,
      );
    }
    if (before && opts.report) {
      const old = await readFile(join(outDir, before.url), 'utf8').catch(() => null);
      const oldPack = old === null ? null : parsePackText(old);
      if (oldPack?.ok) opts.report(packDiffText(oldPack.pack, parsed.pack));
    }
    const url = `packs/${id}-${version}.json`;
    entries.set(id, { id, version, bytes: bytes.length, sha256, url });
    files.push({ path: join(outDir, url), bytes });
  }

  const index = feedIndexSchema.parse({
    format: FEED_FORMAT,
    feedId: opts.feedId ?? existing?.feedId ?? slug(basename(resolve(outDir))),
    generatedAt: now().toISOString(),
    packs: [...entries.values()].sort((a, b) => a.id.localeCompare(b.id)),
  } satisfies FeedIndex);
  const indexBytes = new TextEncoder().encode(`${JSON.stringify(index, null, 2)}\n`);
  const signature = await signBytes(key, indexBytes);

  await mkdir(join(outDir, 'packs'), { recursive: true });
  for (const f of files) await writeFile(f.path, f.bytes);
  // Index then signature, each replaced atomically; a reader between the two sees a mismatch,
  // refuses it and tries again later, which is safe.
  await writeAtomic(join(outDir, INDEX_FILE), indexBytes);
  await writeAtomic(join(outDir, INDEX_FILE + SIGNATURE_SUFFIX), `${signature}\n`);
  return index;
}

/** True when the feed's current index carries a valid signature by the key of `keyPem`. */
async function signedBy(outDir: string, keyPem: string): Promise<boolean> {
  const [index, signature] = await Promise.all([
    readFile(join(outDir, INDEX_FILE)).catch(() => null),
    readFile(join(outDir, INDEX_FILE + SIGNATURE_SUFFIX), 'utf8').catch(() => null),
  ]);
  const publicKey = await importPublicKey(publicKeyOf(keyPem));
  if (!index || signature === null || !publicKey) return false;
  return verifySignature(publicKey, signature.trim(), new Uint8Array(index));
}

/** The base64 public key matching a PEM private key, for the publisher to double-check. */
export function publicKeyOf(keyPem: string): string {
  const spki = createPublicKey(keyPem).export({ format: 'der', type: 'spki' });
  return toBase64(new Uint8Array(spki.subarray(spki.length - 32)));
}

function parseOrNull(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return null;
  }
}

async function readExistingIndex(outDir: string): Promise<FeedIndex | null> {
  let text: string;
  try {
    text = await readFile(join(outDir, INDEX_FILE), 'utf8');
  } catch {
    return null;
  }
  const parsed = feedIndexSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new PublishError(`${join(outDir, INDEX_FILE)} exists but is not a feed index.`);
  }
  return parsed.data;
}

async function writeAtomic(path: string, data: Uint8Array | string): Promise<void> {
  await writeFile(`${path}.tmp`, data);
  await rename(`${path}.tmp`, path);
}

function slug(s: string): string {
  return (
    s
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 64) || 'feed'
  );
}

const PUBLISH_USAGE =
  'Usage: npm run pack:publish -- --key PRIVATE_KEY --out DIR [--feed-id ID] [--rotate-key] PACK.json...';

async function main() {
  const { values, positionals } = commandArgs('pack:publish', PUBLISH_USAGE, {
    key: { type: 'string' },
    out: { type: 'string' },
    'feed-id': { type: 'string' },
    'rotate-key': { type: 'boolean' },
  });
  if (!values.key || !values.out || positionals.length === 0)
    usageError('pack:publish', 'needs --key, --out and at least one pack file', PUBLISH_USAGE);
  try {
    const keyPem = await readFile(values.key, 'utf8');
    const index = await publish({
      keyPem,
      outDir: values.out,
      packFiles: positionals,
      feedId: values['feed-id'],
      rotateKey: values['rotate-key'] === true,
      report: (diff) => console.log(`What changes for readers:\n${diff}\n`),
    });
    for (const p of index.packs) console.log(`${p.id} v${p.version}  ${p.bytes} bytes  ${p.url}`);
    console.log(`Signed ${join(values.out, INDEX_FILE)} (feed "${index.feedId}").`);
    if (values['rotate-key'])
      console.log(
        `The feed is now signed with a new key. Every reader must remove the feed and add it again with this public key, or their copy stops updating:\n${publicKeyOf(keyPem)}`,
      );
    else
      console.log(
        `Readers add the URL of index.json with this public key:\n${publicKeyOf(keyPem)}`,
      );
  } catch (e) {
    console.error(
      e instanceof PublishError ? e.message : `Publishing failed: ${(e as Error).message}`,
    );
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void main();
