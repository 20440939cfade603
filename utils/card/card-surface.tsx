/**
 * The rendered side of the card: shows the loading state, then the card or a plain error, places
 * it at the name, moves focus into it when the keyboard opened it and back to the page when it
 * closes. The controller (./hover-controller.ts) decides when; this decides what and where.
 */
import { HoverCard, HoverCardMessage } from '@/components/HoverCard';
import { t } from '@/utils/i18n';
import type { Mention } from '@/utils/spotting/types';
import type { Result, CardView } from '@/utils/views';
import type { CardSurface, OpenReason } from './hover-controller';
import type { CardHost } from './host';
import type { CardLoader } from './card-data';
import { followMention } from './position';

interface CardActions {
  /** Opens the comparison view with this actor picked. */
  compare(actorId: string): void;
  /** Opens the source viewer at a position's evidence. */
  openSource(sourceId: string, positionId: string): void;
}

export interface CardSurfaceOptions {
  host: CardHost;
  loader: CardLoader;
  actions: CardActions;
  /** Called when the card's own close button is used, so the controller forgets the card. */
  onCloseRequest: () => void;
  doc?: Document;
}

export function createCardSurface(opts: CardSurfaceOptions): CardSurface {
  const { host, loader, actions, onCloseRequest } = opts;
  const doc = opts.doc ?? document;
  /** Increases on every open and close, so a late answer never paints over a newer card. */
  let generation = 0;
  let stopFollowing: (() => void) | null = null;
  /** Where focus was before the card took it. */
  let returnFocus: Element | null = null;

  function view(mention: Mention, res: Result<CardView> | undefined) {
    if (!res) {
      return (
        <HoverCardMessage
          title={mention.text}
          message={t('cardLoading')}
          onClose={onCloseRequest}
        />
      );
    }
    if (!res.ok) {
      return (
        <HoverCardMessage
          title={mention.text}
          message={t('cardLoadFailed', res.error)}
          onClose={onCloseRequest}
        />
      );
    }
    return (
      <HoverCard
        card={res.value}
        onClose={onCloseRequest}
        onCompare={(id) => actions.compare(id)}
        onOpenSource={(p) => actions.openSource(p.source.id, p.id)}
      />
    );
  }

  function focusCard(layer: HTMLElement) {
    layer.querySelector<HTMLElement>('[role=dialog]')?.focus({ preventScroll: true });
  }

  return {
    open(mention: Mention, reason: OpenReason, point?: { x: number; y: number }) {
      const gen = ++generation;
      stopFollowing?.();
      if (reason === 'keyboard' || !host.focused()) returnFocus = doc.activeElement;
      const layer = host.show(view(mention, loader.peek(mention.actorId)));
      stopFollowing = followMention(layer, mention, point);
      if (reason === 'keyboard') focusCard(layer);
      if (loader.peek(mention.actorId)) return;
      void loader.get(mention.actorId).then((res) => {
        if (gen !== generation) return;
        const hadFocus = host.focused() !== null;
        host.update(view(mention, res));
        if (reason === 'keyboard' || hadFocus) focusCard(layer);
      });
    },
    close() {
      generation++;
      stopFollowing?.();
      stopFollowing = null;
      const hadFocus = host.focused() !== null;
      host.hide();
      if (hadFocus) {
        const back =
          returnFocus instanceof HTMLElement && returnFocus.isConnected ? returnFocus : null;
        (back ?? doc.body)?.focus?.({ preventScroll: true });
      }
      returnFocus = null;
    },
    contains: (target) => host.contains(target),
  };
}
