/**
 * Chromium traces and what the bench reads from them. A trace is the only view that sees the
 * content script at work from outside: its isolated world is invisible to page scripts, and
 * continuations after an `await` show up in no `FunctionCall` event. So main-thread time is
 * attributed with the sampling profiler the trace carries: a sample counts as the extension's when
 * any frame of its stack comes from a `chrome-extension://` script (our code and every DOM call
 * it makes). Tasks come from the scheduler's `RunTask` events on the same thread.
 *
 * Whose task is it? A task counts as ours when our code started it (the first script the task
 * runs is ours and no page event dispatched it: our timer, idle callback, module evaluation) or
 * when our code took more than `OUR_TASK_SHARE` of it. A page task in which our code only ran
 * nested (our MutationObserver callback after a page script changed the DOM, our listener among
 * the page's) is not; it is reported apart with our own time inside it (`longestNestedTask`).
 */
import type { CDPSession } from 'playwright-core';

/** One Chrome trace event, as much of it as the bench reads. */
export interface TraceEvent {
  name: string;
  cat: string;
  ph: string;
  ts: number;
  dur?: number;
  /** Thread (CPU) time of a complete event, µs. */
  tdur?: number;
  pid: number;
  tid: number;
  id?: string;
  args?: { data?: Record<string, unknown> & { url?: string; type?: string } };
}

/**
 * The timeline (tasks, paints, event dispatch, script evaluation, `console.timeStamp`) and user
 * timing marks (the bench's own, set by the page: scripts/bench/card-costs.ts).
 */
const TIMELINE_CATEGORIES = [
  'toplevel',
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'blink.user_timing',
  'v8.execute',
];
/**
 * The V8 sampler at its fine interval (about 0.1 ms), for attribution. It has a price: while it
 * runs, V8 logs every compiled function and is interrupted 10,000 times a second, so short tasks
 * and compiles take longer than without it. Timings that must be exact come from a trace without it.
 */
const SAMPLER_CATEGORIES = [
  'disabled-by-default-v8.cpu_profiler',
  'disabled-by-default-v8.cpu_profiler.hires',
];

/** A running trace; `stop()` returns its events. */
export interface Tracing {
  stop(): Promise<TraceEvent[]>;
}

/**
 * Starts tracing through a page's DevTools session (the trace covers every process); with
 * `sampled: false` the trace holds the timeline only, without the V8 sampler and its overhead.
 */
export async function startTracing(
  cdp: CDPSession,
  { sampled = true }: { sampled?: boolean } = {},
): Promise<Tracing> {
  const events: TraceEvent[] = [];
  const onData = (payload: { value: object[] }) => {
    for (const ev of payload.value) events.push(ev as TraceEvent);
  };
  cdp.on('Tracing.dataCollected', onData);
  await cdp.send('Tracing.start', {
    transferMode: 'ReportEvents',
    traceConfig: {
      includedCategories: sampled
        ? [...TIMELINE_CATEGORIES, ...SAMPLER_CATEGORIES]
        : TIMELINE_CATEGORIES,
    },
  });
  return {
    async stop() {
      const complete = new Promise<void>((resolve) =>
        cdp.once('Tracing.tracingComplete', () => resolve()),
      );
      await cdp.send('Tracing.end');
      await complete;
      cdp.off('Tracing.dataCollected', onData);
      return events;
    },
  };
}

const TASK_EVENT = 'ThreadControllerImpl::RunTask';
/** What `console.timeStamp` leaves in the trace (category devtools.timeline). */
const TIME_STAMP_EVENT = 'TimeStamp';
/** Events that run or compile a script; their `url` says whose it is. */
const SCRIPT_EVENTS: ReadonlySet<string> = new Set([
  'EvaluateScript',
  'FunctionCall',
  'v8.compile',
  'v8.compileModule',
  'v8.evaluateModule',
]);
/** A page event dispatched to listeners: a script inside it did not start the task. */
const DISPATCH_EVENT = 'EventDispatch';
/**
 * Share of a task's wall time our code must take for a task it did not start to count as ours:
 * more than half, so that a task is ours or the page's and never both.
 */
export const OUR_TASK_SHARE = 0.5;

/** A main-thread task in which the extension's code ran, and how much of it was ours. */
export interface AttributedTask {
  /** Start, µs (trace clock). */
  ts: number;
  /** Wall time, ms. */
  ms: number;
  /** The thread's CPU time in the task, ms. */
  cpuMs: number;
  /** The first script the task ran was ours, outside any page event dispatch. */
  startedByUs: boolean;
  /**
   * Our time inside the task, ms: our script events (outermost ones), or our samples when the
   * trace is sampled and they add up to more (continuations after an `await` show in samples only).
   */
  oursMs: number;
  /** CPU time of our script events inside the task, ms. */
  oursCpuMs: number;
  /** Counted as a task of ours: started by us, or more than OUR_TASK_SHARE of it ours. */
  ours: boolean;
}

/** A trace read for one extension: its scripts' thread, samples and tasks. */
export class TraceView {
  /** The renderer main thread that ran the extension's content script, if any did. */
  readonly pid: number | null = null;
  readonly tid: number | null = null;
  /** Start of the content script's first evaluation, µs (trace clock). */
  readonly contentScriptStart: number | null = null;
  /** Duration of that first evaluation (parse, compile and top-level code), ms. */
  readonly contentScriptEvaluateMs: number = 0;
  /** The thread's CPU time in that evaluation, ms (`tdur`; 0 when the trace has none). */
  readonly contentScriptEvaluateCpuMs: number = 0;
  private readonly mainEvents: TraceEvent[] = [];
  /** Sample times (µs) and whether each is the extension's, sorted by time. */
  private readonly sampleTimes: number[] = [];
  private readonly sampleDur: number[] = [];
  private readonly sampleOurs: boolean[] = [];
  /** For the extension's samples: the innermost frame, as `function (url:line)`. */
  private readonly sampleLeaf: string[] = [];

  constructor(
    readonly events: readonly TraceEvent[],
    readonly extensionOrigin: string,
  ) {
    for (const e of events) {
      if (e.name === 'EvaluateScript' && this.isOurs(e.args?.data?.url)) {
        if (this.contentScriptStart === null || e.ts < this.contentScriptStart) {
          this.pid = e.pid;
          this.tid = e.tid;
          this.contentScriptStart = e.ts;
          this.contentScriptEvaluateMs = (e.dur ?? 0) / 1000;
          this.contentScriptEvaluateCpuMs = (e.tdur ?? 0) / 1000;
        }
      }
    }
    if (this.pid === null) {
      // Traced after the script's start: the thread is the one running our callbacks.
      const call = events.find((e) => e.name === 'FunctionCall' && this.isOurs(e.args?.data?.url));
      if (!call) return;
      this.pid = call.pid;
      this.tid = call.tid;
    }
    for (const e of events) if (e.pid === this.pid && e.tid === this.tid) this.mainEvents.push(e);
    this.mainEvents.sort((a, b) => a.ts - b.ts);
    this.readSamples();
  }

  private isOurs(url: unknown): boolean {
    return typeof url === 'string' && url.startsWith(this.extensionOrigin);
  }

  /** Rebuilds the sampled stacks of the main thread's profile from its chunks. */
  private readSamples(): void {
    interface Node {
      parent?: number;
      callFrame: { url?: string; functionName?: string; lineNumber?: number };
    }
    const profiles = new Map<
      string,
      { start: number; nodes: Map<number, Node>; samples: number[]; deltas: number[] }
    >();
    for (const e of this.events) {
      if (e.name === 'Profile' && e.pid === this.pid && e.tid === this.tid && e.id) {
        profiles.set(e.id, {
          start: e.args!.data!.startTime as number,
          nodes: new Map(),
          samples: [],
          deltas: [],
        });
      }
    }
    for (const e of this.events) {
      if (e.name !== 'ProfileChunk' || e.pid !== this.pid || !e.id) continue;
      const p = profiles.get(e.id);
      if (!p) continue;
      const data = e.args!.data as {
        cpuProfile?: { nodes?: (Node & { id: number })[]; samples?: number[] };
        timeDeltas?: number[];
      };
      for (const n of data.cpuProfile?.nodes ?? []) p.nodes.set(n.id, n);
      p.samples.push(...(data.cpuProfile?.samples ?? []));
      p.deltas.push(...(data.timeDeltas ?? []));
    }
    const pairs: { t: number; ours: boolean; leaf: string }[] = [];
    for (const p of profiles.values()) {
      const ours = new Map<number, boolean>();
      const isOursNode = (id: number): boolean => {
        const known = ours.get(id);
        if (known !== undefined) return known;
        const n = p.nodes.get(id);
        const result = !n
          ? false
          : this.isOurs(n.callFrame.url) || (n.parent !== undefined && isOursNode(n.parent));
        ours.set(id, result);
        return result;
      };
      let t = p.start;
      for (let i = 0; i < p.samples.length; i++) {
        t += p.deltas[i] ?? 0;
        const id = p.samples[i]!;
        const f = p.nodes.get(id)?.callFrame;
        const where = f?.url ? ` (${f.url.replace(/^.*\//, '')}:${(f.lineNumber ?? 0) + 1})` : '';
        pairs.push({
          t,
          ours: isOursNode(id),
          leaf: `${f?.functionName || '(anonymous)'}${where}`,
        });
      }
    }
    pairs.sort((a, b) => a.t - b.t);
    for (let i = 0; i < pairs.length; i++) {
      this.sampleTimes.push(pairs[i]!.t);
      // A sample stands for the time up to the next one.
      this.sampleDur.push(i + 1 < pairs.length ? pairs[i + 1]!.t - pairs[i]!.t : 0);
      this.sampleOurs.push(pairs[i]!.ours);
      this.sampleLeaf.push(pairs[i]!.leaf);
    }
  }

  /** True when the trace holds the main thread's samples. */
  get sampled(): boolean {
    return this.sampleTimes.length > 0;
  }

  /** The extension's sampled main-thread time between two trace times, in ms. */
  ourTime(from = -Infinity, to = Infinity): number {
    let sum = 0;
    let i = lowerBound(this.sampleTimes, from);
    for (; i < this.sampleTimes.length && this.sampleTimes[i]! < to; i++) {
      if (this.sampleOurs[i]) sum += this.sampleDur[i]!;
    }
    return sum / 1000;
  }

  /** Where the extension's sampled time went between two trace times: innermost frames, ms, largest first. */
  ourHotspots(from = -Infinity, to = Infinity, count = 8): { frame: string; ms: number }[] {
    const by = new Map<string, number>();
    let i = lowerBound(this.sampleTimes, from);
    for (; i < this.sampleTimes.length && this.sampleTimes[i]! < to; i++) {
      if (!this.sampleOurs[i]) continue;
      const leaf = this.sampleLeaf[i]!;
      by.set(leaf, (by.get(leaf) ?? 0) + this.sampleDur[i]!);
    }
    return [...by]
      .map(([frame, us]) => ({ frame, ms: us / 1000 }))
      .sort((a, b) => b.ms - a.ms)
      .slice(0, count);
  }

  /**
   * The first `console.timeStamp(label)` on the content script's thread, µs, or null. The
   * spotter tells its progress this way (utils/spotting/progress.ts): a `TimeStamp` event in the
   * trace, where a user timing mark would be in the page's own performance timeline too.
   */
  timeStamp(label: string): number | null {
    for (const e of this.mainEvents)
      if (e.name === TIME_STAMP_EVENT && e.args?.data?.message === label) return e.ts;
    return null;
  }

  /** Main-thread tasks (µs) in a window, each with the extension's sampled time inside it (ms). */
  tasks(from = -Infinity, to = Infinity): { ts: number; ms: number; oursMs: number }[] {
    const out: { ts: number; ms: number; oursMs: number }[] = [];
    for (const e of this.mainEvents) {
      if (e.name !== TASK_EVENT || e.ph !== 'X' || e.dur === undefined) continue;
      if (e.ts + e.dur < from || e.ts > to) continue;
      out.push({ ts: e.ts, ms: e.dur / 1000, oursMs: this.ourTime(e.ts, e.ts + e.dur) });
    }
    return out;
  }

  /**
   * Every main-thread task in a window in which the extension's code ran (a script event of ours
   * or, sampled, a sample of ours), with whose task it is and our time inside it.
   */
  attributedTasks(from = -Infinity, to = Infinity): AttributedTask[] {
    const out: AttributedTask[] = [];
    const events = this.mainEvents;
    let i = 0;
    for (const task of events) {
      if (task.name !== TASK_EVENT || task.ph !== 'X' || task.dur === undefined) continue;
      const end = task.ts + task.dur;
      if (end < from || task.ts > to) continue;
      while (i < events.length && events[i]!.ts < task.ts) i++;
      let first: TraceEvent | null = null;
      let firstDispatched = false;
      let eventUs = 0;
      let eventCpuUs = 0;
      let coveredUntil = -Infinity;
      let dispatchUntil = -Infinity;
      for (let j = i; j < events.length && events[j]!.ts <= end; j++) {
        const e = events[j]!;
        if (e === task || e.ph !== 'X') continue;
        if (e.name === DISPATCH_EVENT) dispatchUntil = Math.max(dispatchUntil, e.ts + (e.dur ?? 0));
        if (!SCRIPT_EVENTS.has(e.name)) continue;
        if (!first) {
          first = e;
          firstDispatched = e.ts < dispatchUntil;
        }
        if (!this.isOurs(e.args?.data?.url) || e.ts < coveredUntil) continue;
        eventUs += e.dur ?? 0;
        eventCpuUs += e.tdur ?? 0;
        coveredUntil = e.ts + (e.dur ?? 0);
      }
      const sampledMs = this.ourTime(task.ts, end);
      if (eventUs === 0 && sampledMs === 0) continue;
      const ms = task.dur / 1000;
      const oursMs = Math.max(eventUs / 1000, sampledMs);
      const startedByUs = !!first && !firstDispatched && this.isOurs(first.args?.data?.url);
      out.push({
        ts: task.ts,
        ms,
        cpuMs: (task.tdur ?? 0) / 1000,
        startedByUs,
        oursMs,
        oursCpuMs: eventCpuUs / 1000,
        ours: startedByUs || oursMs > OUR_TASK_SHARE * ms,
      });
    }
    return out;
  }

  /**
   * Our CPU time in a window, ms: the thread's CPU time in each task of ours (see
   * `AttributedTask.ours`: what our code started, style and layout included), and our script
   * events' CPU time inside the page's tasks. Unlike wall time it leaves out the waits for the
   * page's tasks and for a core.
   */
  ourCpuMs(from = -Infinity, to = Infinity): number {
    let ms = 0;
    for (const t of this.attributedTasks(from, to)) ms += t.ours ? t.cpuMs : t.oursCpuMs;
    return ms;
  }

  /** The longest task of ours (see `AttributedTask.ours`) in a window, or null. */
  longestOwnTask(from = -Infinity, to = Infinity): AttributedTask | null {
    return longest(this.attributedTasks(from, to).filter((t) => t.ours));
  }

  /** The longest task of ours in a window, ms (0 when there was none). */
  longestOurTask(from = -Infinity, to = Infinity): number {
    return this.longestOwnTask(from, to)?.ms ?? 0;
  }

  /** The longest page task in which our code ran only nested (not a task of ours), or null. */
  longestNestedTask(from = -Infinity, to = Infinity): AttributedTask | null {
    return longest(this.attributedTasks(from, to).filter((t) => !t.ours));
  }

  /** Events of the main thread with this name, in time order. */
  named(name: string): TraceEvent[] {
    return this.mainEvents.filter((e) => e.name === name);
  }

  /** Time the extension's own script events took inside [from, to], in ms (µs precise). */
  ourCallTime(from: number, to: number): number {
    let sum = 0;
    let coveredUntil = -Infinity;
    for (const e of this.mainEvents) {
      if (e.ts < from) continue;
      if (e.ts > to) break;
      if (e.name !== 'FunctionCall' || !this.isOurs(e.args?.data?.url) || e.ts < coveredUntil)
        continue;
      sum += e.dur ?? 0;
      coveredUntil = e.ts + (e.dur ?? 0);
    }
    return sum / 1000;
  }
}

function longest(tasks: AttributedTask[]): AttributedTask | null {
  let best: AttributedTask | null = null;
  for (const t of tasks) if (!best || t.ms > best.ms) best = t;
  return best;
}

function lowerBound(sorted: readonly number[], x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
