/**
 * The extension API as the content script's loader reaches it: through the `chrome` namespace
 * (Chrome and Firefox both have it), and only when called. Importing `wxt/browser` instead would
 * pick the namespace, and touch `browser.runtime`, while the loader is evaluated: that first touch
 * builds the API's bindings (about 1.5 ms) in the task every page pays for
 * (entrypoints/content-loader.ts). Later code on the page uses `wxt/browser` as usual.
 */
import type { WxtBrowser } from 'wxt/browser';

export const pageApi = (): WxtBrowser => (globalThis as unknown as { chrome: WxtBrowser }).chrome;
