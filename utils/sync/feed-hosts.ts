/**
 * Where feeds may live, decided once for the feed URL check (./feeds.ts) and the manifest's
 * `optional_host_permissions` (wxt.config.ts): any https:// host, and plain http:// only on this
 * computer, for trying a feed out (`npm run pack:serve`). A host permission for `http://*\/*`
 * is never asked for.
 */

/** Host names where a plain http:// feed is accepted. */
export const LOOPBACK_HOSTS: ReadonlySet<string> = new Set(['127.0.0.1', 'localhost']);

/** The manifest's `optional_host_permissions`: what a feed's origin permission can be. */
export const FEED_HOST_PERMISSIONS: readonly string[] = [
  'https://*/*',
  ...[...LOOPBACK_HOSTS].map((host) => `http://${host}/*`),
];
