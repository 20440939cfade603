import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sha256, sha256Text } from '@/utils/pack/sha256';
import { builtinSourceBytes } from './helpers';

const nodeSha = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

describe('sha256', () => {
  it('gives the FIPS 180-4 test vectors', () => {
    expect(sha256Text('')).toBe('e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(sha256Text('abc')).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
    expect(sha256Text('abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq')).toBe(
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    );
  });

  it('agrees with Node crypto around every padding boundary', () => {
    for (let n = 0; n <= 200; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 131 + n * 7) & 0xff);
      expect(sha256(bytes), `length ${n}`).toBe(nodeSha(bytes));
    }
  });

  it('hashes text as UTF-8', () => {
    const text = 'Зеленський — Selenskyj ‘quote’ 🇺🇦';
    expect(sha256Text(text)).toBe(nodeSha(new TextEncoder().encode(text)));
  });

  it('gives the declared hash of the built-in source document', () => {
    expect(sha256(builtinSourceBytes())).toBe(
      'e86c29c4eb2261336e822e0975c584b4334a9d4ed0305b409705d6ddd25be59b',
    );
  });
});
