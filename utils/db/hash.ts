/** SHA-256 of text, as the store uses it: pack bytes and dictionary versions. */
import { sha256OfBytes } from '../sync/crypto';

/** Hex SHA-256 of a string's UTF-8 bytes (WebCrypto: service worker, pages and Node alike). */
export function sha256OfText(text: string): Promise<string> {
  return sha256OfBytes(new TextEncoder().encode(text));
}
