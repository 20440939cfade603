/**
 * The content script: a loader, and nothing else every page must compile or run. The manifest
 * lists it (wxt.config.ts) with the highlight styles (entrypoints/content.css) on every http(s)
 * page at `document_idle`.
 *
 * The task that evaluates it only sets a timer: no extension API is touched there (the first
 * touch of `chrome.runtime` builds the API's bindings, about 1.5 ms), and it is not a WXT content
 * script, whose wrapper builds its context (and touches the runtime) during evaluation. In the
 * timer's task it asks for the spotting bundle (`spotter.js`, utils/spotting/on-page.ts) and
 * starts reading the settings and the dictionary (utils/spotting/early-storage.ts), so both
 * arrive while the page finishes its own work; the bundle creates the WXT context itself and does
 * its heavy work in idle time. Why a
 * loader: docs/spotting.md, "Start".
 */
import { SPOTTING_BUNDLE } from '@/utils/spotting/bundle-slot';
import { importBundle } from '@/utils/lazy-bundle';
import { pageApi } from '@/utils/page-api';
import { openEarly, PAGE_KEYS } from '@/utils/spotting/early-storage';
import type { PageStorage } from '@/utils/spotting/on-page';

export default defineUnlistedScript(() => {
  setTimeout(() => {
    const api = pageApi();
    // Read now, while the bundle is fetched; the bundle takes over the read and its listener.
    const store = openEarly(
      {
        get: (keys) => api.storage.local.get(keys),
        onChanged: api.storage.onChanged as unknown as PageStorage['onChanged'],
      },
      PAGE_KEYS,
    );
    // A failed import (the extension was updated or removed under the page) leaves the page as
    // it is.
    importBundle(SPOTTING_BUNDLE)().then(
      (bundle) => bundle.start(store),
      () => store.close(),
    );
  }, 0);
});
