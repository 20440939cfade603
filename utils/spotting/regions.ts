/**
 * Where the spotter must look again after the page changed: the page's address without its
 * fragment, and the smallest element around a changed node whose text is matched again.
 */
import { INLINE_TAGS, isPluginElement } from './scan';

const ELEMENT_NODE = 1;
const TEXT_NODE = 3;

/**
 * The page's URL without its fragment: a jump to `#section` is the same page, while a new path or
 * query from `history.pushState` is a new one.
 */
export function pageUrl(doc: Document): string {
  const href = doc.location?.href ?? '';
  const hash = href.indexOf('#');
  return hash < 0 ? href : href.slice(0, hash);
}

/**
 * The smallest element whose text must be matched again when `node` changed. Null when there is
 * nothing to match: neither text nor an element, or a plugin element (`<object>`, `<embed>`) or
 * text right inside one, fallback content the scanner skips; such an element's properties are
 * not read at all (see `isPluginElement`).
 */
export function regionOf(node: Node, body: Element): Node | null {
  if (isPluginElement(node)) return null;
  if (node.nodeType !== ELEMENT_NODE && node.nodeType !== TEXT_NODE) return null;
  let el: Node | null = node;
  // A new block is its own region; text or an inline element joins the line around it.
  while (el && !isPluginElement(el) && el.nodeType !== ELEMENT_NODE) el = el.parentNode;
  while (el && el !== body && !isPluginElement(el) && INLINE_TAGS.has((el as Element).localName)) {
    el = el.parentNode;
  }
  if (!el || isPluginElement(el)) return null;
  // Text straight under <body>: rescanning all of <body> for it would cost a whole page scan.
  if (el === body || el === body.parentNode) return node;
  return el;
}
