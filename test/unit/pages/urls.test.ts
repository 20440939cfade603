import { describe, expect, it } from 'vitest';
import {
  comparePath,
  compareSearch,
  parseCompareState,
  parseSourceSearch,
  sourceSearch,
  sourceViewerPath,
} from '@/utils/pages/urls';

describe('compare URL', () => {
  it('round-trips a selection', () => {
    const state = { actors: ['zelenskyy', 'merz'], topic: 'nato bid', disagree: true, all: true };
    const search = compareSearch(state);
    expect(search).toBe('?actors=zelenskyy,merz&topic=nato+bid&disagree=1&all=1');
    expect(parseCompareState(search)).toEqual(state);
  });

  it('drops malformed ids and duplicates', () => {
    expect(parseCompareState('?actors=merz,<script>,merz,,Zelenskyy').actors).toEqual(['merz']);
  });

  it('defaults to everything', () => {
    expect(parseCompareState('')).toEqual({ actors: [], topic: '', disagree: false, all: false });
    expect(comparePath()).toBe('/compare.html');
    expect(comparePath({ actors: ['merz'] })).toBe('/compare.html?actors=merz');
  });
});

describe('source viewer URL', () => {
  it('links to the source viewer, with or without a position', () => {
    expect(sourceViewerPath('reuters-1', 'merz-warns')).toBe(
      '/source.html?source=reuters-1&position=merz-warns',
    );
    expect(sourceViewerPath('reuters-1')).toBe('/source.html?source=reuters-1');
  });

  it('reads only valid ids from the query', () => {
    expect(parseSourceSearch('?source=geneva-talks&position=merz-nato')).toEqual({
      sourceId: 'geneva-talks',
      positionId: 'merz-nato',
    });
    expect(parseSourceSearch('?source=<script>')).toEqual({ sourceId: null, positionId: null });
    expect(parseSourceSearch(`?source=${'a'.repeat(65)}`).sourceId).toBeNull();
  });

  it('round-trips what it writes', () => {
    expect(parseSourceSearch(sourceSearch('geneva-talks', 'merz-nato'))).toEqual({
      sourceId: 'geneva-talks',
      positionId: 'merz-nato',
    });
    expect(parseSourceSearch(sourceSearch('geneva-talks'))).toEqual({
      sourceId: 'geneva-talks',
      positionId: null,
    });
  });
});
