import { describe, expect, it, vi } from 'vitest';
import { createCardHost, CARD_HOST_TAG } from '@/utils/card/host';
import { createCardLoader } from '@/utils/card/card-data';
import { err, ok } from '@/utils/views';
import { merzCard } from './fixtures';

describe('card host', () => {
  it('creates one host on first use, pairs every show with a hide, and leaves the page on dispose', () => {
    document.documentElement.querySelectorAll(CARD_HOST_TAG).forEach((e) => e.remove());
    const host = createCardHost(document);
    expect(document.querySelector(CARD_HOST_TAG)).toBeNull(); // nothing until first use
    const layer = host.show(<p class="probe">one</p>);
    host.show(<p class="probe">two</p>);
    expect(document.querySelectorAll(CARD_HOST_TAG)).toHaveLength(1);
    const el = document.querySelector(CARD_HOST_TAG)!;
    expect(el.parentElement).toBe(document.documentElement);
    // The root is closed: page scripts get no handle on it.
    expect(el.shadowRoot).toBeNull();
    expect(layer.textContent).toBe('two');
    expect(host.contains(el)).toBe(true);
    expect(host.contains(document.body)).toBe(false);
    host.hide();
    expect(layer.textContent).toBe('');
    host.update(<p>ignored while hidden</p>);
    expect(layer.textContent).toBe('');
    // A page that removed the host gets it back on the next show.
    el.remove();
    host.show(<p>three</p>);
    expect(document.querySelector(CARD_HOST_TAG)).toBe(el);
    host.dispose();
    expect(document.querySelector(CARD_HOST_TAG)).toBeNull();
  });
});

describe('card loader', () => {
  it('asks once per actor with the page words, and serves the cached card', async () => {
    const getCards = vi.fn(async () => ok([merzCard]));
    const words = vi.fn(() => ['ceasefire', 'geneva']);
    const loader = createCardLoader(words, getCards);
    expect(loader.peek('merz')).toBeUndefined();
    const [a, b] = await Promise.all([loader.get('merz'), loader.get('merz')]);
    expect(a).toEqual(ok(merzCard));
    expect(b).toBe(a);
    expect(getCards).toHaveBeenCalledTimes(1);
    expect(getCards).toHaveBeenCalledWith({
      actorIds: ['merz'],
      pageWords: ['ceasefire', 'geneva'],
    });
    expect(loader.peek('merz')).toEqual(ok(merzCard));
    loader.clear();
    await loader.get('merz');
    expect(getCards).toHaveBeenCalledTimes(2);
  });

  it('does not cache failures, and reports a missing card as an error', async () => {
    const getCards = vi
      .fn()
      .mockResolvedValueOnce(err('store not ready'))
      .mockRejectedValueOnce(new Error('Could not establish connection'))
      .mockResolvedValueOnce(ok([]))
      .mockResolvedValueOnce(ok([merzCard]));
    const loader = createCardLoader(() => [], getCards);
    expect(await loader.get('merz')).toEqual(err('store not ready'));
    expect(await loader.get('merz')).toEqual(err('Could not establish connection'));
    const missing = await loader.get('merz');
    expect(missing.ok).toBe(false);
    expect(await loader.get('merz')).toEqual(ok(merzCard));
    // Without page words the hint is left out rather than sent empty.
    expect(getCards).toHaveBeenLastCalledWith({ actorIds: ['merz'] });
  });
});
