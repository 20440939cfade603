import { describe, expect, it } from 'vitest';
import { resolveTabId, tabIdFromSearch } from '@/utils/pages/tab';

describe('tab id', () => {
  it('reads ?tabId and rejects junk', () => {
    expect(tabIdFromSearch('?tabId=42')).toBe(42);
    expect(tabIdFromSearch('?tabId=-1')).toBeNull();
    expect(tabIdFromSearch('?tabId=4x')).toBeNull();
    expect(tabIdFromSearch('')).toBeNull();
  });

  it('prefers the query parameter, else the active tab', async () => {
    const tabs = { query: async () => [{ id: 7 }] };
    expect(await resolveTabId('?tabId=3', tabs)).toBe(3);
    expect(await resolveTabId('', tabs)).toBe(7);
    expect(await resolveTabId('', { query: async () => [] })).toBeNull();
    expect(
      await resolveTabId('', { query: async () => Promise.reject(new Error('no')) }),
    ).toBeNull();
  });
});
