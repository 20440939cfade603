/**
 * The card bundle's side: everything a shown card needs, loaded on demand (./lazy-card.ts) so
 * pages where nobody hovers a name never pay for it. Holds the host with its closed shadow root,
 * the rendering (Preact and the components), the placement (Floating UI), the card data cache and
 * the links to extension pages.
 */
import { backgroundMessenger } from '@/utils/messengers';
import type { RequestOf } from '@/utils/messaging';
import { createCardLoader } from './card-data';
import { createCardHost } from './host';
import { createCardSurface } from './card-surface';
import { createIdleSteps } from './idle';
import type { CardBundle } from './lazy-card';

type OpenPageRequest = RequestOf<'openPage'>;

/** Links go through the background: a web page may not navigate to an extension page. */
const openPage = (req: OpenPageRequest) =>
  void backgroundMessenger.sendMessage('openPage', req).catch(() => undefined);

export const cardBundle: CardBundle = {
  start({ signal, doc, words, onCloseRequest }) {
    const loader = createCardLoader(words);
    const host = createCardHost(doc);
    const surface = createCardSurface({
      host,
      loader,
      doc,
      steps: createIdleSteps(doc.defaultView ?? window, signal),
      actions: {
        compare: (actorId) => openPage({ page: 'compare', actorIds: [actorId] }),
        openSource: (sourceId, positionId) => openPage({ page: 'source', sourceId, positionId }),
      },
      onCloseRequest,
    });
    signal.addEventListener('abort', () => host.dispose(), { once: true });
    return {
      surface,
      prefetch: (mention, point) => surface.prepare(mention, point),
      packsChanged: () => loader.clear(),
    };
  },
};
