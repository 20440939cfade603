/**
 * The whole-document pass behind the `spot` command: the content script's scanner, skip rules
 * and page-wide disambiguation, run at once over a parsed document.
 */
import { resolveAll } from './context';
import type { Matcher } from './matcher';
import { scanAll, type ScanOptions } from './scan';

export interface SpottedMention {
  actor: string;
  /** The exact text on the page. */
  text: string;
}

/** Every mention of a document in document order. */
export function spotDocument(
  doc: Document,
  matcher: Matcher,
  options: ScanOptions = {},
): SpottedMention[] {
  const found = scanAll(doc, matcher, options).map((f) => ({ ...f.candidate, text: f.text }));
  return resolveAll(found).map(({ c, actorId }) => ({ actor: actorId, text: c.text }));
}
