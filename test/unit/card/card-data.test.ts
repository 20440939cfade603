import { describe, expect, it, vi } from 'vitest';
import { createCardLoader } from '@/utils/card/card-data';
import { err, ok } from '@/utils/views';
import { merzCard } from './fixtures';

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
