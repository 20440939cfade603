/**
 * `review: pending`: the mark a draft puts on every entry a person must still decide. A pack
 * with any such entry is never built or published; the refusal names each one.
 */

const LISTS = ['sources', 'actors', 'topics', 'positions'] as const;

/** Every entry still marked `review: pending`, as `positions[3] (zelenskyy-nato-bid)`. */
export function pendingEntries(data: unknown): string[] {
  const out: string[] = [];
  if (typeof data !== 'object' || data === null) return out;
  const record = data as Record<string, unknown>;
  if (record.review === 'pending') out.push('(pack)');
  for (const list of LISTS) {
    const items = record[list];
    if (!Array.isArray(items)) continue;
    items.forEach((entry: unknown, i) => {
      if (typeof entry !== 'object' || entry === null) return;
      const e = entry as Record<string, unknown>;
      if (e.review !== 'pending') return;
      out.push(typeof e.id === 'string' ? `${list}[${i}] (${e.id})` : `${list}[${i}]`);
    });
  }
  return out;
}

/** The refusal, one line per pending entry, for the person at the terminal. */
export function pendingMessage(where: string | null, entries: readonly string[]): string[] {
  return entries.map(
    (e) =>
      `${where === null ? '  ' : `${where}: `}${e}: still marked "review: pending"; review it, then delete that line`,
  );
}
