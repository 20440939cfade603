/** SHA-256 helpers shared by the store: pack bytes and dictionary versions. */

/** Hex SHA-256 of a string's UTF-8 bytes (WebCrypto: service worker, pages and Node alike). */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}
