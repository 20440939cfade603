import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { SourceApp } from '@/entrypoints/source/App';
import { err, ok, type SourceView } from '@/utils/views';
import { position } from '../card/fixtures';
import { fakeAsk, type FakeAsk } from './fake-ask';

const text =
  'Geneva. Chancellor Merz said a ceasefire must come first. Merz rejected any demand that Kyiv abandon its NATO hopes. The U.S.-proposed 28-point plan was discussed.';

function view(over: Partial<SourceView['source']> = {}): SourceView {
  const span = (words: string) => ({
    start: text.indexOf(words),
    end: text.indexOf(words) + words.length,
  });
  return {
    source: {
      id: 'geneva-talks',
      title: 'Talks in Geneva end without agreement',
      publisher: 'Example News',
      publishedAt: '2025-11-23',
      url: 'https://news.example/geneva',
      text,
      language: 'en',
      ...over,
    },
    positions: [
      position({
        id: 'merz-ceasefire',
        evidence: {
          sourceId: 'geneva-talks',
          ...span('a ceasefire must come first'),
          text: 'a ceasefire must come first',
          kind: 'quote',
        },
      }),
      position({
        id: 'merz-nato',
        stance: 'opposes',
        evidence: {
          sourceId: 'geneva-talks',
          ...span('Merz rejected any demand that Kyiv abandon its NATO hopes'),
          text: 'Merz rejected any demand that Kyiv abandon its NATO hopes',
          kind: 'paraphrase',
        },
      }),
      position({
        id: 'usdel-plan',
        actorId: 'us-delegation',
        stance: 'proposes',
        evidence: {
          sourceId: 'geneva-talks',
          start: 0,
          end: 5,
          text: 'wording that is not there',
          kind: 'paraphrase',
        },
      }),
    ],
  };
}

function api(v: SourceView | null): FakeAsk {
  return fakeAsk({
    getSource: () => (v ? ok(v) : err('No installed pack has a source “x”.')),
    listActors: () =>
      ok({
        actors: [
          {
            id: 'merz',
            kind: 'person' as const,
            definedBy: { id: 'builtin', title: 'Built-in pack', verified: true },
            name: 'Friedrich Merz',
            role: 'Chancellor',
            country: 'DE',
            memberOf: [],
          },
        ],
        topics: [],
      }),
  });
}

async function mount(search: string, a: FakeAsk) {
  const root = document.createElement('div');
  document.body.replaceChildren(root);
  const reveal = vi.fn();
  const replaceSearch = vi.fn();
  render(<SourceApp search={search} ask={a} replaceSearch={replaceSearch} reveal={reveal} />, root);
  await vi.waitFor(() => expect(root.querySelector('.src-status')).toBeNull());
  return { root, reveal, replaceSearch };
}

describe('source viewer', () => {
  it('shows the whole text with each evidence marked, and emphasises and reveals the chosen one', async () => {
    const { root, reveal } = await mount('?source=geneva-talks&position=merz-nato', api(view()));
    const article = root.querySelector('article')!;
    expect(article.textContent).toBe(text);
    const marks = [...article.querySelectorAll('mark')];
    expect(marks.map((m) => m.textContent)).toEqual([
      'a ceasefire must come first',
      'Merz rejected any demand that Kyiv abandon its NATO hopes',
    ]);
    const chosen = article.querySelectorAll('mark[data-selected]');
    expect([...chosen].map((m) => m.getAttribute('data-positions'))).toEqual(['merz-nato']);
    // Effects run after the render: wait for the reveal rather than race it.
    await vi.waitFor(() => expect(reveal).toHaveBeenCalledWith(chosen[0]));
    expect(root.querySelector('h1')!.textContent).toBe('Talks in Geneva end without agreement');
  });

  it('lists who took which position in a legend, and choosing one moves the emphasis', async () => {
    const { root, replaceSearch } = await mount('?source=geneva-talks', api(view()));
    const items = [...root.querySelectorAll('.src-legend li')];
    expect(items.map((li) => li.querySelector('.src-who')!.textContent)).toEqual([
      'Friedrich Merz',
      'Friedrich Merz',
      'us-delegation',
    ]);
    expect(items[2]!.textContent).toContain('not found in this text');
    expect(root.querySelector('mark[data-selected]')).toBeNull();
    items[0]!.querySelector('button')!.click();
    await vi.waitFor(() =>
      expect(root.querySelector('mark[data-selected]')!.getAttribute('data-positions')).toBe(
        'merz-ceasefire',
      ),
    );
    expect(replaceSearch).toHaveBeenLastCalledWith('?source=geneva-talks&position=merz-ceasefire');
    expect(root.querySelector('li[aria-current=true]')!.getAttribute('data-position')).toBe(
      'merz-ceasefire',
    );
  });

  it('renders the text as text even when it looks like markup', async () => {
    const hostile = '<img src=x onerror=alert(1)> a ceasefire must come first';
    const v = view({ text: hostile });
    v.positions = [v.positions[0]!];
    const { root } = await mount('?source=geneva-talks&position=merz-ceasefire', api(v));
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('article')!.textContent).toBe(hostile);
    expect(root.querySelector('mark')!.textContent).toBe('a ceasefire must come first');
  });

  it('explains a source without text, and a source that is not installed', async () => {
    const { root } = await mount('?source=geneva-talks', api(view({ text: null })));
    expect(root.querySelector('.src-missing')!.textContent).toContain('does not carry the text');
    expect(root.querySelectorAll('.src-legend blockquote')).toHaveLength(1);
    const missing = await mount('?source=gone', api(null));
    expect(missing.root.querySelector('[role=alert]')!.textContent).toContain('No installed pack');
    const bad = await mount('?source=', api(view()));
    expect(bad.root.querySelector('[role=alert]')!.textContent).toBe(
      'This link names no valid source.',
    );
  });
});
