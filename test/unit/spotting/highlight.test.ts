import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_NAME, Highlighter, type HighlightLike } from '@/utils/spotting/highlight';

class FakeHighlight extends Set<AbstractRange> implements HighlightLike {}

describe('Highlighter', () => {
  it('registers one highlight under the name of the chosen style', () => {
    const registry = new Map<string, HighlightLike>();
    const h = new Highlighter(registry, FakeHighlight, 'underline');
    expect([...registry.keys()]).toEqual([HIGHLIGHT_NAME]);
    h.setStyle('background');
    expect([...registry.keys()]).toEqual(['standpoint-mention-background']);
    h.setStyle('none');
    expect([...registry.keys()]).toEqual([]);
    h.setStyle('underline');
    expect([...registry.keys()]).toEqual([HIGHLIGHT_NAME]);
  });

  it('keeps the ranges across style changes and removes only its own entry', () => {
    const registry = new Map<string, HighlightLike>();
    const pageOwn = new FakeHighlight();
    registry.set('page-search', pageOwn);
    const h = new Highlighter(registry, FakeHighlight);
    const range = {} as AbstractRange;
    h.add(range);
    h.setStyle('background');
    expect(registry.get('standpoint-mention-background')!.size).toBe(1);
    h.dispose();
    expect([...registry.keys()]).toEqual(['page-search']);
  });

  it('does nothing where the API is missing', () => {
    const h = new Highlighter(null, null);
    expect(h.supported).toBe(false);
    h.add({} as AbstractRange);
    h.setStyle('background');
    h.dispose();
  });
});
