/**
 * The typed channel to the background of the message map in ./messaging.ts, without its Zod
 * schemas: the card bundle and extension pages import it, so no schema is built on a web page.
 * The background still parses every request it receives (utils/background/handlers.ts). The
 * channel to a tab's content script is ./tab-message.ts.
 */
import { defineExtensionMessaging } from '@webext-core/messaging';
import type { BackgroundProtocol } from './messaging';

/** Content scripts and extension pages ask the background, which owns the store. */
export const backgroundMessenger = defineExtensionMessaging<BackgroundProtocol>();
