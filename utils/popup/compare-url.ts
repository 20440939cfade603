/**
 * The comparison page keeps its whole selection in the URL, so a comparison can be bookmarked
 * and shared between the popup, a card's "Compare" and the address bar:
 * `compare.html?actors=zelenskyy,merz&topic=nato&disagree=1`.
 */
import { idSchema } from '../pack/schema';

/** Longest search text kept from a URL: a topic label or a few words. */
export const MAX_QUERY_CHARS = 200;
/** Most actor ids read from a URL (the background's matrix limit). */
export const MAX_URL_ACTORS = 200;

export interface CompareState {
  /** Picked actor ids in column order; empty means "everyone" on the comparison page. */
  actors: string[];
  /** The topic search text (a topic id works too: search matches ids). */
  topic: string;
  /** Only the topics where the picked people disagree. */
  disagree: boolean;
}

/** Reads the state from a query string; malformed ids are dropped, duplicates kept once. */
export function parseCompareState(search: string): CompareState {
  const params = new URLSearchParams(search);
  const actors: string[] = [];
  for (const raw of (params.get('actors') ?? '').split(',')) {
    const id = raw.trim();
    if (idSchema.safeParse(id).success && !actors.includes(id)) actors.push(id);
    if (actors.length >= MAX_URL_ACTORS) break;
  }
  const disagree = params.get('disagree');
  return {
    actors,
    topic: (params.get('topic') ?? '').slice(0, MAX_QUERY_CHARS),
    disagree: disagree === '1' || disagree === 'true',
  };
}

/** The query string for a state (with `?`), leaving out what is empty or off. */
export function compareSearch(state: CompareState): string {
  const params = new URLSearchParams();
  if (state.actors.length) params.set('actors', state.actors.join(','));
  if (state.topic.trim()) params.set('topic', state.topic);
  if (state.disagree) params.set('disagree', '1');
  const s = params.toString().replace(/%2C/g, ',');
  return s ? `?${s}` : '';
}

/** A link to the comparison page for a state; relative, as every extension page sits at the root. */
export function compareHref(state: Partial<CompareState> = {}): string {
  return `/compare.html${compareSearch({ actors: [], topic: '', disagree: false, ...state })}`;
}

/** A link to the source viewer with one position's evidence marked. */
export function sourceHref(sourceId: string, positionId: string): string {
  const params = new URLSearchParams({ source: sourceId, position: positionId });
  return `/source.html?${params.toString()}`;
}
