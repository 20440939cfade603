/**
 * The content script: wiring only. Honours the per-site switch before anything is scanned,
 * gets the alias dictionary from the background, starts spotting and the hover cards, follows
 * settings and pack changes live, and answers the popup's page report. It sends nothing off the
 * machine: its only messages go to the extension's own background.
 */
// First: Zod must be jitless before any schema is built (no eval under the extension CSP).
import '@/utils/zod-jitless';
import '@/utils/spotting/highlight.css';
import { startHoverCards } from '@/utils/card';
import { backgroundMessenger, tabMessenger, type PageReport } from '@/utils/messaging';
import {
  DEFAULT_SETTINGS,
  dictionaryVersionItem,
  isSiteDisabled,
  loadSettings,
  watchSettings,
  type Settings,
} from '@/utils/settings';
import { createSpotting, type SpottingController } from '@/utils/spotting/controller';
import { dictionarySchema } from '@/utils/spotting/dictionary';
import { pageWords } from '@/utils/spotting/words';
import { ok } from '@/utils/views';

/** A dictionary request that failed (the background was waking up) is tried again after this, ms. */
const DICTIONARY_RETRY_MS = 1500;

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const host = location.hostname;
    let settings: Settings = await loadSettings().catch(() => DEFAULT_SETTINGS);
    let enabled = !isSiteDisabled(settings, host);
    let spotting: SpottingController | null = null;

    const loadDictionary = async (retry = true): Promise<void> => {
      if (!spotting || ctx.isInvalid) return;
      const reply = await backgroundMessenger
        .sendMessage('getDictionary', { knownVersion: spotting.dictionaryVersion ?? undefined })
        .catch(() => null);
      if (!spotting || ctx.isInvalid) return;
      if (!reply || !reply.ok) {
        if (retry) ctx.setTimeout(() => void loadDictionary(false), DICTIONARY_RETRY_MS);
        return;
      }
      if (reply.value === null) return; // the dictionary in use is current
      const parsed = dictionarySchema.safeParse(reply.value);
      if (parsed.success) spotting.setDictionary(parsed.data);
    };

    /** Created on the first enabled moment only: a switched-off site gets nothing at all. */
    const ensureSpotting = (): SpottingController => {
      if (spotting) return spotting;
      spotting = createSpotting(ctx.signal, { style: settings.highlightStyle });
      void startHoverCards(spotting.index, ctx.signal).catch(() => undefined);
      void loadDictionary();
      return spotting;
    };

    if (enabled) ensureSpotting();

    const unwatchSettings = watchSettings((next) => {
      settings = next;
      const nowEnabled = !isSiteDisabled(next, host);
      if (nowEnabled !== enabled) {
        enabled = nowEnabled;
        if (enabled) ensureSpotting().setEnabled(true);
        else spotting?.setEnabled(false);
      }
      spotting?.setStyle(next.highlightStyle);
    });
    ctx.onInvalidated(unwatchSettings);

    const unwatchPacks = dictionaryVersionItem.watch(() => {
      if (enabled) void loadDictionary();
    });
    ctx.onInvalidated(unwatchPacks);

    // Client-side navigation: WXT reports URL changes; the spotter also notices them on the
    // page's next mutation batch.
    ctx.addEventListener(window, 'wxt:locationchange', (event) => {
      const { newUrl, oldUrl } = event;
      // A jump to an anchor (#section) stays on the same page: nothing to rescan.
      if (newUrl.href.split('#')[0] !== oldUrl.href.split('#')[0]) spotting?.rescan();
    });

    const removeReport = tabMessenger.onMessage('getPageReport', () => {
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
