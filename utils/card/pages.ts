/**
 * Paths of the extension pages the card links to. Content scripts cannot navigate a page to an
 * extension URL (it would have to be web-accessible, which would let any site probe for the
 * extension), so they ask the background to open these; extension pages link to them directly.
 */
import { browser } from '#imports';

/** `/source.html?source=<id>&position=<id>`: the source viewer with one position's evidence marked. */
export function sourceViewerPath(sourceId: string, positionId?: string): string {
  const q = new URLSearchParams({ source: sourceId });
  if (positionId) q.set('position', positionId);
  return `/source.html?${q.toString()}`;
}

/** `/compare.html?actors=a,b`: the comparison view with these actors picked. */
export function comparePath(actorIds: readonly string[]): string {
  return `/compare.html?${new URLSearchParams({ actors: actorIds.join(',') }).toString()}`;
}

/** Absolute extension URL of a path from this module. */
export function extensionUrl(path: string, runtime = browser.runtime): string {
  // The path type is generated from the entrypoints; ours are built from query strings.
  return runtime.getURL(path as Parameters<typeof runtime.getURL>[0]);
}
