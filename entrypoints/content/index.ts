/**
 * The content script: wiring only, and only what every page needs. It starts in the page's first
 * idle period, honours the per-site switch before anything is scanned, reads the settings and the
 * alias dictionary from `storage.local` (the background never has to wake up for a page), builds
 * the matcher and scans in idle time, follows settings and pack changes live, answers the popup's
 * page report, and starts the hover-intent timing; the card itself loads on the first hover
 * intent or keyboard command (utils/card/lazy-card.ts). No schema library, no UI library and no
 * messaging library run here. It sends nothing off the machine and asks the background nothing:
 * only the card, once loaded, asks it for card data.
 */
import '@/utils/spotting/highlight.css';
import { browser } from 'wxt/browser';
import { startHoverCards, type HoverCards } from '@/utils/card';
import type { PageReport } from '@/utils/messaging';
import { isSiteDisabled, readSettings, SETTINGS_KEY } from '@/utils/settings-reader';
import { createSpotting, type SpottingController } from '@/utils/spotting/controller';
import { IDLE_TIMEOUT_MS } from '@/utils/spotting/spotter';
import { DICTIONARY_KEY, readDictionary } from '@/utils/spotting/stored-dictionary';
import { pageWords } from '@/utils/spotting/words';
import { onTabMessage } from '@/utils/tab-message';
import { ok } from '@/utils/views';
import { ignoreForgedRestarts } from '@/utils/page-guard';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // No message to the page carrying our extension id (utils/page-guard.ts).
  noScriptStartedPostMessage: true,
  async main(ctx) {
    ignoreForgedRestarts(ctx.signal);
    // Nothing at all in the task that evaluates this script: even the first touch of the
    // storage API costs milliseconds there. The page's load comes first.
    await new Promise<void>((resolve) => {
      ctx.requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    });
    if (ctx.isInvalid) return;
    const host = location.hostname;
    const stored: Record<string, unknown> = await browser.storage.local
      .get([SETTINGS_KEY, DICTIONARY_KEY])
      .catch(() => ({}));
    if (ctx.isInvalid) return;
    let settings = readSettings(stored[SETTINGS_KEY]);
    let enabled = !isSiteDisabled(settings, host);
    let spotting: SpottingController | null = null;
    let cards: HoverCards | null = null;

    /** Created on the first enabled moment only: a switched-off site gets nothing at all. */
    const ensureSpotting = (): SpottingController => {
      if (spotting) return spotting;
      const created = createSpotting(ctx.signal, { style: settings.highlightStyle });
      spotting = created;
      cards = startHoverCards(created.index, ctx.signal, {
        hoverDelayMs: () => settings.hoverDelayMs,
        words: () => pageWords(document),
      });
      // No dictionary in storage yet (the background is still publishing its first one): it
      // arrives through storage.onChanged below.
      const dictionary = readDictionary(stored[DICTIONARY_KEY]);
      if (dictionary) created.setDictionary(dictionary);
      return created;
    };

    if (enabled) ensureSpotting();

    const onStorage = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local') return;
      if (SETTINGS_KEY in changes) {
        settings = readSettings(changes[SETTINGS_KEY]!.newValue);
        const nowEnabled = !isSiteDisabled(settings, host);
        if (nowEnabled !== enabled) {
          enabled = nowEnabled;
          if (enabled) ensureSpotting().setEnabled(true);
          else spotting?.setEnabled(false);
        }
        spotting?.setStyle(settings.highlightStyle);
      }
      if (DICTIONARY_KEY in changes) {
        stored[DICTIONARY_KEY] = changes[DICTIONARY_KEY]!.newValue;
        cards?.card.packsChanged();
        const dictionary = readDictionary(stored[DICTIONARY_KEY]);
        if (enabled && dictionary) spotting?.setDictionary(dictionary);
      }
    };
    browser.storage.onChanged.addListener(onStorage);
    ctx.onInvalidated(() => browser.storage.onChanged.removeListener(onStorage));

    // Client-side navigation: WXT reports URL changes; the spotter also notices them on the
    // page's next mutation batch.
    ctx.addEventListener(window, 'wxt:locationchange', (event) => {
      const { newUrl, oldUrl } = event;
      // A jump to an anchor (#section) stays on the same page: nothing to rescan.
      if (newUrl.href.split('#')[0] !== oldUrl.href.split('#')[0]) spotting?.rescan();
    });

    const removeReport = onTabMessage('getPageReport', () => {
      const summary = enabled && spotting ? spotting.summary() : { actorIds: [], counts: {} };
      const report: PageReport = {
        host,
        enabled,
        ...summary,
        pageWords: enabled ? pageWords(document) : [],
      };
      return ok(report);
    });
    ctx.onInvalidated(removeReport);
  },
});
