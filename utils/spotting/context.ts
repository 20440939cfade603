/**
 * Page-wide disambiguation: a bare surname that the matcher could not settle on its own counts
 * once the page names its actor in full, wherever on the page that happens (before or after).
 */
import type { Candidate } from './rules';

export class PageContext {
  /** Actors the page names in full ("Donald Trump"), which makes their bare surnames count. */
  readonly namedInFull = new Set<string>();

  /** Records what a candidate tells about the page; returns true when it named a new actor in full. */
  note(c: Candidate): boolean {
    if (!c.full || !c.settled) return false;
    const id = c.actorIds[0]!;
    if (this.namedInFull.has(id)) return false;
    this.namedInFull.add(id);
    return true;
  }

  /** The actor a candidate names given what the page says so far, or null (not, or not yet). */
  decide(c: Candidate): string | null {
    if (c.settled) return c.actorIds[0] ?? null;
    let found: string | null = null;
    for (const id of c.actorIds) {
      if (!this.namedInFull.has(id)) continue;
      if (found !== null) return null; // two actors of the page share this form: leave it
      found = id;
    }
    return found;
  }

  clear(): void {
    this.namedInFull.clear();
  }
}

/** Decides a whole page's candidates at once, in order: what the `spot` command does. */
export function resolveAll<T extends Candidate>(
  candidates: readonly T[],
): { c: T; actorId: string }[] {
  const ctx = new PageContext();
  for (const c of candidates) ctx.note(c);
  const out: { c: T; actorId: string }[] = [];
  for (const c of candidates) {
    const id = ctx.decide(c);
    if (id !== null) out.push({ c, actorId: id });
  }
  return out;
}
