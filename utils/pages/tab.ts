/**
 * Which tab the popup speaks about. Opened as the toolbar popup it is the active tab of the
 * current window; opened as a page (tests, a link from elsewhere) it is `?tabId=<n>`.
 */

/** The tab id from `?tabId=<n>`, or null when absent or not a non-negative integer. */
export function tabIdFromSearch(search: string): number | null {
  const raw = new URLSearchParams(search).get('tabId');
  if (raw === null || !/^\d{1,10}$/.test(raw)) return null;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : null;
}

/** The subset of `browser.tabs` used here; injected so tests need no browser. */
export interface TabsApi {
  query(q: { active: true; currentWindow: true }): Promise<{ id?: number }[]>;
}

/**
 * Resolves the tab: the query parameter wins, else the active tab of the current window
 * (its id needs no `tabs` permission). Null when neither gives one.
 */
export async function resolveTabId(search: string, tabs: TabsApi): Promise<number | null> {
  const fromUrl = tabIdFromSearch(search);
  if (fromUrl !== null) return fromUrl;
  try {
    const [active] = await tabs.query({ active: true, currentWindow: true });
    return active?.id ?? null;
  } catch {
    return null;
  }
}
