/** The shape of one bench run's results, shared by the runner and the report. */
import type { BuildTime } from './matcher-build';
import type { LiveCosts } from './live-page';
import type { LongTaskPair } from './long-tasks';
import type { Machine } from './machine';
import type { PageCosts } from './page-costs';
import type { Sizes } from './sizes';

export type PageKind = 'corpus' | 'long' | 'demo';

/** One page's numbers: medians over the runs of each measurement. */
export interface PageResult {
  name: string;
  kind: PageKind;
  costs: PageCosts;
  /** From the timeline traces with the extension, no sampler (median over the runs). */
  firstHighlightMs: number | null;
  /** Our CPU time up to the first highlight (median over the runs), ms. */
  cpuToFirstHighlightMs: number | null;
  scanDoneMs: number | null;
  loadMs: number;
  /** The longest task of ours (scripts/bench/trace.ts says whose a task is), wall and CPU ms. */
  longestTaskMs: number;
  longestTaskCpuMs: number;
  /** The longest page task with our code nested in it, ms, and our time inside it (0: none). */
  nestedTaskMs: number;
  nestedOursMs: number;
  /** Heap with the extension minus heap without it, bytes. */
  extraHeapBytes: number;
  /** The content script's evaluation on this page, ms, and the thread's CPU time in it. */
  evaluateMs: number;
  evaluateCpuMs: number;
  hotspots: { frame: string; ms: number }[];
  /**
   * The page's own long-task observer, on untraced loads with the extension and without: the
   * first pair, then the pairs of the retry (long-tasks.ts, `CONFIRMING_PAIRS`) if it had one.
   */
  longTasks: LongTaskPair[];
}

interface RunSettings {
  corpus: string;
  corpusFound: boolean;
  runs: number;
  editRuns: number;
  markJsEvery: number;
  markJsRuns: number;
  extRuns: number;
  hovers: number;
  limit: number | null;
}

export interface BenchResults {
  machine: Machine;
  settings: RunSettings;
  pages: PageResult[];
  /** Pages that could not be measured, with the reason. */
  skipped: { name: string; reason: string }[];
  live: LiveCosts;
  /** Per pointer move, in move order: CPU time (judged) and wall time, ms (card-costs.ts). */
  hitTest: { page: string; cpuMs: number[]; wallMs: number[] }[];
  /** In hover order: the first is the page's first card (the card bundle's first use). */
  cardLatencyMs: number[];
  cardHovers: number;
  matcher: BuildTime[];
  sizes: Sizes;
  durationS: number;
  /** 1-minute load average when the measurements ended. */
  loadAverageAtEnd: number;
}
