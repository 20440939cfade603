/**
 * The extension pages' URLs, written and read here only. The comparison page keeps its whole
 * selection in the URL, so a comparison can be bookmarked and shared between the popup, a card's
 * "Compare" and the address bar (`compare.html?actors=zelenskyy,merz&topic=nato&disagree=1&all=1`);
 * the source viewer is `source.html?source=<id>&position=<id>`.
 *
 * Content scripts cannot navigate a page to an extension URL (it would have to be web-accessible,
 * which would let any site probe for the extension), so they ask the background to open these
 * paths; extension pages link to them directly. No Zod here: the card bundle imports this module.
 */
import { browser } from '#imports';
import { isId } from '../pack/id';

/** Longest search text kept from a URL: a topic label or a few words. */
const MAX_QUERY_CHARS = 200;
/** Most actor ids read from a URL (the background's matrix limit). */
const MAX_URL_ACTORS = 200;

export interface CompareState {
  /** Picked actor ids in column order; empty means "everyone" on the comparison page. */
  actors: string[];
  /** The topic search text (a topic id works too: search matches ids). */
  topic: string;
  /** Only the topics where the picked people disagree. */
  disagree: boolean;
  /** Show the people with nothing on the shown topics instead of folding them away. */
  all: boolean;
}

/** Reads the comparison state from a query string; malformed ids are dropped, duplicates kept once. */
export function parseCompareState(search: string): CompareState {
  const params = new URLSearchParams(search);
  const actors: string[] = [];
  for (const raw of (params.get('actors') ?? '').split(',')) {
    const id = raw.trim();
    if (isId(id) && !actors.includes(id)) actors.push(id);
    if (actors.length >= MAX_URL_ACTORS) break;
  }
  const disagree = params.get('disagree');
  const all = params.get('all');
  return {
    actors,
    topic: (params.get('topic') ?? '').slice(0, MAX_QUERY_CHARS),
    disagree: disagree === '1' || disagree === 'true',
    all: all === '1' || all === 'true',
  };
}

/** The query string for a comparison state (with `?`), leaving out what is empty or off. */
export function compareSearch(state: CompareState): string {
  const params = new URLSearchParams();
  if (state.actors.length) params.set('actors', state.actors.join(','));
  if (state.topic.trim()) params.set('topic', state.topic);
  if (state.disagree) params.set('disagree', '1');
  if (state.all) params.set('all', '1');
  const s = params.toString().replace(/%2C/g, ',');
  return s ? `?${s}` : '';
}

/**
 * `/compare.html?actors=a,b`: the comparison page for a state. Relative to the extension's root,
 * where every extension page sits; `extensionUrl` makes it absolute.
 */
export function comparePath(state: Partial<CompareState> = {}): string {
  return `/compare.html${compareSearch({ actors: [], topic: '', disagree: false, all: false, ...state })}`;
}

/** What the source viewer's query names: a valid source id is required, a position id optional. */
export interface SourceTarget {
  sourceId: string | null;
  positionId: string | null;
}

/** Reads the source viewer's query string. */
export function parseSourceSearch(search: string): SourceTarget {
  const q = new URLSearchParams(search);
  const source = q.get('source');
  const position = q.get('position');
  return {
    sourceId: source !== null && isId(source) ? source : null,
    positionId: position !== null && isId(position) ? position : null,
  };
}

/** The source viewer's query string (with `?`). */
export function sourceSearch(sourceId: string, positionId?: string | null): string {
  const q = new URLSearchParams({ source: sourceId });
  if (positionId) q.set('position', positionId);
  return `?${q.toString()}`;
}

/** `/source.html?source=<id>&position=<id>`: the source viewer with one position's evidence marked. */
export function sourceViewerPath(sourceId: string, positionId?: string | null): string {
  return `/source.html${sourceSearch(sourceId, positionId)}`;
}

/** Absolute extension URL of a path from this module. */
export function extensionUrl(path: string, runtime = browser.runtime): string {
  // The path type is generated from the entrypoints; ours are built from query strings.
  return runtime.getURL(path as Parameters<typeof runtime.getURL>[0]);
}
