/**
 * Asking one tab's content script, without a console error when there is none.
 *
 * `tabMessenger.sendMessage(type, data, tabId)` of @webext-core/messaging hands `tabs.sendMessage`
 * a callback that never reads `runtime.lastError`, so every tab without our content script (a
 * browser page, a tab opened before the install, a moz-extension page) leaves "Unchecked
 * runtime.lastError: Could not establish connection" in the browser's console. The promise form
 * of the API turns that into a rejection the caller handles. The message is the library's wire
 * format, so the content script's `tabMessenger.onMessage` handlers answer it unchanged.
 */
import { browser } from '#imports';
import type { TabProtocol } from './messaging';

type Data<K extends keyof TabProtocol> = Parameters<TabProtocol[K]>[0];
type Reply<K extends keyof TabProtocol> = ReturnType<TabProtocol[K]>;

/** The library's envelope: `{ id, type, data, timestamp }` out, `{ res } | { err }` back. */
interface Envelope {
  res?: unknown;
  err?: { message?: unknown } | null;
}

let nextId = Math.floor(Math.random() * 10_000);

/**
 * Sends `type` to the content script of `tabId` and resolves with its answer.
 * @throws when no content script listens in that tab, or its handler threw.
 */
export async function sendToTab<K extends keyof TabProtocol>(
  tabId: number,
  type: K,
  data?: Data<K>,
  send: (tabId: number, message: unknown) => Promise<unknown> = (id, message) =>
    browser.tabs.sendMessage(id, message),
): Promise<Reply<K>> {
  const reply = (await send(tabId, { id: nextId++, type, data, timestamp: Date.now() })) as
    Envelope | undefined;
  if (reply == null) throw new Error(`No content script answered "${type}"`);
  if (reply.err != null) throw new Error(String(reply.err.message ?? 'The content script failed'));
  return reply.res as Reply<K>;
}
