/**
 * The scanner: walks a page's text nodes in document order, joins the text of one line of inline
 * content (`<b>Volodymyr</b> Zelenskyy` is one text), runs the matcher over it and reports each
 * candidate as a span over the page's own text nodes. It never reads attributes, never crosses a
 * block boundary, and skips what a reader does not read as page text (see `SKIPPED_TAGS` and
 * `isSkippedElement`). It works in slices: `step` stops whenever the caller's budget says so and
 * picks up where it left off, so a 2 MB page never blocks the main thread for long.
 */
import type { Matcher } from './matcher';
import type { Candidate } from './rules';
import { isSpaceCode } from './normalize';

/**
 * The hover card's host element tag (utils/card/host.ts uses exactly this name); the
 * scanner skips it like any other non-page content.
 */
export const CARD_HOST_TAG = 'standpoint-card-host';

/** Elements whose text is not page prose: code, form controls, metadata, media, our own UI. */
const SKIPPED_TAGS: ReadonlySet<string> = new Set([
  'head',
  'title',
  'script',
  'style',
  'noscript',
  'template',
  'textarea',
  'input',
  'select',
  'option',
  'optgroup',
  'datalist',
  'iframe',
  'object',
  'embed',
  'canvas',
  'video',
  'audio',
  'svg',
  'math',
  CARD_HOST_TAG,
]);

/**
 * Inline elements: text on both sides of their edges flows as one line, so a name may span them.
 * Any other element (blocks, line breaks, images, table cells, unknown custom elements) ends the
 * text a name may span.
 */
export const INLINE_TAGS: ReadonlySet<string> = new Set(
  (
    'a abbr acronym b bdi bdo big cite code data del dfn em font i ins kbd label mark nobr q rp rt ' +
    'ruby s samp small span strike strong sub sup time tt u var wbr'
  ).split(' '),
);

type PluginCtor = abstract new () => Element;
const pluginCtors = (): PluginCtor[] => {
  const g = globalThis as { HTMLObjectElement?: PluginCtor; HTMLEmbedElement?: PluginCtor };
  return [g.HTMLObjectElement, g.HTMLEmbedElement].filter((c) => typeof c === 'function');
};
let plugins: PluginCtor[] | null = null;

/**
 * True for an `<object>` or `<embed>` element, told without reading any of its properties.
 * Chromium gives these plugin elements a named-property interceptor: any property read on one
 * (`nodeType`, `localName`, `parentNode`…) first asks the plugin for a property of that name,
 * which brings the document's style and layout up to date and may set the plugin up: on a page
 * whose plugins were just inserted, milliseconds to hundreds of milliseconds (docs/benchmarks.md,
 * "Plugin elements"). `instanceof` only walks the prototype chain, which no interceptor sees.
 * Everything inside such an element is fallback content and never scanned, so the scanner, the
 * skip rules and the change regions ask this first and then leave the element alone.
 */
export function isPluginElement(node: Node): boolean {
  plugins ??= pluginCtors();
  for (const Ctor of plugins) if (node instanceof Ctor) return true;
  return false;
}

/**
 * True for an element whose subtree is never scanned on its own account (ancestors aside):
 * skipped tags, the `hidden` attribute, and editable regions (the user's own typing is not prose
 * to annotate, and editors re-render under any change). `aria-hidden` is NOT skipped: it hides
 * text from screen readers, not from eyes, and such text is often visible (decorative headlines,
 * duplicated tickers). Plugin elements are skipped before any of their properties is read (see
 * `isPluginElement`).
 */
export function isSkippedElement(el: Element): boolean {
  if (isPluginElement(el)) return true;
  if (SKIPPED_TAGS.has(el.localName)) return true;
  if (el.hasAttribute('hidden')) return true;
  const editable = el.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/**
 * Whether an element is rendered (no `display: none` or `visibility: hidden` on it or above).
 * Uses `checkVisibility` where the browser has it; elsewhere everything counts as rendered.
 * Called only for elements whose text holds a candidate, so its style cost stays small.
 */
export function isRendered(el: Element): boolean {
  const check = (el as Element & { checkVisibility?: (o?: object) => boolean }).checkVisibility;
  if (typeof check !== 'function') return true;
  return check.call(el, { visibilityProperty: true, contentVisibilityAuto: false });
}

/** A candidate placed on the page: its span over text nodes and the exact text it covers. */
export interface Found {
  candidate: Candidate;
  text: string;
  startNode: Text;
  startOffset: number;
  endNode: Text;
  endOffset: number;
}

export interface ScanOptions {
  /** Rendering check for elements holding a candidate; `isRendered` by default. */
  rendered?: (el: Element) => boolean;
  /** Told about each element whose candidates were left out as not rendered. */
  onHidden?: (el: Element) => void;
}

/** How far the joiner walks between two text nodes before it calls them separate, in nodes. */
const MAX_JOIN_STEPS = 24;
/**
 * Text nodes handled between two budget checks: often enough to stop in time (the first slices of
 * a page run before the code is optimised, when 32 nodes and their lines took several ms), rarely
 * enough to be cheap.
 */
const NODES_PER_BUDGET_CHECK = 16;

const TEXT_NODE = 3;
const ELEMENT_NODE = 1;
const SHOW_TEXT = 4;

/**
 * True when text node `b`, the next scanned text node after `a`, continues `a`'s line: only
 * inline elements' edges (and comments) lie between them.
 */
function continuesLine(a: Text, b: Text): boolean {
  if (a.nextSibling === b) return true;
  let n: Node = a;
  for (let steps = 0; steps < MAX_JOIN_STEPS; steps++) {
    let next: Node | null = n !== a && n.nodeType === ELEMENT_NODE ? n.firstChild : null;
    if (!next) {
      let up: Node | null = n;
      while (up && !up.nextSibling) {
        up = up.parentNode;
        if (!up || (up.nodeType === ELEMENT_NODE && !INLINE_TAGS.has((up as Element).localName))) {
          return false;
        }
      }
      next = up ? up.nextSibling : null;
    }
    if (!next) return false;
    if (next === b) return true;
    // A plugin element ends the line like any block; looking at it would cost a layout.
    if (isPluginElement(next)) return false;
    if (next.nodeType === ELEMENT_NODE && !INLINE_TAGS.has((next as Element).localName)) {
      return false;
    }
    if (next.nodeType === TEXT_NODE) return false; // text we skipped lies between
    n = next;
  }
  return false;
}

/** True when `text` is white space only (see `isSpaceCode`), or empty. */
function isBlank(text: string): boolean {
  for (let i = 0; i < text.length; i++) if (!isSpaceCode(text.charCodeAt(i))) return false;
  return true;
}

interface Piece {
  node: Text;
  /** Offset of the node's first character in the joined text. */
  at: number;
}

/**
 * A resumable scan of one subtree. Create one per root; call `step` until it returns true.
 * The skip decisions it caches hold for this scan only.
 */
export class SubtreeScan {
  private readonly walker: TreeWalker;
  private readonly skipCache = new Map<Element, boolean>();
  private readonly renderCache = new Map<Element, boolean>();
  private readonly rendered: (el: Element) => boolean;
  private pieces: Piece[] = [];
  private parts: string[] = [];
  private length = 0;
  private last: Text | null = null;
  private done = false;

  constructor(
    readonly root: Node,
    private readonly matcher: Matcher,
    private readonly options: ScanOptions = {},
  ) {
    const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;
    this.walker = doc.createTreeWalker(root, SHOW_TEXT);
    this.rendered = options.rendered ?? isRendered;
  }

  /** True when the scan has reached the end of its subtree. */
  get finished(): boolean {
    return this.done;
  }

  /**
   * Scans until the end of the subtree or until `shouldYield()` says to stop; reports each
   * candidate found to `emit` in document order. Returns true when the subtree is done.
   */
  step(emit: (found: Found) => void, shouldYield: () => boolean = () => false): boolean {
    if (this.done) return true;
    const cursor = this.walker.currentNode;
    if (cursor !== this.root && !this.root.contains(cursor)) {
      // The page removed the node we stopped at, so the walker lost its place: start over.
      // Candidates found again are reported again; the mention store ignores repeats.
      this.pieces = [];
      this.parts = [];
      this.length = 0;
      this.walker.currentNode = this.root;
      this.last = null;
    }
    let count = 0;
    let single = this.root.nodeType === TEXT_NODE ? (this.root as Text) : null;
    for (;;) {
      // A text node as the root: the walker never returns its root, so take it directly.
      const node =
        single ??
        (this.root.nodeType === TEXT_NODE ? null : (this.walker.nextNode() as Text | null));
      single = null;
      if (!node) {
        this.flush(emit);
        this.done = true;
        return true;
      }
      const data = node.data;
      // White space that opens a line (the indentation between blocks, most text nodes of a
      // page) holds no name and changes no rule: names start at a letter, and every look back
      // from a name treats the start of its text like white space. Not joining it spares a line
      // check and a match for each. Checked before the parent is looked at: the first script
      // access to an `<object>` element, the parent of such white space, costs milliseconds.
      let blank = this.last === null && isBlank(data);
      if (!blank) {
        if (this.isSkipped(node)) {
          // Skipped text counts too: a page can hold long runs of it (scripts' text in noscript,
          // hidden menus), each costing a look at its parent.
          if (++count % NODES_PER_BUDGET_CHECK === 0 && shouldYield()) return false;
          continue;
        }
        if (this.last && !continuesLine(this.last, node)) {
          this.flush(emit);
        }
        blank = this.last === null && isBlank(data);
      }
      if (blank) {
        if (++count % NODES_PER_BUDGET_CHECK === 0 && shouldYield()) return false;
        continue;
      }
      this.pieces.push({ node, at: this.length });
      this.parts.push(data);
      this.length += data.length;
      this.last = node;
      if (++count % NODES_PER_BUDGET_CHECK === 0 && shouldYield()) return false;
    }
  }

  private isSkipped(node: Text): boolean {
    const parent = node.parentNode;
    if (!parent) return true;
    const cached = this.skipCache.get(parent as Element);
    if (cached !== undefined) return cached;
    // Fallback text right inside a plugin element: not even its `nodeType` is read.
    if (isPluginElement(parent)) return true;
    if (parent.nodeType !== ELEMENT_NODE) return false;
    return this.skippedElement(parent as Element);
  }

  private skippedElement(el: Element): boolean {
    const cached = this.skipCache.get(el);
    if (cached !== undefined) return cached;
    let result = isSkippedElement(el);
    if (!result) {
      const up = el.parentElement;
      result = up ? this.skippedElement(up) : false;
    }
    this.skipCache.set(el, result);
    return result;
  }

  private isShown(el: Element): boolean {
    let shown = this.renderCache.get(el);
    if (shown === undefined) {
      shown = this.rendered(el);
      this.renderCache.set(el, shown);
    }
    return shown;
  }

  /** Matches the joined text of the current line and reports its candidates. */
  private flush(emit: (found: Found) => void): void {
    const pieces = this.pieces;
    if (pieces.length === 0) return;
    const text = this.parts.length === 1 ? this.parts[0]! : this.parts.join('');
    this.pieces = [];
    this.parts = [];
    this.length = 0;
    this.last = null;
    const candidates = this.matcher.find(text);
    let k = 0;
    for (const candidate of candidates) {
      while (k + 1 < pieces.length && pieces[k + 1]!.at <= candidate.start) k++;
      const first = pieces[k]!;
      let e = k;
      while (e + 1 < pieces.length && pieces[e + 1]!.at < candidate.end) e++;
      const lastPiece = pieces[e]!;
      const parent = first.node.parentElement;
      if (parent && !this.isShown(parent)) {
        this.options.onHidden?.(parent);
        continue;
      }
      emit({
        candidate,
        text: text.slice(candidate.start, candidate.end),
        startNode: first.node,
        startOffset: candidate.start - first.at,
        endNode: lastPiece.node,
        endOffset: candidate.end - lastPiece.at,
      });
    }
  }
}

/** Scans a whole subtree at once: for the `spot` command and tests. Document order. */
export function scanAll(root: Node, matcher: Matcher, options: ScanOptions = {}): Found[] {
  const out: Found[] = [];
  new SubtreeScan(root, matcher, options).step((f) => out.push(f));
  return out;
}
