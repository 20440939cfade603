/**
 * Starts the hover cards in a content script: one call next to the spotter's wiring.
 *
 * ```ts
 * const cards = startHoverCards(mentionIndex, ctx.signal, { hoverDelayMs, words });
 * ```
 * This is the always-on part: the hover-intent timing, the keyboard walk and the keyboard
 * commands the background forwards. The card itself (rendering, placement, data) is the card
 * bundle, loaded on the first hover intent or command (./lazy-card.ts). Everything is taken down
 * when `signal` aborts (WXT's `ctx.signal` when the extension updates).
 */
import { cardCommandOf, onTabMessage } from '@/utils/tab-message';
import type { MentionIndex } from '@/utils/spotting/types';
import { err, ok } from '@/utils/views';
import { createHoverController, type HoverController } from './hover-controller';
import { createLazyCard, importCardBundle, type CardBundle, type LazyCard } from './lazy-card';

export { CARD_HOST_TAG } from '@/utils/spotting/scan';

/**
 * Whether this frame should act on a keyboard command: the frame that holds the focus (and is
 * not merely the parent of a focused iframe), or the top frame when no page has the focus.
 */
function frameOwnsCommand(doc: Document = document, win: Window = window): boolean {
  if (doc.hasFocus()) return !(doc.activeElement instanceof HTMLIFrameElement);
  return win === win.top;
}

export interface HoverCardsOptions {
  /** The current hover delay in ms (the user's setting). */
  hoverDelayMs: () => number;
  /** The page's frequent words, for ranking the card's topics. */
  words: () => string[];
  /** Loads the card bundle; by default the extension's web-accessible `card.js`. */
  loadBundle?: () => Promise<CardBundle>;
  doc?: Document;
}

export interface HoverCards {
  readonly controller: HoverController;
  readonly card: LazyCard;
}

export function startHoverCards(
  index: MentionIndex,
  signal: AbortSignal,
  opts: HoverCardsOptions,
): HoverCards {
  const doc = opts.doc ?? document;
  const card = createLazyCard(opts.loadBundle ?? importCardBundle(), {
    signal,
    doc,
    words: opts.words,
    onCloseRequest: () => controller.close(),
  });
  const controller = createHoverController({
    index,
    surface: card.surface,
    prefetch: (mention, point) => card.prefetch(mention, point),
    hoverDelayMs: opts.hoverDelayMs,
    signal,
    doc,
  });

  const removeCommandListener = onTabMessage('cardCommand', (data) => {
    const command = cardCommandOf(data);
    if (!command) return err('Unknown card command');
    if (!frameOwnsCommand(doc, doc.defaultView ?? window)) return ok(false);
    return ok(controller.command(command));
  });
  signal.addEventListener('abort', removeCommandListener, { once: true });

  return { controller, card };
}
