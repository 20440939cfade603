/**
 * The two typed channels of the message map in ./messaging.ts, without its Zod schemas: the
 * content script and the card bundle import these, so no schema is built on a web page. The
 * background still parses every request it receives (utils/background/handlers.ts).
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { BackgroundProtocol, TabProtocol } from './messaging';

/** Content scripts and extension pages ask the background, which owns the store. */
export const backgroundMessenger = defineExtensionMessaging<BackgroundProtocol>();
/** Extension pages (the popup) and the background ask the content script of one tab. */
export const tabMessenger = defineExtensionMessaging<TabProtocol>();

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
