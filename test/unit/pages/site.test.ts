import { describe, expect, it } from 'vitest';
import { siteEnabled, withSite } from '@/utils/pages/site';
import { DEFAULT_SETTINGS } from '@/utils/settings-reader';

describe('per-site switch', () => {
  it('switches a host off once and on again', () => {
    const off = withSite([], 'News.Example.com', false);
    expect(off).toEqual(['news.example.com']);
    expect(withSite(off, 'news.example.com', false)).toEqual(off);
    expect(siteEnabled({ ...DEFAULT_SETTINGS, disabledSites: off }, 'news.example.com')).toBe(
      false,
    );
    expect(withSite(off, 'news.example.com', true)).toEqual([]);
  });

  it('switching on also clears a parent domain that covered the host', () => {
    const sites = ['example.com', 'other.org'];
    expect(siteEnabled({ ...DEFAULT_SETTINGS, disabledSites: sites }, 'www.example.com')).toBe(
      false,
    );
    expect(withSite(sites, 'www.example.com', true)).toEqual(['other.org']);
  });
});
