/**
 * The rendered side of the card: shows the loading state, then the card or a plain error, places
 * it at the name, moves focus into it when the keyboard opened it and back to the page when it
 * closes. The controller (./hover-controller.ts) decides when; this decides what and where.
 *
 * `prepare`, called at the prefetch point (the pointer has rested on a name), does during the
 * hover delay what the first card would otherwise do after it, one small idle step at a time:
 * the host with its shadow root and styles, the text formats' first use (Intl's region names
 * alone cost tens of milliseconds), the card rendered hidden with its data, and one unseen
 * layout and placement. The `open` at the delay's end then only shows and places it.
 */
import { HoverCard, HoverCardMessage } from '@/components/HoverCard';
import { countryName, formatDate, formatNumber } from '@/utils/format';
import { t, tn } from '@/utils/i18n';
import type { Mention } from '@/utils/spotting/types';
import type { Result, CardView } from '@/utils/views';
import type { CardSurface, OpenReason } from './hover-controller';
import type { CardHost } from './host';
import type { CardLoader } from './card-data';
import { createIdleSteps, type IdleSteps } from './idle';
import { sameMention } from './mentions';
import { followMention, placeAhead } from './position';

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
  /** Where `prepare` queues its steps; by default one queue of this surface's own. */
  steps?: IdleSteps;
}

/** The card as the bundle drives it: the controller's surface, and the set-up ahead of a card. */
export interface PreparedCardSurface extends CardSurface {
  /**
   * The pointer rests on `mention` (the prefetch point): loads its card data and, in idle steps,
   * sets up everything its card needs, so that `open` only has to show and place it.
   */
  prepare(mention: Mention, point?: { x: number; y: number }): void;
}

/**
 * First use of the text formats a card needs: Intl's region names and date and number formats,
 * plural rules, the i18n lookup. Cheap once the first Intl call of the page's process is behind
 * (./lazy-card.ts makes it while the bundle loads); the results are cached by utils/format.ts and
 * utils/i18n.ts.
 */
function warmText(): void {
  void [
    countryName('DE'),
    formatDate('2025-01-01'),
    formatNumber(1),
    t('cardLoading'),
    tn('cardNamedIn', 2),
  ];
}

export function createCardSurface(opts: CardSurfaceOptions): PreparedCardSurface {
  const { host, loader, actions, onCloseRequest } = opts;
  const doc = opts.doc ?? document;
  const steps =
    opts.steps ?? createIdleSteps(doc.defaultView ?? window, new AbortController().signal);
  /** The text formats were warmed (once per page). */
  let textWarm = false;
  /** Increases on every `prepare`, so only the latest name's card is set up ahead. */
  let preparing = 0;
  /** Increases on every open and close, so a late answer never paints over a newer card. */
  let generation = 0;
  let stopFollowing: (() => void) | null = null;
  /** Stops the placement of the card set up ahead (it follows its name for a frame or two). */
  let stopAhead: (() => void) | null = null;
  /** What the card in the layer was prerendered from, so an `open` of it needs no render. */
  let prerenderedFrom: { mention: Mention; res: Result<CardView> } | null = null;
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
    prepare(mention, point) {
      const ticket = ++preparing;
      const gen = generation;
      // Still the latest name, and no card opened or closed since: the layer is ours to use.
      const current = () => ticket === preparing && gen === generation && !host.shown;
      const data = loader.get(mention.actorId);
      steps.add(() => {
        host.prepare();
        if (textWarm) return;
        textWarm = true;
        warmText();
      });
      void data.then((res) => {
        if (!res.ok || !current()) return;
        steps.add(
          () => {
            if (!current()) return;
            host.prerender(view(mention, res));
            prerenderedFrom = { mention, res };
          },
          () => {
            if (!current()) return;
            stopAhead?.();
            void host.warmLayout(async (layer) => {
              stopAhead = placeAhead(layer, mention, point);
            });
          },
        );
      });
    },
    open(mention: Mention, reason: OpenReason, point?: { x: number; y: number }) {
      const gen = ++generation;
      stopAhead?.();
      stopAhead = null;
      stopFollowing?.();
      if (reason === 'keyboard' || !host.focused()) returnFocus = doc.activeElement;
      const ready = loader.peek(mention.actorId);
      // The card prerendered for this same name and data is shown as it is.
      const asPrerendered =
        ready !== undefined &&
        prerenderedFrom !== null &&
        prerenderedFrom.res === ready &&
        sameMention(prerenderedFrom.mention, mention);
      prerenderedFrom = null;
      const layer = host.show(view(mention, ready), asPrerendered);
      stopFollowing = followMention(layer, mention, point);
      if (reason === 'keyboard') focusCard(layer);
      if (ready) return;
      void loader.get(mention.actorId).then((res) => {
        if (gen !== generation) return;
        const hadFocus = host.focused() !== null;
        host.update(view(mention, res));
        if (reason === 'keyboard' || hadFocus) focusCard(layer);
      });
    },
    close() {
      generation++;
      prerenderedFrom = null;
      stopAhead?.();
      stopAhead = null;
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
