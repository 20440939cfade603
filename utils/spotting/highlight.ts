/**
 * Drawing mentions with the CSS Custom Highlight API: ranges go into one `Highlight` registered
 * in the document's highlight registry, and a stylesheet (entrypoints/content.css, shipped with the content
 * script) paints it. No element or attribute of the page is touched. `StaticRange`s are used,
 * never live `Range`s: live ranges made the page's own text edits 8 times slower.
 *
 * Names (documented in docs/spotting.md): the one Highlight holding every mention is registered
 * under exactly one name, chosen by the highlight style, and that stylesheet paints each name:
 * - `standpoint-mention` for the default underline (so page scripts and tests can count mentions
 *   with `CSS.highlights.get('standpoint-mention').size`),
 * - `standpoint-mention-background` for the background style,
 * - no name at all for "none": nothing is painted, and hover cards still work (hit-testing uses
 *   the mention index, not the registry).
 */
import type { Settings } from '../settings';

export const HIGHLIGHT_NAME = 'standpoint-mention';

/** The registry name of each highlight style; `null`: not registered, nothing painted. */
const STYLE_HIGHLIGHT_NAMES: Record<Settings['highlightStyle'], string | null> = {
  underline: HIGHLIGHT_NAME,
  background: 'standpoint-mention-background',
  none: null,
};

/** The part of `HighlightRegistry` used here, so tests can pass a plain Map. */
export interface RegistryLike {
  set(name: string, highlight: HighlightLike): unknown;
  get(name: string): unknown;
  delete(name: string): unknown;
}

/** The part of `Highlight` used here. */
export interface HighlightLike {
  add(range: AbstractRange): unknown;
  delete(range: AbstractRange): unknown;
  clear(): void;
  readonly size: number;
}

type HighlightCtor = new () => HighlightLike;

function defaultRegistry(): RegistryLike | null {
  const css = (globalThis as { CSS?: { highlights?: RegistryLike } }).CSS;
  return css?.highlights ?? null;
}

function defaultHighlight(): HighlightCtor | null {
  return (globalThis as { Highlight?: HighlightCtor }).Highlight ?? null;
}

/** Owns Standpoint's entries in the highlight registry. Without the API it does nothing. */
export class Highlighter {
  private readonly highlight: HighlightLike | null;
  private styleName: string | null = null;

  constructor(
    private readonly registry: RegistryLike | null = defaultRegistry(),
    Ctor: HighlightCtor | null = defaultHighlight(),
    style: Settings['highlightStyle'] = 'underline',
  ) {
    this.highlight = registry && Ctor ? new Ctor() : null;
    this.setStyle(style);
  }

  /** False where the browser lacks the Custom Highlight API. */
  get supported(): boolean {
    return this.highlight !== null;
  }

  add(range: AbstractRange): void {
    this.highlight?.add(range);
  }

  delete(range: AbstractRange): void {
    this.highlight?.delete(range);
  }

  clear(): void {
    this.highlight?.clear();
  }

  /** Switches the painted style at once, without touching any range. */
  setStyle(style: Settings['highlightStyle']): void {
    if (!this.highlight || !this.registry) return;
    const next = STYLE_HIGHLIGHT_NAMES[style];
    if (next === this.styleName) return;
    if (this.styleName && this.registry.get(this.styleName) === this.highlight) {
      this.registry.delete(this.styleName);
    }
    if (next) this.registry.set(next, this.highlight);
    this.styleName = next;
  }

  /** Removes Standpoint's entry from the registry (only ours: the page's stay). */
  dispose(): void {
    if (!this.highlight || !this.registry) return;
    this.highlight.clear();
    if (this.styleName && this.registry.get(this.styleName) === this.highlight) {
      this.registry.delete(this.styleName);
    }
    this.styleName = null;
  }
}
