/**
 * The spotting bundle: imported by the content script's loader as soon as it has run
 * (entrypoints/content-loader.ts), and evaluated in the content script's isolated world, where it
 * leaves its entry point. Wiring only: utils/spotting/on-page.ts.
 */
import { registerBundle } from '@/utils/lazy-bundle';
import { SPOTTING_BUNDLE } from '@/utils/spotting/bundle-slot';
import { spottingBundle } from '@/utils/spotting/on-page';

export default defineUnlistedScript(() => {
  registerBundle(SPOTTING_BUNDLE, spottingBundle);
});
