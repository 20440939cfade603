/**
 * Drawing mentions with the CSS Custom Highlight API: ranges go into one `Highlight` registered
 * in the document's highlight registry, and a stylesheet (entrypoints/content.css, shipped with
 * the content script) paints it. No element or attribute of the page is touched. `StaticRange`s are used,
 * never live `Range`s: live ranges made the page's own text edits 8 times slower.
 *
 * Names (documented in docs/spotting.md): the one Highlight holding every mention is registered,
 * from the page's first mention on, under exactly one name, chosen by the highlight style, and
 * that stylesheet paints each name:
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

/**
 * Owns Standpoint's entries in the highlight registry. Without the API it does nothing.
 *
 * Nothing is looked up, made or registered before the first range: a page that names nobody
 * never touches `CSS.highlights` (whose bindings the browser makes on first use) and never holds
 * an entry of ours that its scripts could see. `undefined` for the registry or the constructor
 * means the browser's, looked up then; tests pass their own.
 */
export class Highlighter {
  private api: { registry: RegistryLike; Ctor: HighlightCtor } | null | undefined;
  private highlight: HighlightLike | null = null;
  private styleName: string | null = null;

  constructor(
    private readonly registryArg?: RegistryLike | null,
    private readonly ctorArg?: HighlightCtor | null,
    private style: Settings['highlightStyle'] = 'underline',
  ) {}

  /** False where the browser lacks the Custom Highlight API. */
  get supported(): boolean {
    return this.resolve() !== null;
  }

  add(range: AbstractRange): void {
    this.ensure()?.add(range);
  }

  delete(range: AbstractRange): void {
    this.highlight?.delete(range);
  }

  clear(): void {
    this.highlight?.clear();
  }

  /** Switches the painted style at once, without touching any range. */
  setStyle(style: Settings['highlightStyle']): void {
    this.style = style;
    if (this.highlight) this.register(this.highlight);
  }

  /** Removes Standpoint's entry from the registry (only ours: the page's stay). */
  dispose(): void {
    if (!this.highlight) return;
    this.highlight.clear();
    this.unregister(this.highlight);
  }

  private resolve(): { registry: RegistryLike; Ctor: HighlightCtor } | null {
    if (this.api === undefined) {
      const registry = this.registryArg === undefined ? defaultRegistry() : this.registryArg;
      const Ctor = this.ctorArg === undefined ? defaultHighlight() : this.ctorArg;
      this.api = registry && Ctor ? { registry, Ctor } : null;
    }
    return this.api;
  }

  /** The highlight, made and registered on the first range. */
  private ensure(): HighlightLike | null {
    if (this.highlight) return this.highlight;
    const api = this.resolve();
    if (!api) return null;
    this.highlight = new api.Ctor();
    this.register(this.highlight);
    return this.highlight;
  }

  private register(highlight: HighlightLike): void {
    const next = STYLE_HIGHLIGHT_NAMES[this.style];
    if (next === this.styleName) return;
    this.unregister(highlight);
    if (next) this.api!.registry.set(next, highlight);
    this.styleName = next;
  }

  private unregister(highlight: HighlightLike): void {
    const registry = this.api!.registry;
    if (this.styleName && registry.get(this.styleName) === highlight)
      registry.delete(this.styleName);
    this.styleName = null;
  }
}
