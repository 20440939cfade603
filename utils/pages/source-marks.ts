/**
 * Splits a source text into runs for the source viewer: each run is plain text or covered by
 * the evidence of one or more positions (spans may overlap). Built from offsets only, so the
 * viewer renders text nodes and `<mark>` elements, never markup from the pack.
 */
import type { PositionView } from '@/utils/views';

export interface TextRun {
  start: number;
  end: number;
  text: string;
  /** Positions whose evidence covers this run, in the order given. */
  positionIds: string[];
}

export interface LocatedEvidence {
  positionId: string;
  start: number;
  end: number;
}

/**
 * Where a position's evidence sits in `text`: at its offsets when the text there matches,
 * otherwise at the first place its exact words occur (a source re-issued with small edits), or
 * null when the words are not in the text at all.
 */
export function locateEvidence(
  text: string,
  position: Pick<PositionView, 'id' | 'evidence'>,
): LocatedEvidence | null {
  const { start, end, text: words } = position.evidence;
  if (start >= 0 && end <= text.length && start < end && text.slice(start, end) === words) {
    return { positionId: position.id, start, end };
  }
  const at = words.length > 0 ? text.indexOf(words) : -1;
  return at >= 0 ? { positionId: position.id, start: at, end: at + words.length } : null;
}

/** Runs covering all of `text`, in order; adjacent runs differ in the positions covering them. */
export function splitIntoRuns(text: string, spans: readonly LocatedEvidence[]): TextRun[] {
  const cuts = new Set<number>([0, text.length]);
  for (const s of spans) {
    cuts.add(s.start);
    cuts.add(s.end);
  }
  const points = [...cuts].sort((a, b) => a - b);
  const runs: TextRun[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    if (start === end) continue;
    const positionIds = spans
      .filter((s) => s.start <= start && s.end >= end)
      .map((s) => s.positionId);
    const last = runs.at(-1);
    if (last && last.positionIds.join(' ') === positionIds.join(' ')) {
      last.end = end;
      last.text = text.slice(last.start, end);
    } else {
      runs.push({ start, end, text: text.slice(start, end), positionIds });
    }
  }
  return runs;
}
