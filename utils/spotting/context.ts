/**
 * Page-wide disambiguation: a bare surname that the matcher could not settle on its own counts
 * once the page names its actor in full, wherever on the page that happens (before or after).
 */
import type { Candidate } from './rules';

export class PageContext {
  /** Actors the page names in full ("Donald Trump"), which makes their bare surnames count. */
  readonly namedInFull = new Set<string>();
  /** Actors the page names in a way that settles it: another actor for context. */
  readonly named = new Set<string>();

  /**
   * Records what a candidate tells about the page; returns true when it made more pending
   * candidates count (a new actor named in full, or the page's first named actor of a kind).
   */
  note(c: Candidate): boolean {
    if (!c.settled) return false;
    const id = c.actorIds[0]!;
    let grew = false;
    if (!this.named.has(id)) {
      this.named.add(id);
      grew = this.named.size <= 2; // the first or second actor: others' surnames now have context
    }
    if (c.full && !this.namedInFull.has(id)) {
      this.namedInFull.add(id);
      grew = true;
    }
    return grew;
  }

  /** The actor a candidate names given what the page says so far, or null (not, or not yet). */
  decide(c: Candidate): string | null {
    if (c.settled) return c.actorIds[0] ?? null;
    let found: string | null = null;
    for (const id of c.actorIds) {
      if (!this.namedInFull.has(id) && !this.namesOther(id)) continue;
      if (found !== null) return null; // two actors of the page share this form: leave it
      found = id;
    }
    return found;
  }

  /** True when the page names an actor other than `id`: a page about the pack's people. */
  private namesOther(id: string): boolean {
    return this.named.size > 1 || (this.named.size === 1 && !this.named.has(id));
  }

  clear(): void {
    this.namedInFull.clear();
    this.named.clear();
  }
}

/**
 * Decides a whole page's candidates in order, exactly as the content script's mention store
 * does (a candidate waits until the page names its actor in full or names another actor).
 */
export function resolveAll<T extends Candidate>(
  candidates: readonly T[],
): { c: T; actorId: string }[] {
  const ctx = new PageContext();
  const decided = new Map<T, string>();
  let pending: T[] = [];
  for (const c of candidates) {
    const grew = ctx.note(c);
    const id = ctx.decide(c);
    if (id === null) pending.push(c);
    else decided.set(c, id);
    if (grew && pending.length > 0) {
      const still: T[] = [];
      for (const p of pending) {
        const pid = ctx.decide(p);
        if (pid === null) still.push(p);
        else decided.set(p, pid);
      }
      pending = still;
    }
  }
  return candidates.filter((c) => decided.has(c)).map((c) => ({ c, actorId: decided.get(c)! }));
}
