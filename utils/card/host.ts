/**
 * The one element the card lives in: `<standpoint-card-host>`, appended to `<html>` on first use,
 * with a closed shadow root holding the styles and a layer the card renders into.
 *
 * Why it survives hostile pages:
 * - Page stylesheets do not match inside a shadow root. What still reaches it is the host's own
 *   box and inherited values; `:host { all: initial !important }` resets both, and for
 *   `!important` rules the shadow root's win over the page's (`* { all: unset !important }`).
 * - Only px units inside, never rem: `html { font-size: 1px }` changes nothing.
 * - The layer is a `popover="manual"`, shown in the top layer, above any z-index and outside
 *   any transformed or clipped ancestor. Without the Popover API it falls back to a fixed
 *   element at the largest z-index.
 * - The root is closed, so page scripts cannot read or rewrite the card through `shadowRoot`
 *   (a card that a page could edit would let it misattribute positions). Tests read it through
 *   the DevTools protocol, which sees closed roots (test/e2e/card-dom.ts).
 */
import { render, type ComponentChild } from 'preact';
import hostCss from './host.css?inline';
import componentsCss from '@/components/components.css?inline';
import hoverCardCss from '@/components/HoverCard.css?inline';
import { CARD_HOST_TAG } from '@/utils/spotting/scan';

/** The host element's tag name (defined beside the scanner, which skips it). */
export { CARD_HOST_TAG };

/** The shadow root's styles, as text: no stylesheet of the page or the extension reaches inside. */
const ROOT_CSS = [hostCss, componentsCss, hoverCardCss].join('\n');

export interface CardHost {
  /** Creates the host, its root and its styles ahead of the first card (nothing is shown). */
  prepare(): void;
  /**
   * Renders `vnode` into the hidden layer, so that the `show` of the same card only shows it.
   * Does nothing while a card is shown.
   */
  prerender(vnode: ComponentChild): void;
  /**
   * Lays the prerendered card out, unseen (`visibility: hidden`, no pointer events, in the top
   * layer), and runs `place` on it. The layer then stays in the top layer, laid out and placed
   * but unseen, until a `show` or `hide`: moving an element into the top layer rebuilds its
   * layout, so a `show` that finds it there only has to make it visible. Does nothing while a
   * card is shown or when nothing is prerendered.
   */
  warmLayout(place: (layer: HTMLElement) => Promise<void>): Promise<void>;
  /** True while a card is shown. */
  readonly shown: boolean;
  /**
   * Renders `vnode` into the card layer and shows the layer; the first call creates the host.
   * With `prerendered` true the caller vouches that the prerendered card is this same `vnode`
   * (same name, same data), so it is shown as it is, without rendering it again.
   */
  show(vnode: ComponentChild, prerendered?: boolean): HTMLElement;
  /** Re-renders without re-showing (content updates of an open card). */
  update(vnode: ComponentChild): void;
  /** Unmounts the card and hides the layer. */
  hide(): void;
  /** True when an event's target is the card (events from inside arrive retargeted to the host). */
  contains(target: EventTarget | null): boolean;
  /** The element inside the root that has focus, or null. */
  focused(): Element | null;
  /** Unmounts, and removes the host element from the page. */
  dispose(): void;
}

/** The layer's class while it holds a card that is not shown (host.css). */
const UNSEEN_CLASS = 'sp-unseen';

/** Creates the host lazily; nothing touches the page until the first `prepare` or `show`. */
export function createCardHost(doc: Document = document): CardHost {
  let host: HTMLElement | null = null;
  let root: ShadowRoot | null = null;
  let layer: HTMLElement | null = null;
  let mounted = false;
  /** A card rendered ahead, hidden. */
  let prerendered = false;
  /** The layer is in the top layer, unseen (after `warmLayout`). */
  let openUnseen = false;
  /**
   * Something of the page entered the top layer (a popover, a modal dialog, full screen) since
   * the layer did: the `show` must move the layer above it again.
   */
  let coveredSince = false;
  const win = doc.defaultView ?? window;
  // Capture on the window: `beforetoggle` does not bubble, and the page may stop it further down.
  // Our own layer's events stay inside the closed root (they are not composed).
  const onTopLayerChange = (e: Event) => {
    if ((e as Partial<ToggleEvent>).newState !== 'closed') coveredSince = true;
  };
  const watchTopLayer = (on: boolean) => {
    const method = on ? 'addEventListener' : 'removeEventListener';
    win[method]('beforetoggle', onTopLayerChange, true);
    doc[method]('fullscreenchange', onTopLayerChange, true);
  };

  const canPopover = () => layer !== null && typeof layer.showPopover === 'function';

  function ensure(): HTMLElement {
    if (!host || !root || !layer) {
      host = doc.createElement(CARD_HOST_TAG);
      root = host.attachShadow({ mode: 'closed' });
      const style = doc.createElement('style');
      style.textContent = ROOT_CSS;
      layer = doc.createElement('div');
      layer.className = `sp-layer ${UNSEEN_CLASS}`;
      layer.lang = 'en';
      layer.dir = 'ltr';
      if (typeof layer.showPopover === 'function') layer.popover = 'manual';
      root.append(style, layer);
    }
    // Pages that rebuild <html>'s children may drop it: put it back.
    if (!host.isConnected) doc.documentElement.append(host);
    return layer;
  }

  function raise() {
    if (!canPopover()) return;
    try {
      // Hide and show again so a popover the page opened meanwhile does not cover the card.
      if (layer!.matches(':popover-open')) layer!.hidePopover();
      layer!.showPopover();
    } catch {
      // Not in a document or the API refused: the fixed, max z-index fallback still shows it.
    }
  }

  const closePopover = () => {
    if (openUnseen) {
      openUnseen = false;
      watchTopLayer(false);
    }
    if (!canPopover()) return;
    try {
      if (layer!.matches(':popover-open')) layer!.hidePopover();
    } catch {
      // Already hidden.
    }
  };

  return {
    prepare() {
      ensure();
    },
    prerender(vnode) {
      if (mounted) return;
      const el = ensure();
      el.classList.add(UNSEEN_CLASS);
      render(vnode, el);
      prerendered = true;
    },
    async warmLayout(place) {
      if (mounted || !prerendered || !layer) return;
      const el = layer;
      el.classList.add(UNSEEN_CLASS);
      if (canPopover() && !openUnseen) {
        try {
          if (el.matches(':popover-open')) el.hidePopover();
          el.showPopover();
          openUnseen = true;
          coveredSince = false;
          watchTopLayer(true);
        } catch {
          // Not in a document: nothing to lay out.
        }
      }
      await place(el);
    },
    get shown() {
      return mounted;
    },
    show(vnode, asPrerendered = false) {
      const el = ensure();
      if (!(asPrerendered && prerendered)) render(vnode, el);
      el.classList.remove(UNSEEN_CLASS);
      mounted = true;
      prerendered = false;
      // Already in the top layer and nothing went above it since: showing is all that is left.
      if (!openUnseen || coveredSince) raise();
      if (openUnseen) {
        openUnseen = false;
        watchTopLayer(false);
      }
      return el;
    },
    update(vnode) {
      if (mounted && layer) render(vnode, layer);
    },
    hide() {
      if (!layer || (!mounted && !prerendered && !openUnseen)) return;
      render(null, layer);
      layer.classList.add(UNSEEN_CLASS);
      mounted = prerendered = false;
      closePopover();
    },
    contains(target) {
      if (!host || !target) return false;
      return target === host || (target instanceof Node && host.contains(target));
    },
    focused() {
      return root?.activeElement ?? null;
    },
    dispose() {
      this.hide();
      host?.remove();
      host = root = layer = null;
      mounted = prerendered = false;
    },
  };
}
