/**
 * The spotting bundle (`spotter.js`, entrypoints/spotter.ts): everything the content script runs
 * on a page. The content script itself is only a loader (entrypoints/content-loader.ts) that
 * imports this bundle in a task of its own, so the task that evaluates it compiles and runs next
 * to nothing (docs/spotting.md, "Start").
 *
 * Started, the bundle honours the per-site switch before anything is scanned, reads the settings
 * and the alias dictionary from `storage.local` (the background never has to wake up for a page),
 * then, in a task of its own, sets up the highlights, the mention index and the matcher (its trie
 * comes built with the dictionary: utils/spotting/stored-tables.ts); the first scan follows in
 * slices of a few ms, each a task of its own (docs/spotting.md, "Start"). Once the first name is highlighted it loads the hover side (the
 * pointer hit-test, the hover-intent timing, the keyboard walk: `hover.js`, utils/card). It
 * follows settings and pack changes live and client-side navigation, and answers the popup's page
 * report. No schema library, no UI library and no messaging library run here. It sends nothing
 * off the machine and asks the background nothing: only the card, once loaded, asks it for card
 * data.
 */
import { browser } from 'wxt/browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { HoverCards } from '../card';
import { importBundle } from '../lazy-bundle';
import type { PageReport } from '../messaging';
import { isSiteDisabled, readSettings, SETTINGS_KEY } from '../settings-reader';
import { onTabMessage } from '../tab-message';
import { ignoreForgedRestarts } from '../page-guard';
import { ok } from '../views';
import { HOVER_BUNDLE, type HoverBundle } from './bundle-slot';
import { createSpotting, type SpottingController } from './controller';
import type { Highlighter } from './highlight';
import { nextTask } from '../idle';
import { PAGE_KEYS } from './early-storage';
import { DICTIONARY_KEY } from './storage-keys';
import { readDictionary } from './stored-dictionary';
import { pageWords } from './words';

/** The bundle's entry point, left for the loader (utils/lazy-bundle.ts). */
export interface SpottingBundle {
  /**
   * Runs spotting on the page until the extension goes away (or an update replaces it), reading
   * settings and dictionary from `store` (the loader's early read, utils/spotting/early-storage.ts).
   */
  start(store: PageStorage): Promise<void>;
}

/** Storage as the page side reads it (a fake in tests). */
export interface PageStorage {
  get(keys: string[]): Promise<Record<string, unknown>>;
  onChanged: {
    addListener(cb: StorageListener): void;
    removeListener(cb: StorageListener): void;
  };
}
export type StorageListener = (
  changes: Record<string, { newValue?: unknown }>,
  area: string,
) => void;

const browserStorage = (): PageStorage => ({
  get: (keys) => browser.storage.local.get(keys),
  onChanged: browser.storage.onChanged as unknown as PageStorage['onChanged'],
});

/** What the page side runs on; tests pass fakes. */
export interface PageDeps {
  store?: PageStorage;
  doc?: Document;
  win?: Window & typeof globalThis;
  highlighter?: Highlighter;
  /** Loads the hover bundle; by default the extension's web-accessible `hover.js`. */
  loadHover?: () => Promise<HoverBundle>;
}

/** Runs spotting on one page; `ctx` is the content script's (its signal ends everything). */
export async function startOnPage(
  ctx: Pick<ContentScriptContext, 'signal' | 'isInvalid' | 'onInvalidated' | 'addEventListener'>,
  {
    store = browserStorage(),
    doc = document,
    win = window,
    highlighter,
    loadHover = importBundle(HOVER_BUNDLE),
  }: PageDeps = {},
): Promise<void> {
  const host = win.location.hostname;
  // Read, then watched from the same task on: no change falls between the two.
  const stored = await store.get([...PAGE_KEYS]).catch(() => ({}) as Record<string, unknown>);
  if (ctx.isInvalid) return;
  let settings = readSettings(stored[SETTINGS_KEY]);
  let enabled = !isSiteDisabled(settings, host);
  let spotting: SpottingController | null = null;
  let cards: HoverCards | null = null;

  /** Created on the first enabled moment only: a switched-off site gets nothing at all. */
  const ensureSpotting = (): SpottingController => {
    if (spotting) return spotting;
    const created = createSpotting(ctx.signal, {
      style: settings.highlightStyle,
      doc,
      win,
      ...(highlighter ? { highlighter } : {}),
    });
    spotting = created;
    startHoverOnFirstName(created);
    // No dictionary in storage yet (the background is still publishing its first one): it
    // arrives through storage.onChanged below.
    const dictionary = readDictionary(stored[DICTIONARY_KEY]);
    if (dictionary) created.setDictionary(dictionary);
    return created;
  };

  /**
   * The hover side (pointer hit-test, hover timing, keyboard walk; `hover.js`) loads once the
   * page's first name is highlighted: a page that names nobody never loads it or listens to the
   * pointer. A failed import is tried again on the next change of the page's names.
   */
  const startHoverOnFirstName = (created: SpottingController) => {
    let loading = false;
    const check = () => {
      if (loading || cards || created.index.all().length === 0) return;
      loading = true;
      loadHover().then(
        (hover) => {
          if (ctx.signal.aborted || cards) return;
          unsubscribe();
          cards = hover.start(created.index, ctx.signal, {
            hoverDelayMs: () => settings.hoverDelayMs,
            words: () => pageWords(doc),
            doc,
          });
        },
        () => {
          loading = false;
        },
      );
    };
    const unsubscribe = created.index.subscribe(check);
    ctx.onInvalidated(unsubscribe);
    check();
  };

  // The set-up in a task of its own, apart from the one that evaluated the bundle; the scan's
  // slices follow, each in its own task.
  const cancel = nextTask(
    win,
    () => {
      if (enabled) ensureSpotting();
    },
    ctx.signal,
  );
  ctx.onInvalidated(cancel);

  const onStorage: StorageListener = (changes, area) => {
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
  store.onChanged.addListener(onStorage);
  ctx.onInvalidated(() => store.onChanged.removeListener(onStorage));

  // Client-side navigation: WXT reports URL changes; the spotter also notices them on the
  // page's next mutation batch.
  ctx.addEventListener(win, 'wxt:locationchange', (event) => {
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
      pageWords: enabled ? pageWords(doc) : [],
    };
    return ok(report);
  });
  ctx.onInvalidated(removeReport);
}

/**
 * The content script's WXT context, made here rather than by a WXT content script (the loader is
 * a plain script: entrypoints/content-loader.ts). Made, it tells an older copy of the bundle left
 * on the page by an update of the extension to stop; then the page's forged copies of that signal
 * are ignored (utils/page-guard.ts). Its name goes into no event the page can see: the loader
 * does not post WXT's start message to the page.
 */
function contentScriptContext(): ContentScriptContext {
  const ctx = new ContentScriptContext('content', {
    matches: [],
    noScriptStartedPostMessage: true,
  });
  ignoreForgedRestarts(ctx.signal);
  return ctx;
}

export const spottingBundle: SpottingBundle = {
  start: (store) => startOnPage(contentScriptContext(), { store }),
};
