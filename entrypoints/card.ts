/**
 * The card bundle: loaded by the content script on a page's first hover intent or keyboard
 * command (utils/card/lazy-card.ts), evaluated in the content script's isolated world, where it
 * leaves its entry point. Wiring only.
 */
import { cardBundle } from '@/utils/card/bundle';
import { CARD_BUNDLE } from '@/utils/card/lazy-card';
import { registerBundle } from '@/utils/lazy-bundle';

export default defineUnlistedScript(() => {
  registerBundle(CARD_BUNDLE, cardBundle);
});
