/**
 * What a page may not do to the content script. WXT stops an older copy of a content script
 * when a newer one starts on the same page, by a `CustomEvent` on `document` whose type is
 * `<extension id>:content:wxt:content-script-started`. A page script can dispatch that event
 * too; unguarded, it would switch Standpoint off on that page. The legitimate case is an orphan:
 * a copy left on the page after the extension was updated or reloaded, whose `runtime.id` is
 * gone. So a living copy swallows the event before it reaches WXT's listener on `document`
 * (a capture listener on `window` runs first), and only an orphan lets it through.
 *
 * The other half, that WXT also posts the event to the page with `window.postMessage` (telling
 * every script on the page our extension id), is switched off by the content script's
 * `noScriptStartedPostMessage` option.
 */
import { browser } from 'wxt/browser';

/** WXT's name for the event (its `getUniqueEventName`), for the running content script. */
const scriptStartedEvent = () =>
  `${browser.runtime?.id}:${import.meta.env.ENTRYPOINT}:wxt:content-script-started`;

export function ignoreForgedRestarts(signal: AbortSignal, win: Window = window): void {
  win.addEventListener(
    scriptStartedEvent(),
    (event) => {
      if (browser.runtime?.id != null) event.stopImmediatePropagation();
    },
    { capture: true, signal },
  );
}
