import { describe, expect, it, vi } from 'vitest';
import { openEarly } from '@/utils/spotting/early-storage';
import type { PageStorage, StorageListener } from '@/utils/spotting/on-page';

/** A `storage.local` that counts its reads and its listeners. */
function area(data: Record<string, unknown>) {
  const listeners = new Set<StorageListener>();
  const reads: string[][] = [];
  const store: PageStorage = {
    get: async (keys) => {
      reads.push(keys);
      return Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]]));
    },
    onChanged: {
      addListener: (cb) => listeners.add(cb),
      removeListener: (cb) => listeners.delete(cb),
    },
  };
  const change = (key: string, value: unknown) => {
    data[key] = value;
    for (const cb of listeners) cb({ [key]: { newValue: value } }, 'local');
  };
  return { store, listeners, reads, change };
}

describe('storage opened early by the loader', () => {
  it('reads at once, and answers the same read with it', async () => {
    const a = area({ settings: 1, dictionary: 2, other: 3 });
    const early = openEarly(a.store, ['settings', 'dictionary']);
    expect(a.reads).toEqual([['settings', 'dictionary']]);
    expect(await early.get(['dictionary', 'settings'])).toEqual({ settings: 1, dictionary: 2 });
    expect(a.reads).toHaveLength(1);
    expect(await early.get(['other'])).toEqual({ other: 3 });
    expect(a.reads).toHaveLength(2);
  });

  it('keeps the changes heard before anyone listens and hands them over first, in order', () => {
    const a = area({});
    const early = openEarly(a.store, ['dictionary']);
    a.change('dictionary', 'v1');
    a.change('dictionary', 'v2');
    const heard = vi.fn();
    early.onChanged.addListener(heard);
    expect(heard.mock.calls.map((c) => c[0].dictionary.newValue)).toEqual(['v1', 'v2']);
    a.change('dictionary', 'v3');
    expect(heard.mock.calls.map((c) => c[0].dictionary.newValue)).toEqual(['v1', 'v2', 'v3']);
  });

  it('stops listening when its listener goes, or when closed before anyone came', () => {
    const a = area({});
    const early = openEarly(a.store, ['dictionary']);
    const heard = vi.fn();
    early.onChanged.addListener(heard);
    early.onChanged.removeListener(heard);
    expect(a.listeners.size).toBe(0);

    const unused = openEarly(a.store, ['dictionary']);
    a.change('dictionary', 'kept');
    unused.close();
    expect(a.listeners.size).toBe(0);
  });
});
