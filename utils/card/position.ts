/**
 * Places the card next to a name and keeps it there while the page scrolls or resizes, with
 * @floating-ui/dom: below the name by default, flipped above and shifted sideways to stay in the
 * viewport, its height capped by the space available (the card scrolls inside). The name is a
 * range, not an element, so it is a virtual reference; for a name broken across lines the line
 * under the pointer is used. Works the same inside an iframe: the frame's own viewport counts.
 */
import {
  autoUpdate,
  computePosition,
  flip,
  inline,
  offset,
  shift,
  size,
  type VirtualElement,
} from '@floating-ui/dom';
import type { Mention } from '@/utils/spotting/types';
import { liveRange } from './mentions';

/** Gap between the name and the card, px. */
const GAP_PX = 6;
/** Distance kept from the viewport's edges, px. */
const EDGE_PX = 8;
/** The card never gets shorter than this, px, even when little room is left: it scrolls inside. */
const MIN_HEIGHT_PX = 160;

/** The name as Floating UI's reference: a range, with the line under the pointer for `inline`. */
function referenceOf(mention: Mention): VirtualElement {
  const node = mention.range.startContainer;
  const range = liveRange(mention, node.ownerDocument ?? document);
  return {
    getBoundingClientRect: () => range.getBoundingClientRect(),
    getClientRects: () => range.getClientRects(),
    contextElement: node instanceof Element ? node : (node.parentElement ?? undefined),
  };
}

/** Computes where the card goes and puts it there, unless `stopped()` says it is no longer shown. */
function place(
  reference: VirtualElement,
  floating: HTMLElement,
  point: { x: number; y: number } | undefined,
  stopped: () => boolean,
): Promise<void> {
  return computePosition(reference, floating, {
    strategy: 'fixed',
    placement: 'bottom-start',
    middleware: [
      inline(point),
      offset(GAP_PX),
      flip({ padding: EDGE_PX, fallbackPlacements: ['top-start', 'bottom-end', 'top-end'] }),
      shift({ padding: EDGE_PX }),
      size({
        padding: EDGE_PX,
        apply({ availableHeight, elements }) {
          elements.floating.style.setProperty(
            '--sp-card-max-height',
            `${Math.max(MIN_HEIGHT_PX, Math.floor(availableHeight))}px`,
          );
        },
      }),
    ],
  }).then(({ x, y }) => {
    if (stopped()) return;
    floating.style.left = `${Math.round(x)}px`;
    floating.style.top = `${Math.round(y)}px`;
  });
}

/** Frames the card set up ahead keeps following its name, so the observers' first calls run. */
const AHEAD_FRAMES = 2;

/**
 * Places `floating` at `mention` ahead of its card, on the card laid out unseen, and follows the
 * name for AHEAD_FRAMES frames: the placement, `autoUpdate` and its observers' first callbacks
 * (which run in the frame after they start) then run for the first time before the card is
 * shown, not in the first card's own frame. Returns a stop for following earlier.
 */
export function placeAhead(
  floating: HTMLElement,
  mention: Mention,
  point?: { x: number; y: number },
): () => void {
  const stop = followMention(floating, mention, point);
  const win = floating.ownerDocument.defaultView;
  const nextFrame = (cb: () => void) =>
    typeof win?.requestAnimationFrame === 'function'
      ? win.requestAnimationFrame(cb)
      : setTimeout(cb, 16);
  let frames = 0;
  const tick = () => {
    if (++frames < AHEAD_FRAMES) nextFrame(tick);
    else stop();
  };
  nextFrame(tick);
  return stop;
}

/**
 * Positions `floating` at `mention` now and on every scroll and resize until the returned
 * function is called.
 */
export function followMention(
  floating: HTMLElement,
  mention: Mention,
  point?: { x: number; y: number },
): () => void {
  const reference = referenceOf(mention);
  let stopped = false;
  const update = () => void place(reference, floating, point, () => stopped);
  const stop = autoUpdate(reference, floating, update);
  return () => {
    stopped = true;
    stop();
  };
}
