import type { Browser } from 'wxt/browser';

/**
 * The global scope of an extension context (service worker, extension page, content script
 * world), typed for functions passed to `worker.evaluate` / `page.evaluate`. Those functions run
 * in the browser, so they read `chrome` from their own global:
 * `const { chrome } = globalThis as ExtensionGlobal;`
 */
export type ExtensionGlobal = typeof globalThis & { chrome: typeof Browser };
