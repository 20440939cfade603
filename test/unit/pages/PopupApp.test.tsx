import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { PopupApp, type PopupDeps } from '@/entrypoints/popup/App';
import type { PageReport } from '@/utils/messaging';
import type { Settings } from '@/utils/settings';
import { DEFAULT_SETTINGS } from '@/utils/settings-reader';
import { ok, type MatrixView } from '@/utils/views';
import { actor, matrix, position, topic } from './fixtures';
import { click, mount, setInput, text } from './render';
import { fakeAsk } from './fake-ask';

const people = [
  actor('zelenskyy', 'Volodymyr Zelenskyy'),
  actor('merz', 'Friedrich Merz'),
  actor('putin', 'Vladimir Putin'),
  actor('trump', 'Donald Trump'),
];
const nato = topic('nato-membership', 'NATO bid');

function matrixFor(ids: string[]): MatrixView {
  const cols = people.filter((p) => ids.includes(p.id));
  return matrix(cols, [
    {
      topic: nato,
      cells: cols.map((c) => [position(c.id, nato, c.id === 'merz' ? 'supports' : 'opposes')]),
    },
  ]);
}

const report: PageReport = {
  host: 'news.example.com',
  enabled: true,
  actorIds: ['merz', 'zelenskyy'],
  counts: { merz: 1, zelenskyy: 4 },
  pageWords: ['nato', 'talks'],
};

function fakeDeps(over: Partial<PopupDeps> = {}) {
  let settings: Settings = DEFAULT_SETTINGS;
  const ask = fakeAsk({
    listActors: () => ok({ actors: people, topics: [nato] }),
    listPacks: () => ok([]),
    getMatrix: (req) => ok(matrixFor(req.actorIds)),
    getChangedActors: () => ok({ actorIds: ['merz'] }),
  });
  const deps: PopupDeps = {
    search: '?tabId=12',
    ask,
    tabs: { query: vi.fn(async () => [{ id: 99 }]) },
    askTab: vi.fn(async () => ok(report)),
    settings: {
      load: async () => settings,
      save: vi.fn(async (patch: Partial<Settings>) => (settings = { ...settings, ...patch })),
      watch: () => () => {},
    },
    lastSync: { read: async () => null, watch: () => () => {} },
    openOptions: vi.fn(),
    markSeen: vi.fn(async () => {}),
    setTimeout: (fn: () => void) => fn(),
    ...over,
  };
  return { deps, ask, current: () => settings };
}

/** Lets pending promises and Preact's re-renders run. */
async function settle(root: HTMLElement, until: () => boolean) {
  await vi.waitFor(async () => {
    await act(async () => {});
    if (!until()) throw new Error(`not yet: ${text(root).slice(0, 200)}`);
  });
}

describe('PopupApp', () => {
  it('asks the tab from ?tabId, picks the page’s people and shows their matrix', async () => {
    const { deps, ask } = fakeDeps();
    const root = mount(<PopupApp deps={deps} />);
    await settle(root, () => !!root.querySelector('table'));
    expect(deps.askTab).toHaveBeenCalledWith(12);
    expect(deps.tabs.query).not.toHaveBeenCalled();
    expect(ask.requests('getMatrix').at(-1)).toEqual({
      actorIds: ['zelenskyy', 'merz'],
      pageWords: ['nato', 'talks'],
    });
    const picked = [...root.querySelectorAll<HTMLInputElement>('input[name="actor"]:checked')].map(
      (i) => i.value,
    );
    expect(picked).toEqual(['zelenskyy', 'merz']);
    expect(text(root.querySelector('thead'))).toContain('Friedrich Merz');
    expect(text(root)).toContain('Last sync: never synced.');
    expect(root.querySelector<HTMLAnchorElement>('.popup-links a')!.getAttribute('href')).toBe(
      '/compare.html?actors=zelenskyy,merz',
    );
  });

  it('picks page people with positions before those without', async () => {
    const { deps, ask } = fakeDeps({
      askTab: vi.fn(async () =>
        ok({ ...report, actorIds: ['trump', 'merz'], counts: { trump: 9, merz: 1 } }),
      ),
    });
    ask.replies.getMatrix = ({ actorIds }) => {
      const cols = people.filter((p) => actorIds.includes(p.id));
      const cells = cols.map((c) => (c.id === 'trump' ? [] : [position(c.id, nato, 'supports')]));
      return ok(matrix(cols, [{ topic: nato, cells }]));
    };
    const root = mount(<PopupApp deps={deps} />);
    await settle(root, () => !!root.querySelector('table'));
    const asked = ask.requests('getMatrix');
    expect(asked[0]).toEqual({ actorIds: ['trump', 'merz'], pageWords: report.pageWords });
    expect(asked.at(-1)).toEqual({ actorIds: ['merz', 'trump'], pageWords: report.pageWords });
    const heads = [...root.querySelectorAll('thead .sp-m-actor-name')].map((e) => text(e));
    expect(heads).toEqual(['Friedrich Merz', 'Donald Trump']);
  });

  it('uses the active tab without ?tabId', async () => {
    const { deps } = fakeDeps({ search: '' });
    const root = mount(<PopupApp deps={deps} />);
    await settle(root, () => !!root.querySelector('table'));
    expect(deps.askTab).toHaveBeenCalledWith(99);
  });

  it('explains a tab without a content script and still offers everyone', async () => {
    const { deps, ask } = fakeDeps({ askTab: () => Promise.reject(new Error('No response')) });
    const root = mount(<PopupApp deps={deps} />);
    await settle(root, () => !!root.querySelector('.sp-picker'));
    expect(text(root.querySelector('.sp-notice'))).toMatch(/cannot read this tab/);
    expect(root.querySelectorAll('input[name="actor"]')).toHaveLength(4);
    expect(root.querySelector('.sp-site')).toBeNull();
    expect(ask.requests('getMatrix')).toEqual([]);
    setInput(root.querySelector('input[value="putin"]'), true);
    setInput(root.querySelector('input[value="trump"]'), true);
    await settle(root, () => !!root.querySelector('table'));
    expect(ask.requests('getMatrix').at(-1)).toEqual({ actorIds: ['putin', 'trump'] });
  });

  it('switches the site off and on, and the choice is saved', async () => {
    const { deps, current } = fakeDeps();
    const root = mount(<PopupApp deps={deps} />);
    await settle(root, () => !!root.querySelector('.sp-site input'));
    const box = () => root.querySelector<HTMLInputElement>('.sp-site input')!;
    expect(box().checked).toBe(false);
    setInput(box(), true);
    await settle(root, () => current().disabledSites.includes('news.example.com'));
    await settle(root, () => /Standpoint is off on news\.example\.com/.test(text(root)));
    expect(box().checked).toBe(true);
    setInput(box(), false);
    await settle(root, () => current().disabledSites.length === 0);
    expect(deps.askTab).toHaveBeenCalledTimes(2);
  });

  it('shows the switch flipped while saving, and restores it when the save fails', async () => {
    let fail: (e: Error) => void = () => {};
    const { deps } = fakeDeps();
    deps.settings.save = vi.fn(() => new Promise<Settings>((_resolve, reject) => (fail = reject)));
    const root = mount(<PopupApp deps={deps} />);
    await settle(root, () => !!root.querySelector('.sp-site input'));
    const box = () => root.querySelector<HTMLInputElement>('.sp-site input')!;
    setInput(box(), true);
    await settle(root, () => box().disabled);
    expect(box().checked).toBe(true);
    await act(async () => fail(new Error('storage is full')));
    await settle(root, () => /could not be saved; try again/.test(text(root)));
    expect(box().checked).toBe(false);
    expect(box().disabled).toBe(false);
  });

  it('says a background error as a sentence', async () => {
    const { deps, ask } = fakeDeps();
    ask.replies.listActors = () => ({
      ok: false,
      error: 'The packs are being installed; try again in a moment.',
    });
    const root = mount(<PopupApp deps={deps} />);
    await settle(root, () => !!root.querySelector('[role="alert"]'));
    expect(text(root.querySelector('[role="alert"]'))).toBe(
      'The packs are being installed; try again in a moment.',
    );
  });

  it('opens the options page', async () => {
    const { deps } = fakeDeps();
    const root = mount(<PopupApp deps={deps} />);
    click(root.querySelector('.popup-linkish'));
    expect(deps.openOptions).toHaveBeenCalled();
  });

  it('marks people an update changed, then remembers the versions as seen', async () => {
    const { deps, ask } = fakeDeps();
    const pack = {
      id: 'builtin',
      version: 2,
      title: 'Pack',
      publishedAt: '2025-12-15',
      installedAt: '2026-11-30T10:00:00Z',
      origin: 'builtin' as const,
      verified: true,
      previousVersion: 1,
      feedUrl: null,
    };
    ask.replies.listPacks = () => ok([pack]);
    const root = mount(<PopupApp deps={deps} />);
    await settle(root, () => !!root.querySelector('.sp-picker-updated'));
    const label = root.querySelector('input[value="merz"]')!.closest('label');
    expect(text(label?.querySelector('.sp-picker-updated'))).toBe('updated');
    expect(root.querySelectorAll('.sp-picker-updated')).toHaveLength(1);
    await settle(root, () => vi.mocked(deps.markSeen).mock.calls.length > 0);
    expect(deps.markSeen).toHaveBeenCalledWith([pack]);
  });
});
