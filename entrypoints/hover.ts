/**
 * The hover bundle: the hover-intent timing, the pointer hit-test, the keyboard walk and the
 * keyboard commands (utils/card/index.ts), imported by the spotting bundle once a page's first
 * name is highlighted (utils/spotting/on-page.ts), in the content script's isolated world. Wiring
 * only.
 */
import { startHoverCards } from '@/utils/card';
import { registerBundle } from '@/utils/lazy-bundle';
import { HOVER_BUNDLE } from '@/utils/spotting/bundle-slot';

export default defineUnlistedScript(() => {
  registerBundle(HOVER_BUNDLE, { start: startHoverCards });
});
