/**
 * The always-on side of the card: a `CardSurface` that loads the card bundle (Preact, the
 * components, Floating UI, card data) on first use, once per page. The hover controller calls it
 * at the prefetch point (a pointer resting on a name, PREFETCH_DWELL_MS) and on the first
 * keyboard command, so a page where nobody hovers a name never loads the bundle, and a deliberate
 * hover finds it loaded by the end of the hover delay.
 *
 * The bundle is `card.js`, a web-accessible script loaded with a dynamic `import()` from the
 * content script: it runs in the content script's isolated world, which is where it leaves its
 * entry point (utils/lazy-bundle.ts). Why this route: docs/card.md, "Loaded on demand".
 */
import { bundleSlot, importBundle } from '../lazy-bundle';
import type { Mention } from '@/utils/spotting/types';
import type { CardSurface, OpenReason } from './hover-controller';
import { whenIdle } from '../idle';
import { warmIntl, WARM_STEP_TIMEOUT_MS } from './idle';

/** The bundle's file, listed in the manifest's `web_accessible_resources`. */
const CARD_BUNDLE_PATH = '/card.js';

/** What the content script gives the card when it starts it. */
export interface CardStartOptions {
  signal: AbortSignal;
  doc: Document;
  /** The page's frequent words, sent with card requests to rank topics. */
  words: () => string[];
  /** The card's own close button was used: the controller forgets the card. */
  onCloseRequest: () => void;
}

/** The card as started on a page. */
interface StartedCard {
  surface: CardSurface;
  /**
   * The pointer rests on `mention`: loads its card data and sets its card up during the hover
   * delay, so the open at the delay's end only shows and places it.
   */
  prefetch(mention: Mention, point?: { x: number; y: number }): void;
  /** The installed packs changed: cached cards are stale. */
  packsChanged(): void;
}

/** The card bundle's entry point. */
export interface CardBundle {
  start(opts: CardStartOptions): StartedCard;
}

/** Where the card bundle lives in the build, and the key it leaves its entry point under. */
export const CARD_BUNDLE = bundleSlot<CardBundle>(CARD_BUNDLE_PATH, 'standpoint.card-bundle');

/** Imports the bundle from the extension (once; a failed load is tried again on next use). */
export const importCardBundle = (): (() => Promise<CardBundle>) => importBundle(CARD_BUNDLE);

export interface LazyCard extends StartedCard {
  /** Loads the bundle and starts the card, if not done yet. */
  ensure(): Promise<StartedCard>;
  /** True once the bundle is loaded and the card started. */
  readonly loaded: boolean;
}

/**
 * A card that starts its bundle on first use. An `open` before the bundle is here is kept and
 * carried out once it arrives, unless a `close` or another `open` came in between.
 */
export function createLazyCard(load: () => Promise<CardBundle>, opts: CardStartOptions): LazyCard {
  let card: StartedCard | null = null;
  let starting: Promise<StartedCard> | null = null;
  let wanted: { mention: Mention; reason: OpenReason; point?: { x: number; y: number } } | null =
    null;
  let intlWarmed = false;

  const ensure = (): Promise<StartedCard> =>
    (starting ??= load().then(
      (bundle) => {
        if (!card && !opts.signal.aborted) card = bundle.start(opts);
        if (!card) throw new Error('The page was left before the card loaded.');
        return card;
      },
      (error: unknown) => {
        starting = null;
        wanted = null;
        throw error;
      },
    ));

  const surface: CardSurface = {
    open(mention, reason, point) {
      if (card) {
        card.surface.open(mention, reason, point);
        return;
      }
      const want = (wanted = { mention, reason, ...(point ? { point } : {}) });
      ensure().then(
        (c) => {
          if (wanted !== want) return;
          wanted = null;
          c.surface.open(want.mention, want.reason, want.point);
        },
        () => undefined,
      );
    },
    close() {
      wanted = null;
      card?.surface.close();
    },
    contains: (target) => card?.surface.contains(target) ?? false,
  };

  return {
    surface,
    ensure,
    get loaded() {
      return card !== null;
    },
    prefetch(mention, point) {
      if (card) {
        card.prefetch(mention, point);
        return;
      }
      ensure().then(
        (c) => c.prefetch(mention, point),
        () => undefined,
      );
      // While the bundle loads: the first Intl call, the costliest single part of a first card.
      if (!intlWarmed) {
        intlWarmed = true;
        whenIdle(opts.doc.defaultView ?? window, warmIntl, WARM_STEP_TIMEOUT_MS, opts.signal);
      }
    },
    packsChanged() {
      // Nothing is cached before the bundle loads.
      card?.packsChanged();
    },
  };
}
