import { describe, expect, it, vi } from 'vitest';
import { act } from 'preact/test-utils';
import { CompareApp, type CompareDeps } from '@/entrypoints/compare/App';
import { ok } from '@/utils/views';
import { actor, matrix, position, topic } from './fixtures';
import { mount, setInput, text } from './render';
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
});
