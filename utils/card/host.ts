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
   * Lays the prerendered card out once, unseen (`visibility: hidden` in the top layer), and runs
   * `place` on it, all in the same task: styles, fonts and the placement code are then warm for
   * the `show`. Does nothing while a card is shown or when nothing is prerendered.
   */
  warmLayout(place: (layer: HTMLElement) => Promise<void>): Promise<void>;
  /** True while a card is shown. */
  readonly shown: boolean;
  /** Renders `vnode` into the card layer and shows the layer; the first call creates the host. */
  show(vnode: ComponentChild): HTMLElement;
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
      let opened = false;
      if (canPopover() && !el.matches(':popover-open')) {
        try {
          el.showPopover();
          opened = true;
        } catch {
          // Not in a document: nothing to lay out.
        }
      }
      try {
        await place(el);
      } finally {
        // Still in the same task: the unseen card was never painted.
        if (opened && !mounted) closePopover();
      }
    },
    get shown() {
      return mounted;
    },
    show(vnode) {
      const el = ensure();
      render(vnode, el);
      el.classList.remove(UNSEEN_CLASS);
      mounted = true;
      prerendered = false;
      raise();
      return el;
    },
    update(vnode) {
      if (mounted && layer) render(vnode, layer);
    },
    hide() {
      if (!layer || (!mounted && !prerendered)) return;
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
