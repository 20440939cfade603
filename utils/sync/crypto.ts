/**
 * Ed25519 signatures and sha256 fingerprints with WebCrypto only, so the same code runs in
 * the extension (Chrome 137+, Firefox 129+) and in the publishing tools under Node.
 */
import { z } from 'zod';

const ED25519 = { name: 'Ed25519' } as const;

/** Raw Ed25519 public keys are 32 bytes. */
const PUBLIC_KEY_BYTES = 32;
/** Ed25519 signatures are 64 bytes. */
const SIGNATURE_BYTES = 64;

/** Standard base64 of bytes. */
export function toBase64(bytes: Uint8Array): string {
  let bin = '';
  for (const b of bytes) bin += String.fromCharCode(b);
  return btoa(bin);
}

/** Decodes strict standard base64 (whitespace around it ignored); `null` when it is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  const t = text.trim();
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(t) || t.length % 4 !== 0) return null;
  try {
    const bin = atob(t);
    return Uint8Array.from(bin, (c) => c.charCodeAt(0));
  } catch {
    return null;
  }
}

/** A public key as readers paste it: base64 of the 32 raw key bytes. */
export const publicKeySchema = z
  .string()
  .trim()
  .refine((s) => fromBase64(s)?.length === PUBLIC_KEY_BYTES, {
    message: 'must be an Ed25519 public key: 44 characters of base64, as pack:keygen prints it',
  });

/** Lower-case hex sha256 of bytes. */
export async function sha256OfBytes(
  bytes: Uint8Array,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<string> {
  const digest = new Uint8Array(await subtle.digest('SHA-256', bytes as BufferSource));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Imports a base64 raw public key for verifying; `null` when it is not a valid key. */
export async function importPublicKey(
  base64: string,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<CryptoKey | null> {
  const raw = fromBase64(base64);
  if (!raw || raw.length !== PUBLIC_KEY_BYTES) return null;
  try {
    return await subtle.importKey('raw', raw as BufferSource, ED25519, true, ['verify']);
  } catch {
    return null;
  }
}

/**
 * True only when `signatureBase64` is a valid Ed25519 signature of exactly `data` by `publicKey`.
 * Malformed signatures are simply false, never an exception.
 */
export async function verifySignature(
  publicKey: CryptoKey,
  signatureBase64: string,
  data: Uint8Array,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<boolean> {
  const sig = fromBase64(signatureBase64);
  if (!sig || sig.length !== SIGNATURE_BYTES) return false;
  try {
    return await subtle.verify(ED25519, publicKey, sig as BufferSource, data as BufferSource);
  } catch {
    return false;
  }
}

/** Signs bytes; returns the base64 signature. Publishing side. */
export async function signBytes(
  privateKey: CryptoKey,
  data: Uint8Array,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<string> {
  return toBase64(new Uint8Array(await subtle.sign(ED25519, privateKey, data as BufferSource)));
}

/** A fresh extractable key pair. Publishing side. */
export async function generateKeyPair(
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<CryptoKeyPair> {
  return (await subtle.generateKey(ED25519, true, ['sign', 'verify'])) as CryptoKeyPair;
}

/** Base64 of a public key's 32 raw bytes: the text a reader pastes into the options page. */
export async function exportPublicKey(
  key: CryptoKey,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<string> {
  return toBase64(new Uint8Array(await subtle.exportKey('raw', key)));
}

/** PKCS#8 PEM text of a private key. Publishing side. */
export async function exportPrivateKeyPem(
  key: CryptoKey,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<string> {
  const der = toBase64(new Uint8Array(await subtle.exportKey('pkcs8', key)));
  const lines = der.match(/.{1,64}/g) ?? [];
  return `-----BEGIN PRIVATE KEY-----\n${lines.join('\n')}\n-----END PRIVATE KEY-----\n`;
}

/** Reads a PKCS#8 PEM private key for signing; `null` when the text is not an Ed25519 key. */
export async function importPrivateKeyPem(
  pem: string,
  subtle: SubtleCrypto = globalThis.crypto.subtle,
): Promise<CryptoKey | null> {
  const m = /-----BEGIN PRIVATE KEY-----([\s\S]+?)-----END PRIVATE KEY-----/.exec(pem);
  const der = m?.[1] ? fromBase64(m[1].replace(/\s+/g, '')) : null;
  if (!der) return null;
  try {
    return await subtle.importKey('pkcs8', der as BufferSource, ED25519, false, ['sign']);
  } catch {
    return null;
  }
}
