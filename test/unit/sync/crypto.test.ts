import { describe, expect, it } from 'vitest';
import {
  exportPrivateKeyPem,
  exportPublicKey,
  fromBase64,
  generateKeyPair,
  importPrivateKeyPem,
  importPublicKey,
  publicKeySchema,
  sha256OfBytes,
  signBytes,
  toBase64,
  verifySignature,
} from '@/utils/sync/crypto';

const bytes = (s: string) => new TextEncoder().encode(s);

describe('Ed25519 signatures', () => {
  it('verifies a signature made with the matching key after a PEM and base64 round trip', async () => {
    const pair = await generateKeyPair();
    const priv = await importPrivateKeyPem(await exportPrivateKeyPem(pair.privateKey));
    const pub = await importPublicKey(await exportPublicKey(pair.publicKey));
    expect(priv).not.toBeNull();
    expect(pub).not.toBeNull();
    const sig = await signBytes(priv!, bytes('{"format":1}\n'));
    expect(await verifySignature(pub!, sig, bytes('{"format":1}\n'))).toBe(true);
  });

  it('refuses altered data, another key and malformed signatures', async () => {
    const a = await generateKeyPair();
    const b = await generateKeyPair();
    const sig = await signBytes(a.privateKey, bytes('index'));
    expect(await verifySignature(a.publicKey, sig, bytes('index '))).toBe(false);
    expect(await verifySignature(b.publicKey, sig, bytes('index'))).toBe(false);
    expect(await verifySignature(a.publicKey, 'not base64!', bytes('index'))).toBe(false);
    expect(await verifySignature(a.publicKey, toBase64(new Uint8Array(64)), bytes('index'))).toBe(
      false,
    );
    expect(await verifySignature(a.publicKey, sig.slice(4), bytes('index'))).toBe(false);
  });

  it('accepts only 32-byte base64 public keys', async () => {
    const pub = await exportPublicKey((await generateKeyPair()).publicKey);
    expect(publicKeySchema.safeParse(pub).success).toBe(true);
    expect(publicKeySchema.safeParse(` ${pub}\n`).success).toBe(true);
    expect(publicKeySchema.safeParse(pub.slice(0, 40)).success).toBe(false);
    expect(publicKeySchema.safeParse(toBase64(new Uint8Array(33))).success).toBe(false);
    expect(await importPublicKey('abc')).toBeNull();
    expect(
      await importPrivateKeyPem('-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----'),
    ).toBeNull();
  });

  it('round-trips base64 and rejects non-base64', () => {
    const data = Uint8Array.from([0, 1, 2, 250, 255]);
    expect(fromBase64(toBase64(data))).toEqual(data);
    expect(fromBase64('a*b=')).toBeNull();
    expect(fromBase64('abc')).toBeNull();
  });
});

describe('sha256OfBytes', () => {
  it('matches the known digest of "abc"', async () => {
    expect(await sha256OfBytes(bytes('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
