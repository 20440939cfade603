/** The namesake rule over the candidates of one text (see `afterNamesakes`). */
import type { Candidate } from './rules';

/**
 * Applies the namesakes of one text: after `Brigitte Macron` or `Mrs Macron`, the text's later
 * bare surnames (not full names, not after the actor's own given name) are not taken for that
 * actor. The rule stops at the end of the text (a paragraph, a headline, a list item): a page
 * may well carry a story about the spouse beside stories about our person.
 */
export function afterNamesakes(found: Candidate[]): Candidate[] {
  if (!found.some((c) => c.namesakeOf)) return found;
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const c of found) {
    if (c.namesakeOf) {
      for (const id of c.namesakeOf) seen.add(id);
      if (c.actorIds.length === 0) continue;
      const { namesakeOf: _, ...rest } = c;
      out.push(rest);
      continue;
    }
    if (c.full || !c.actorIds.some((id) => seen.has(id))) {
      out.push(c);
      continue;
    }
    const ids = c.actorIds.filter((id) => !seen.has(id));
    if (ids.length > 0) out.push({ ...c, actorIds: ids, settled: c.settled && ids.length === 1 });
  }
  return out;
}
