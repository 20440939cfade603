import { describe, expect, it } from 'vitest';
import { FEED_HOST_PERMISSIONS } from '@/utils/sync/feed-hosts';
import { normalizeFeedUrl, originPattern } from '@/utils/sync/feeds';
import config from '../../../wxt.config';

/** The manifest as the build writes it for `browser`. */
async function manifestFor(browser: string): Promise<Record<string, unknown>> {
  const manifest = (config as { manifest: (env: { browser: string }) => unknown }).manifest;
  return (await manifest({ browser })) as Record<string, unknown>;
}

describe('where feeds may live', () => {
  it('asks the browser for https:// hosts and plain http:// on this computer only', async () => {
    for (const browser of ['chrome', 'firefox']) {
      const manifest = await manifestFor(browser);
      expect(manifest.optional_host_permissions).toEqual([
        'https://*/*',
        'http://127.0.0.1/*',
        'http://localhost/*',
      ]);
      expect(manifest.optional_host_permissions).not.toContain('http://*/*');
    }
  });

  it('accepts exactly the feed URLs whose origin permission the manifest can grant', () => {
    const accepted = [
      'https://news.example.org/feed/',
      'http://127.0.0.1:8787/index.json',
      'http://localhost:3000/',
    ];
    for (const url of accepted) {
      const normalized = normalizeFeedUrl(url);
      expect(normalized.ok).toBe(true);
      if (normalized.ok)
        expect(FEED_HOST_PERMISSIONS).toContainEqual(permissionFor(normalized.value));
    }
    for (const url of [
      'http://news.example.org/feed/',
      'http://[::1]:8787/',
      'ftp://example.org/',
    ]) {
      const normalized = normalizeFeedUrl(url);
      expect(normalized).toEqual({
        ok: false,
        error: 'Feeds must be served over https:// (plain http:// only works on this computer).',
      });
    }
  });
});

/** The manifest pattern that covers a feed's origin pattern. */
function permissionFor(feedUrl: string): string {
  const pattern = originPattern(feedUrl);
  return pattern.startsWith('https://') ? 'https://*/*' : pattern;
}
