import { describe, expect, it } from 'vitest';
import { PackStatus } from '@/components/PackStatus';
import { pageNoticeText } from '@/components/PageNotice';
import type { PackInfo } from '@/utils/views';
import { mount, text } from './render';

const pack = (over: Partial<PackInfo>): PackInfo => ({
  id: 'builtin',
  version: 3,
  title: 'Ukraine talks, 2025',
  publishedAt: '2025-02-20',
  installedAt: '2026-11-30T10:00:00Z',
  origin: 'builtin',
  verified: true,
  previousVersion: null,
  feedUrl: null,
  ...over,
});

describe('PackStatus', () => {
  it('lists every pack with its version and "as of" date', () => {
    const packs = [
      pack({}),
      pack({
        id: 'feed-a',
        title: 'Feed A',
        version: 12,
        origin: 'feed',
        publishedAt: '2026-01-05',
      }),
    ];
    const root = mount(
      <PackStatus packs={{ state: 'done', result: { ok: true, value: packs } }} lastSync={null} />,
    );
    const items = [...root.querySelectorAll('li')].map((li) => text(li));
    expect(items[0]).toBe('Ukraine talks, 2025 · version 3 · as of Feb 20, 2025 · built in');
    expect(items[1]).toBe(
      'Feed A · version 12 · as of Jan 5, 2026 · from a feed, signature verified',
    );
    expect(text(root)).toContain('Last sync: never synced.');
  });

  it('shows the last sync and its result', () => {
    const root = mount(
      <PackStatus
        packs={{ state: 'done', result: { ok: true, value: [pack({})] } }}
        lastSync={{
          at: '2026-11-30T09:00:00Z',
          ok: false,
          message: 'The feed did not answer; your packs are unchanged.',
        }}
      />,
    );
    expect(text(root)).toMatch(
      /Last sync .+: failed\. The feed did not answer; your packs are unchanged\./,
    );
  });

  it('folds many packs behind "N more"', () => {
    const packs = Array.from({ length: 7 }, (_, i) => pack({ id: `p${i}`, title: `Pack ${i}` }));
    const root = mount(
      <PackStatus packs={{ state: 'done', result: { ok: true, value: packs } }} lastSync={null} />,
    );
    expect(root.querySelectorAll('ul[aria-label="Installed packs"] li')).toHaveLength(3);
    expect(text(root.querySelector('details summary'))).toBe('4 more packs');
    expect(root.querySelectorAll('details li')).toHaveLength(4);
  });

  it('says a listing error as a sentence', () => {
    const root = mount(
      <PackStatus
        packs={{ state: 'done', result: { ok: false, error: 'No database.' } }}
        lastSync={null}
      />,
    );
    expect(text(root)).toContain('No database.');
  });
});

describe('pageNoticeText', () => {
  const report = {
    host: 'news.example.com',
    enabled: true,
    actorIds: [],
    counts: {},
    pageWords: [],
  };
  it('explains every kind of tab', () => {
    expect(pageNoticeText({ kind: 'unreachable', detail: 'No response' }, true)).toMatch(
      /cannot read this tab/,
    );
    expect(pageNoticeText({ kind: 'error', message: 'Oops.' }, true)).toMatch(
      /could not read this page: Oops\./,
    );
    expect(pageNoticeText({ kind: 'report', report }, true)).toMatch(/names nobody/);
    expect(pageNoticeText({ kind: 'report', report }, false)).toMatch(/off on news\.example\.com/);
    expect(
      pageNoticeText({ kind: 'report', report: { ...report, actorIds: ['merz'] } }, true),
    ).toBeNull();
  });
});
