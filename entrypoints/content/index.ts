/**
 * The content script: a loader, and nothing else every page must compile. In the task that
 * evaluates it, it only guards WXT's restart event (utils/page-guard.ts) and asks for the page's
 * first idle period; there it imports the spotting bundle (`spotter.js`, utils/spotting/on-page.ts:
 * the site switch, the dictionary, the matcher, the scan, the highlights, the hover timing, the
 * page report) and hands it the page. The bundle is a web-accessible script of the extension run
 * in this script's isolated world (utils/lazy-bundle.ts). Why a loader: docs/spotting.md, "Start".
 */
import '@/utils/spotting/highlight.css';
import { importBundle } from '@/utils/lazy-bundle';
import { ignoreForgedRestarts } from '@/utils/page-guard';
import { SPOTTING_BUNDLE } from '@/utils/spotting/bundle-slot';
import { IDLE_TIMEOUT_MS } from '@/utils/idle';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // No message to the page carrying our extension id (utils/page-guard.ts).
  noScriptStartedPostMessage: true,
  main(ctx) {
    ignoreForgedRestarts(ctx.signal);
    // Nothing else in the task that evaluates this script: even the first touch of the storage
    // API costs milliseconds there. The page's load comes first.
    ctx.requestIdleCallback(
      () => {
        if (ctx.isInvalid) return;
        // The bundle reads the settings and the dictionary itself, and watches them from that
        // moment on: read here, while it loads, a change in between would be lost.
        // A failed import (the extension was updated or removed under the page) leaves the page
        // as it is.
        importBundle(SPOTTING_BUNDLE)().then(
          (bundle) => void (ctx.isInvalid || bundle.start(ctx)),
          () => undefined,
        );
      },
      { timeout: IDLE_TIMEOUT_MS },
    );
  },
});
