import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { CompareApp, type CompareDeps } from '@/entrypoints/compare/App';
import { ok } from '@/utils/views';
import { actor, matrix, position, topic } from './fixtures';
import { click, mount, setInput, text } from './render';
import { fakeAsk } from './fake-ask';

const people = [
  actor('zelenskyy', 'Volodymyr Zelenskyy'),
  actor('merz', 'Friedrich Merz'),
  actor('putin', 'Vladimir Putin'),
  actor('us-delegation', 'U.S. delegation', 'group'),
];
const nato = topic('nato-membership', 'NATO bid');
const ceasefire = topic('ceasefire', 'Ceasefire first');

function deps(search: string) {
  const ask = fakeAsk({
    listActors: () => ok({ actors: people, topics: [nato, ceasefire] }),
    listPacks: () => ok([]),
    getMatrix: ({ actorIds }) => {
      const cols = people.filter((p) => actorIds.includes(p.id));
      return ok(
        matrix(cols, [
          {
            topic: nato,
            cells: cols.map((c, i) => [position(c.id, nato, i === 0 ? 'supports' : 'opposes')]),
          },
          { topic: ceasefire, cells: cols.map((c) => [position(c.id, ceasefire, 'warns')]) },
        ]),
      );
    },
  });
  const d = {
    search,
    ask,
    replaceSearch: vi.fn(),
    readLastSync: async () => ({
      at: '2026-11-30T08:00:00Z',
      ok: true,
      message: 'Feed A: up to date.',
    }),
  };
  return d satisfies CompareDeps;
}

async function settle(root: HTMLElement, until: () => boolean) {
  await vi.waitFor(async () => {
    await act(async () => {});
    if (!until()) throw new Error(`not yet: ${text(root).slice(0, 200)}`);
  });
}

const troops = topic('troops', 'European troops');

/** Putin says nothing on any topic; the background's order is troops, nato, ceasefire. */
function foldDeps(search: string) {
  const d = deps(search);
  d.ask = fakeAsk({
    listActors: () => ok({ actors: people, topics: [nato, ceasefire, troops] }),
    listPacks: () => ok([]),
    // The background's order: troops (one voice), nato (two), ceasefire (two, one with two
    // positions); Putin says nothing on any of them.
    getMatrix: ({ actorIds }) =>
      ok(
        matrix(
          people.filter((p) => actorIds.includes(p.id)),
          [
            { topic: troops, cells: [[], [position('merz', troops, 'supports')], []] },
            {
              topic: nato,
              cells: [
                [position('zelenskyy', nato, 'supports')],
                [position('merz', nato, 'opposes')],
                [],
              ],
            },
            {
              topic: ceasefire,
              cells: [
                [
                  position('zelenskyy', ceasefire, 'warns'),
                  { ...position('zelenskyy', ceasefire, 'opposes'), id: 'older' },
                ],
                [position('merz', ceasefire, 'warns')],
                [],
              ],
            },
          ],
        ),
      ),
  });
  return d;
}

describe('CompareApp', () => {
  it('reads the selection from the URL', async () => {
    const d = deps('?actors=merz,zelenskyy&topic=nato&disagree=1');
    const root = mount(<CompareApp deps={d} />);
    await settle(root, () => !!root.querySelector('table'));
    expect(d.ask.requests('getMatrix').at(-1)).toEqual({ actorIds: ['merz', 'zelenskyy'] });
    expect(root.querySelector<HTMLInputElement>('input[type="search"]')!.value).toBe('nato');
    expect(
      [...root.querySelectorAll('tbody tr[data-topic]')].map((r) => r.getAttribute('data-topic')),
    ).toEqual(['nato-membership']);
  });

  it('compares all people when the URL names nobody', async () => {
    const d = deps('');
    const root = mount(<CompareApp deps={d} />);
    await settle(root, () => !!root.querySelector('table'));
    expect(d.ask.requests('getMatrix').at(-1)).toEqual({
      actorIds: ['zelenskyy', 'merz', 'putin'],
    });
  });

  it('writes changes back into the URL', async () => {
    const d = deps('?actors=merz');
    const root = mount(<CompareApp deps={d} />);
    await settle(root, () => !!root.querySelector('table'));
    setInput(root.querySelector('input[value="putin"]'), true);
    setInput(root.querySelector('.sp-filters input[type="checkbox"]'), true);
    await settle(root, () => vi.mocked(d.replaceSearch).mock.calls.length >= 3);
    expect(vi.mocked(d.replaceSearch).mock.lastCall).toEqual(['?actors=merz,putin&disagree=1']);
  });

  it('names ids the packs do not know', async () => {
    const d = deps('?actors=merz,nobody-known');
    const root = mount(<CompareApp deps={d} />);
    await settle(root, () => !!root.querySelector('table'));
    expect(text(root)).toContain('The installed packs do not know nobody-known; left out.');
  });

  it('shows the packs and the last sync under the table', async () => {
    const d = deps('?actors=merz');
    const root = mount(<CompareApp deps={d} />);
    await settle(root, () => /Feed A: up to date\./.test(text(root.querySelector('.sp-packs'))));
  });

  it('puts the fullest topics first and folds away people with nothing on them', async () => {
    const d = foldDeps('');
    const root = mount(<CompareApp deps={d} />);
    await settle(root, () => !!root.querySelector('table'));
    const topics = () =>
      [...root.querySelectorAll('tbody tr[data-topic]')].map((r) => r.getAttribute('data-topic'));
    const columns = () =>
      [...root.querySelectorAll('thead th[data-actor]')].map((th) => th.getAttribute('data-actor'));
    expect(topics()).toEqual(['ceasefire', 'nato-membership', 'troops']);
    expect(columns()).toEqual(['zelenskyy', 'merz']);
    expect(text(root.querySelector('.sp-mfold'))).toContain(
      '1 person with no position on these topics is folded away: Vladimir Putin.',
    );
    expect(root.querySelector('caption')!.textContent).not.toContain('Putin');

    const toggle = root.querySelector<HTMLButtonElement>('.sp-mfold-btn')!;
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    click(toggle);
    expect(columns()).toEqual(['zelenskyy', 'merz', 'putin']);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    await settle(root, () => vi.mocked(d.replaceSearch).mock.lastCall?.[0] === '?all=1');
    expect(text(root.querySelector('.sp-mfold'))).toContain(
      '1 person has no position on these topics: Vladimir Putin.',
    );
    click(toggle);
    expect(columns()).toEqual(['zelenskyy', 'merz']);

    // Searching for the one topic only Merz spoke on folds Zelenskyy away too.
    setInput(root.querySelector('input[type="search"]'), 'troops');
    await settle(root, () => topics().join() === 'troops');
    expect(columns()).toEqual(['merz']);
    expect(text(root.querySelector('.sp-mfold'))).toContain(
      '2 people with no position on these topics are folded away: Volodymyr Zelenskyy, Vladimir Putin.',
    );
  });

  it('shows the folded people at once when the URL says all=1', async () => {
    const root = mount(<CompareApp deps={foldDeps('?all=1')} />);
    await settle(root, () => !!root.querySelector('table'));
    expect(
      [...root.querySelectorAll('thead th[data-actor]')].map((th) => th.getAttribute('data-actor')),
    ).toEqual(['zelenskyy', 'merz', 'putin']);
    expect(root.querySelector('.sp-mfold-btn')!.getAttribute('aria-expanded')).toBe('true');
  });
});
