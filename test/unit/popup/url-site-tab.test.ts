import { describe, expect, it } from 'vitest';
import {
  compareHref,
  compareSearch,
  parseCompareState,
  sourceHref,
} from '@/utils/popup/compare-url';
import { siteEnabled, withSite } from '@/utils/popup/site';
import { resolveTabId, tabIdFromSearch } from '@/utils/popup/tab';
import { DEFAULT_SETTINGS } from '@/utils/settings';

describe('compare URL', () => {
  it('round-trips a selection', () => {
    const state = { actors: ['zelenskyy', 'merz'], topic: 'nato bid', disagree: true };
    const search = compareSearch(state);
    expect(search).toBe('?actors=zelenskyy,merz&topic=nato+bid&disagree=1');
    expect(parseCompareState(search)).toEqual(state);
  });

  it('drops malformed ids and duplicates', () => {
    expect(parseCompareState('?actors=merz,<script>,merz,,Zelenskyy').actors).toEqual(['merz']);
  });

  it('defaults to everything', () => {
    expect(parseCompareState('')).toEqual({ actors: [], topic: '', disagree: false });
    expect(compareHref()).toBe('/compare.html');
    expect(compareHref({ actors: ['merz'] })).toBe('/compare.html?actors=merz');
  });

  it('links to the source viewer with the position', () => {
    expect(sourceHref('reuters-1', 'merz-warns')).toBe(
      '/source.html?source=reuters-1&position=merz-warns',
    );
  });
});

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

describe('tab id', () => {
  it('reads ?tabId and rejects junk', () => {
    expect(tabIdFromSearch('?tabId=42')).toBe(42);
    expect(tabIdFromSearch('?tabId=-1')).toBeNull();
    expect(tabIdFromSearch('?tabId=4x')).toBeNull();
    expect(tabIdFromSearch('')).toBeNull();
  });

  it('prefers the query parameter, else the active tab', async () => {
    const tabs = { query: async () => [{ id: 7 }] };
    expect(await resolveTabId('?tabId=3', tabs)).toBe(3);
    expect(await resolveTabId('', tabs)).toBe(7);
    expect(await resolveTabId('', { query: async () => [] })).toBeNull();
    expect(
      await resolveTabId('', { query: async () => Promise.reject(new Error('no')) }),
    ).toBeNull();
  });
});
