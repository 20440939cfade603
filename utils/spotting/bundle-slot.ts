/**
 * The bundles of the page side, loaded on demand (utils/lazy-bundle.ts): where each lives in the
 * build and the key it leaves its entry point under.
 * - `spotter.js`: spotting itself, imported by the content script in the page's first idle period.
 * - `hover.js`: the hover-intent timing, the pointer hit-test and the keyboard walk, imported once
 *   the page's first name is highlighted; a page that names nobody never loads it.
 * (The card bundle, `card.js`, is the hover side's own: utils/card/lazy-card.ts.)
 */
import type { HoverCards, HoverCardsOptions } from '../card';
import { bundleSlot } from '../lazy-bundle';
import type { SpottingBundle } from './on-page';
import type { MentionIndex } from './types';

export const SPOTTING_BUNDLE = bundleSlot<SpottingBundle>(
  '/spotter.js',
  'standpoint.spotting-bundle',
);

/** The hover bundle's entry point: `startHoverCards` (utils/card/index.ts). */
export interface HoverBundle {
  start(index: MentionIndex, signal: AbortSignal, opts: HoverCardsOptions): HoverCards;
}

export const HOVER_BUNDLE = bundleSlot<HoverBundle>('/hover.js', 'standpoint.hover-bundle');
