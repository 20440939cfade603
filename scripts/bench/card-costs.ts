/**
 * Hover costs with the real extension, read from one trace per page:
 * - hit-test: per pointer move, the extension's pointer listeners (the mention lookup under the
 *   pointer plus the hover bookkeeping) timed by their `FunctionCall` events inside the move's
 *   event dispatches (`pointerover` on a new element, `pointermove`), 0 for a move in which none
 *   ran, in CPU time (the events' thread time) and wall time: on a shared 2-core machine the
 *   wall time of a 0.1 ms call now and then includes milliseconds in which the thread did not run;
 * - card latency: from the end of the hover delay to the end of the first main-thread paint
 *   after the card's open timer ran (the frame's display list is recorded then; raster and the
 *   compositor's frame follow on other threads). The hover's start is a mark the page sets in a
 *   window capture listener for `pointerover` (the pointer comes onto the name's element), which
 *   runs just before the extension's own listener (also a window capture listener, added later)
 *   starts the delay.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { CLOSE_GRACE_MS } from '@/utils/card/timing';
import { PAGE_LOAD_TIMEOUT_MS } from './page-costs';
import { scanDone } from './extension-costs';
import { startTracing, TraceView, type TraceEvent } from './trace';

/**
 * The hover delay the bench sets, ms: the settings' default, so cards open as readers get them.
 * Set explicitly so the latency below is measured from a known moment.
 */
const BENCH_HOVER_DELAY_MS = 400;
/** Time left after the delay for the card to paint before the pointer leaves, ms. */
const CARD_SHOW_WAIT_MS = 400;
/** Extra time after the close grace for the card to be gone before the next hover, ms. */
const CLOSE_MARGIN_MS = 150;
/** Pointer moves in one hit-test sweep: a grid over the viewport plus every visible name. */
const SWEEP_COLUMNS = 16;
const SWEEP_ROWS = 12;

const HOVER_MARK = 'bench:hover';
/** The hover bundle, where the hover controller's open timer runs (utils/card/hover-controller.ts). */
const HOVER_BUNDLE_FILE = '/hover.js';

/** A point of the page with no text under it, where the pointer rests between hovers. */
const REST_POINT = { x: 2, y: 2 };

/** Centers of the highlighted names inside the viewport, in document order. */
async function visibleNamePoints(page: Page): Promise<{ x: number; y: number }[]> {
  return page.evaluate(() => {
    const out: { x: number; y: number }[] = [];
    for (const r of CSS.highlights.get('standpoint-mention') ?? []) {
      const live = document.createRange();
      live.setStart(r.startContainer, r.startOffset);
      live.setEnd(r.endContainer, r.endOffset);
      const box = live.getClientRects()[0];
      if (!box || box.width < 4) continue;
      const x = box.left + box.width / 2;
      const y = box.top + box.height / 2;
      if (y > 0 && y < innerHeight - 1 && x > 0 && x < innerWidth - 1) out.push({ x, y });
    }
    return out;
  });
}

async function openTraced(context: BrowserContext, extensionOrigin: string, url: string) {
  const page = await context.newPage();
  await page.addInitScript((mark) => {
    // The page's own listener: marks the first element the pointer comes onto after the bench
    // arms it (the hover's first event, where the extension's delay starts).
    const w = window as unknown as { benchArmed?: boolean };
    addEventListener(
      'pointerover',
      () => {
        if (!w.benchArmed) return;
        w.benchArmed = false;
        performance.mark(mark);
      },
      { capture: true },
    );
  }, HOVER_MARK);
  const cdp = await context.newCDPSession(page);
  await page.goto(url, { waitUntil: 'load', timeout: PAGE_LOAD_TIMEOUT_MS });
  await scanDone(cdp, extensionOrigin);
  const tracing = await startTracing(cdp);
  return { page, cdp, tracing };
}

/** The extension's time in each pointer move, in move order. */
export interface HitTests {
  /** Wall time of its script calls inside each move's pointer event dispatches, ms (0: none ran). */
  wallMs: number[];
  /**
   * The thread's CPU time in the same calls, ms: what targets judge. Each call counts at most
   * its wall time: now and then this virtual machine's thread clock runs ahead of the wall clock
   * within one event (1.47 ms of CPU in 0.68 ms of wall was seen), which no thread can do.
   */
  cpuMs: number[];
}

/** A trace event with its thread (CPU) time, µs. */
type ThreadTimed = TraceEvent & { tdur?: number };

/** The scheduler's task event (as in ./trace.ts): one input event's dispatches run in one. */
const TASK_EVENT = 'ThreadControllerImpl::RunTask';
/** Pointer and mouse events: what one step of the pointer dispatches. */
const POINTER_EVENT = /^(pointer|mouse|gotpointercapture|lostpointercapture)/;

/**
 * Per pointer move, the extension's script calls inside the move's event dispatches: each input
 * task that dispatches a `pointermove` is one move, and every pointer or mouse event it
 * dispatches counts (`pointerover` and `pointerleave` on a new element, `pointermove`). A move
 * in which none of our code ran counts as 0: the hover side follows moves only over elements
 * that hold a name's text (utils/card/hover-controller.ts).
 */
function hitTests(view: TraceView, extensionOrigin: string): HitTests {
  const out: HitTests = { wallMs: [], cpuMs: [] };
  const calls = view
    .named('FunctionCall')
    .filter((e) => String(e.args?.data?.url ?? '').startsWith(extensionOrigin));
  const dispatches = view
    .named('EventDispatch')
    .filter((e) => e.dur !== undefined && POINTER_EVENT.test(String(e.args?.data?.type)));
  let d = 0;
  let c = 0;
  for (const task of view.named(TASK_EVENT)) {
    if (task.dur === undefined) continue;
    const end = task.ts + task.dur;
    while (d < dispatches.length && dispatches[d]!.ts < task.ts) d++;
    let move = false;
    let wall = 0;
    let cpu = 0;
    let coveredUntil = -Infinity;
    for (let k = d; k < dispatches.length && dispatches[k]!.ts <= end; k++) {
      const e = dispatches[k]!;
      if (e.args?.data?.type === 'pointermove') move = true;
      const dispatchEnd = e.ts + e.dur!;
      while (c < calls.length && calls[c]!.ts < e.ts) c++;
      for (let j = c; j < calls.length && calls[j]!.ts <= dispatchEnd; j++) {
        const call = calls[j] as ThreadTimed;
        if (call.ts < coveredUntil) continue; // nested in one counted already
        const dur = call.dur ?? 0;
        wall += dur;
        cpu += Math.min(call.tdur ?? dur, dur);
        coveredUntil = call.ts + dur;
      }
    }
    if (!move) continue;
    out.wallMs.push(wall / 1000);
    out.cpuMs.push(cpu / 1000);
  }
  return out;
}

/** Sweeps the pointer over a grid and over every visible name, traced; returns per-move times. */
export async function measureHitTests(
  context: BrowserContext,
  extensionOrigin: string,
  url: string,
): Promise<HitTests> {
  const { page, cdp, tracing } = await openTraced(context, extensionOrigin, url);
  try {
    const viewport = page.viewportSize() ?? { width: 1280, height: 900 };
    const points = await visibleNamePoints(page);
    for (let r = 0; r < SWEEP_ROWS; r++) {
      for (let c = 0; c < SWEEP_COLUMNS; c++) {
        points.push({
          x: ((c + 0.5) * viewport.width) / SWEEP_COLUMNS,
          y: ((r + 0.5) * viewport.height) / SWEEP_ROWS,
        });
      }
    }
    for (const p of points) await page.mouse.move(p.x, p.y);
    const view = new TraceView(await tracing.stop(), extensionOrigin);
    return hitTests(view, extensionOrigin);
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}

export interface CardLatency {
  /** From the end of the hover delay to the card painted, ms, one per hover that opened a card. */
  latenciesMs: number[];
  hovers: number;
}

/** Hovers names of the page one after another, `hovers` times, and times each card's first paint. */
export async function measureCardLatency(
  context: BrowserContext,
  extensionOrigin: string,
  url: string,
  hovers: number,
): Promise<CardLatency> {
  const { page, cdp, tracing } = await openTraced(context, extensionOrigin, url);
  try {
    const names = await visibleNamePoints(page);
    if (names.length === 0) throw new Error(`No visible names to hover on ${url}`);
    for (let i = 0; i < hovers; i++) {
      const target = names[i % names.length]!;
      await page.mouse.move(REST_POINT.x, REST_POINT.y);
      await page.waitForTimeout(CLOSE_GRACE_MS + CLOSE_MARGIN_MS);
      await page.evaluate(
        () => ((window as unknown as { benchArmed?: boolean }).benchArmed = true),
      );
      await page.mouse.move(target.x, target.y);
      await page.waitForTimeout(BENCH_HOVER_DELAY_MS + CARD_SHOW_WAIT_MS);
    }
    await page.mouse.move(REST_POINT.x, REST_POINT.y);
    const view = new TraceView(await tracing.stop(), extensionOrigin);
    const starts = view.named(HOVER_MARK).map((e) => e.ts);
    // The open timer runs in the hover bundle; other callbacks of ours (the spotter's idle
    // slices, the card's set-up steps) may run at the delay's end too and are not the open.
    const calls = view
      .named('FunctionCall')
      .filter(
        (e) =>
          typeof e.args?.data?.url === 'string' &&
          e.args.data.url.startsWith(extensionOrigin) &&
          e.args.data.url.endsWith(HOVER_BUNDLE_FILE),
      );
    const paints = view.named('Paint');
    const latenciesMs: number[] = [];
    for (const hover of starts) {
      const delayEnd = hover + BENCH_HOVER_DELAY_MS * 1000;
      // The open timer: the hover bundle's first callback at or after the delay's end (1 ms for
      // clock rounding).
      const open = calls.find(
        (e) => e.ts >= delayEnd - 1000 && e.ts < delayEnd + CARD_SHOW_WAIT_MS * 1000,
      );
      if (!open) continue;
      const paint = paints.find((p) => p.ts >= open.ts);
      if (!paint || paint.ts > delayEnd + CARD_SHOW_WAIT_MS * 1000) continue;
      latenciesMs.push((paint.ts + (paint.dur ?? 0) - delayEnd) / 1000);
    }
    return { latenciesMs, hovers };
  } finally {
    await cdp.detach().catch(() => undefined);
    await page.close();
  }
}
