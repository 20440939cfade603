import { describe, expect, it } from 'vitest';
import { HIGHLIGHT_NAME, Highlighter, type HighlightLike } from '@/utils/spotting/highlight';

class FakeHighlight extends Set<AbstractRange> implements HighlightLike {}

describe('Highlighter', () => {
  it('registers one highlight under the name of the chosen style, on the first range', () => {
    const registry = new Map<string, HighlightLike>();
    const h = new Highlighter(registry, FakeHighlight, 'underline');
    expect([...registry.keys()]).toEqual([]);
    h.add({} as AbstractRange);
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

  it("touches the browser's registry only when the first name is drawn", () => {
    const looked: string[] = [];
    const registry = new Map<string, HighlightLike>();
    const saved = Object.getOwnPropertyDescriptor(globalThis, 'CSS');
    const savedCtor = Object.getOwnPropertyDescriptor(globalThis, 'Highlight');
    Object.defineProperty(globalThis, 'CSS', {
      configurable: true,
      get: () => (looked.push('CSS'), { highlights: registry }),
    });
    Object.defineProperty(globalThis, 'Highlight', {
      configurable: true,
      get: () => (looked.push('Highlight'), FakeHighlight),
    });
    try {
      // A page that names nobody: made, styled, cleared and disposed, never drawn on.
      const idle = new Highlighter(undefined, undefined, 'background');
      idle.setStyle('underline');
      idle.clear();
      idle.dispose();
      expect(looked).toEqual([]);
      expect(registry.size).toBe(0);

      const h = new Highlighter(undefined, undefined, 'background');
      h.add({} as AbstractRange);
      expect(looked).toEqual(['CSS', 'Highlight']);
      expect(registry.get('standpoint-mention-background')!.size).toBe(1);
      h.add({} as AbstractRange);
      expect(looked).toHaveLength(2);
      h.dispose();
      expect(registry.size).toBe(0);
    } finally {
      if (saved) Object.defineProperty(globalThis, 'CSS', saved);
      else delete (globalThis as { CSS?: unknown }).CSS;
      if (savedCtor) Object.defineProperty(globalThis, 'Highlight', savedCtor);
      else delete (globalThis as { Highlight?: unknown }).Highlight;
    }
  });

  it('does nothing where the API is missing', () => {
    const h = new Highlighter(null, null);
    expect(h.supported).toBe(false);
    h.add({} as AbstractRange);
    h.setStyle('background');
    h.dispose();
  });
});
