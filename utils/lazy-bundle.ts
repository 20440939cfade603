/**
 * Scripts the content script loads on demand: a web-accessible script of the extension imported
 * with a dynamic `import()`. It runs in the content script's own isolated world and leaves its
 * entry point on that world's global under a `Symbol.for` key; the importer picks it up there.
 * The page's own `window` is another world: it never sees the key, the entry point or the URL.
 *
 * Two scripts use it: the spotting bundle (`spotter.js`, in the page's first idle period, docs/
 * spotting.md "Start") and the card bundle (`card.js`, on the first hover intent, docs/card.md).
 * Each is listed in the manifest's `web_accessible_resources` (Chrome: with `use_dynamic_url`).
 */
import type { PublicPath } from 'wxt/browser';
import { pageApi } from './page-api';
/** One on-demand script: its file in the build and the key its entry point is left under. */
export interface BundleSlot<T> {
  /** The script's path in the build, as `runtime.getURL` takes it (`/spotter.js`). */
  readonly path: string;
  readonly key: symbol;
  /** Never set: carries the entry point's type. */
  readonly type?: T;
}

/** Declares a bundle slot; `name` is unique per product (`standpoint.spotting-bundle`). */
export function bundleSlot<T>(path: string, name: string): BundleSlot<T> {
  return { path, key: Symbol.for(name) };
}

/** Called by the bundle as it is evaluated: leaves its entry point for the importer. */
export function registerBundle<T>(slot: BundleSlot<T>, entry: T, scope: object = globalThis): void {
  (scope as Record<symbol, unknown>)[slot.key] = entry;
}

/**
 * A loader for the bundle: imports it once and resolves with its entry point. A failed load (the
 * extension was updated or removed under the page) is tried again on the next call.
 */
export function importBundle<T>(
  slot: BundleSlot<T>,
  url: () => string = () => pageApi().runtime.getURL(slot.path as PublicPath),
  scope: object = globalThis,
): () => Promise<T> {
  let loading: Promise<T> | null = null;
  return () =>
    (loading ??= import(/* @vite-ignore */ url())
      .then(() => {
        const entry = (scope as Record<symbol, unknown>)[slot.key] as T | undefined;
        if (!entry) throw new Error(`${slot.path} loaded without its entry point.`);
        return entry;
      })
      .catch((error: unknown) => {
        loading = null;
        throw error;
      }));
}
