/**
 * `npm run pack:keygen -- --out DIR`: makes the Ed25519 key pair a newsroom signs its feed with.
 *
 * Writes DIR/private-key.pem (PKCS#8, readable by its owner only; never commit or publish it)
 * and DIR/public-key.txt (base64 of the 32 raw bytes: give it to readers with the feed URL).
 * Refuses to overwrite an existing key, so a slip cannot lock readers out of a feed.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { commandArgs, usageError } from './args';
import { pathToFileURL } from 'node:url';
import { exportPrivateKeyPem, exportPublicKey, generateKeyPair } from '../utils/sync/crypto';

export const PRIVATE_KEY_FILE = 'private-key.pem';
export const PUBLIC_KEY_FILE = 'public-key.txt';

/** Creates the key pair in `dir`; returns the public key text. */
export async function keygen(dir: string): Promise<{ publicKey: string; privateKeyPath: string }> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const pair = await generateKeyPair();
  const publicKey = await exportPublicKey(pair.publicKey);
  const privateKeyPath = join(dir, PRIVATE_KEY_FILE);
  // 'wx': fail if the file exists; 0o600: only the owner may read the private key.
  await writeFile(privateKeyPath, await exportPrivateKeyPem(pair.privateKey), {
    flag: 'wx',
    mode: 0o600,
  });
  await writeFile(join(dir, PUBLIC_KEY_FILE), `${publicKey}\n`, { flag: 'wx' });
  return { publicKey, privateKeyPath };
}

async function main() {
  const usage = 'Usage: npm run pack:keygen -- --out DIR';
  const { values, positionals } = commandArgs('pack:keygen', usage, { out: { type: 'string' } });
  if (!values.out || positionals.length > 0)
    usageError('pack:keygen', 'needs --out DIR only', usage);
  const dir = resolve(values.out);
  try {
    const { publicKey, privateKeyPath } = await keygen(dir);
    console.log(`Private key: ${privateKeyPath} (keep it secret; never commit or upload it)`);
    console.log(`Public key (give this to readers with the feed URL):\n${publicKey}`);
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    console.error(
      code === 'EEXIST'
        ? `A key already exists in ${dir}; refusing to overwrite it. Choose another --out folder.`
        : `Could not write the keys: ${(e as Error).message}`,
    );
    process.exit(1);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) void main();
