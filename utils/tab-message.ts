/**
 * The channel from the extension (popup, background) to one tab's content script, both ends.
 *
 * Out: `{ type, data }` with `tabs.sendMessage` in its promise form, so a tab without our content
 * script (a browser page, a tab opened before the install) is a rejection the caller handles,
 * not an unchecked `runtime.lastError` in the console. Back: `{ res }` or `{ err: { message } }`.
 *
 * Written here rather than with @webext-core/messaging (which the background channel uses): its
 * tab sender never reads `runtime.lastError`, and its receiver with its error serialisation was a
 * tenth of the always-on content script for two message types.
 */
import { browser } from '#imports';
import { errorMessage } from './format';
import type { TabProtocol } from './messaging';

type Data<K extends keyof TabProtocol> = Parameters<TabProtocol[K]>[0];
type Reply<K extends keyof TabProtocol> = ReturnType<TabProtocol[K]>;

/** What comes back: the handler's result, or the message of what it threw. */
interface Envelope {
  res?: unknown;
  err?: { message?: unknown } | null;
}

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
  const reply = (await send(tabId, { type, data })) as Envelope | undefined;
  if (reply == null) throw new Error(`No content script answered "${type}"`);
  if (reply.err != null) throw new Error(String(reply.err.message ?? 'The content script failed'));
  return reply.res as Reply<K>;
}

/** The part of `runtime.onMessage` used here, so tests can pass a fake. */
export interface MessageEvents {
  addListener(listener: TabListener): void;
  removeListener(listener: TabListener): void;
}
type TabListener = (
  message: unknown,
  sender: { id?: string },
  sendResponse: (reply: Envelope) => void,
) => true | undefined;

/**
 * Answers `type` in a content script with `handler`, which gets the message's data unchecked
 * (handlers check it by hand: no schema library runs on a page). Only the extension itself can
 * reach this listener; a message from another extension id is ignored. Returns a remover.
 */
export function onTabMessage<K extends keyof TabProtocol>(
  type: K,
  handler: (data: unknown) => Reply<K>,
  events: MessageEvents = browser.runtime.onMessage as unknown as MessageEvents,
  ownId: string | undefined = browser.runtime.id,
): () => void {
  const listener: TabListener = (message, sender, sendResponse) => {
    if (typeof message !== 'object' || message === null) return undefined;
    if ((message as { type?: unknown }).type !== type || sender.id !== ownId) return undefined;
    try {
      sendResponse({ res: handler((message as { data?: unknown }).data) });
    } catch (error) {
      sendResponse({ err: { message: errorMessage(error) } });
    }
    return undefined;
  };
  events.addListener(listener);
  return () => events.removeListener(listener);
}

/** The card's keyboard commands: open the card for the name at or after the selection, or walk. */
export const CARD_COMMANDS = ['open-card', 'next-name', 'previous-name'] as const;
export type CardCommand = (typeof CARD_COMMANDS)[number];

/** A `cardCommand` request's command, checked by hand (no schema in the content script), or null. */
export function cardCommandOf(data: unknown): CardCommand | null {
  if (typeof data !== 'object' || data === null) return null;
  const keys = Object.keys(data);
  const command = (data as { command?: unknown }).command;
  if (keys.length !== 1 || typeof command !== 'string') return null;
  return (CARD_COMMANDS as readonly string[]).includes(command) ? (command as CardCommand) : null;
}
