/**
 * Who the picker lists and who is picked by default: the people found on the tab come first,
 * most mentioned first, and the first of them are picked, so the popup opens on the page's people.
 */
import type { PageReport } from '../messaging';
import { comparePeople, type ActorSummary } from '../views';
import type { Voice } from './rows';

/** The popup compares two to four people: more columns do not fit its 780 px. */
export const POPUP_PICK = { min: 2, max: 4 } as const;

export interface PickerEntry {
  actor: ActorSummary;
  /** Mentions on the current tab; 0 for people not on it. */
  count: number;
}

export interface PickerList {
  /** Actors found on the tab: most mentions first, then first mention first. */
  onPage: PickerEntry[];
  /** Every other actor: people before groups, then by name. */
  others: PickerEntry[];
}

/**
 * Splits the known actors into those on the page and the rest. Ids in the report that no
 * installed pack knows (a pack removed since the page was scanned) are skipped.
 */
export function pickerList(
  actors: readonly ActorSummary[],
  report: Pick<PageReport, 'actorIds' | 'counts'> | null,
): PickerList {
  const byId = new Map(actors.map((a) => [a.id, a]));
  const onPage: PickerEntry[] = [];
  const seen = new Set<string>();
  for (const id of report?.actorIds ?? []) {
    const actor = byId.get(id);
    if (!actor || seen.has(id)) continue;
    seen.add(id);
    onPage.push({ actor, count: Math.max(0, Math.trunc(report?.counts[id] ?? 0)) });
  }
  // Stable sort: equal counts keep the order of first mention.
  onPage.sort((a, b) => b.count - a.count);
  const others = actors
    .filter((a) => !seen.has(a.id))
    .sort(comparePeople)
    .map((actor) => ({ actor, count: 0 }));
  return { onPage, others };
}

/**
 * The default selection: the people on the page, in picker order (most mentioned first), up to
 * `max`. When `voices` is known (see `actorVoices`), those with positions of their own come
 * first, then those whose groups' positions show, then the silent, so the popup does not open on
 * empty columns. Within each, people come before groups (a group's positions already show in
 * its members' cells). Empty when the page names nobody: the reader then picks from the list.
 */
export function defaultPicks(
  list: PickerList,
  max: number = POPUP_PICK.max,
  voices?: ReadonlyMap<string, Voice>,
): string[] {
  const voiceRank = (id: string) => {
    if (!voices) return 0;
    const v = voices.get(id);
    return v === 'own' ? 0 : v === 'group' ? 1 : 2;
  };
  const rank = (e: PickerEntry) => voiceRank(e.actor.id) * 2 + (e.actor.kind === 'person' ? 0 : 1);
  // Stable sort: within a rank the picker order (mentions) holds.
  return [...list.onPage]
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, max)
    .map((e) => e.actor.id);
}
