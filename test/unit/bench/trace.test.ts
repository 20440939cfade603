import { describe, expect, it } from 'vitest';
import { TraceView, type TraceEvent } from '../../../scripts/bench/trace';
import { median } from '../../../scripts/bench/stats';

const EXT = 'chrome-extension://abc/';
const PID = 1;
const TID = 7;

const ev = (e: Partial<TraceEvent> & { name: string; ts: number }): TraceEvent => ({
  cat: 'devtools.timeline',
  ph: 'X',
  pid: PID,
  tid: TID,
  ...e,
});

/**
 * A trace of one content script: evaluated at 1,000 µs, a 30 ms task of ours (an `await`
 * continuation: no script event names it, only samples do), and a 20 ms task of the page.
 */
function trace(): TraceEvent[] {
  const nodes = [
    { id: 1, callFrame: { functionName: '(root)' } },
    { id: 2, parent: 1, callFrame: { functionName: 'scan', url: `${EXT}content.js` } },
    { id: 3, parent: 2, callFrame: { functionName: 'createTreeWalker' } },
    { id: 4, parent: 1, callFrame: { functionName: 'pageCode', url: 'http://page/app.js' } },
  ];
  // Samples every 1 ms from 10,000 µs: 30 in our task (native DOM calls included), 20 in the page's.
  const samples = [
    ...Array<number>(15).fill(2),
    ...Array<number>(15).fill(3),
    ...Array<number>(20).fill(4),
  ];
  return [
    ev({
      name: 'EvaluateScript',
      ts: 1_000,
      dur: 2_000,
      tdur: 1_500,
      args: { data: { url: `${EXT}content.js` } },
    }),
    ev({ name: 'ThreadControllerImpl::RunTask', ts: 9_900, dur: 30_000 }),
    ev({ name: 'ThreadControllerImpl::RunTask', ts: 40_000, dur: 20_000 }),
    // The spotter's console.timeStamp; a page's user timing mark of the same name is not it.
    ev({
      name: 'TimeStamp',
      ph: 'I',
      ts: 25_000,
      args: { data: { message: 'standpoint:first-highlight' } },
    }),
    ev({ name: 'standpoint:scan-done', cat: 'blink.user_timing', ph: 'I', ts: 26_000 }),
    // Another thread's time stamp (a page in another renderer) is not the content script's.
    ev({
      name: 'TimeStamp',
      ph: 'I',
      tid: TID + 1,
      ts: 27_000,
      args: { data: { message: 'standpoint:scan-done' } },
    }),
    ev({ name: 'Profile', ph: 'P', id: '0x1', ts: 0, args: { data: { startTime: 9_000 } } }),
    ev({
      name: 'ProfileChunk',
      ph: 'P',
      id: '0x1',
      ts: 0,
      args: {
        data: {
          cpuProfile: { nodes, samples },
          timeDeltas: [1_000, ...Array<number>(samples.length - 1).fill(1_000)],
        },
      },
    }),
  ];
}

describe('TraceView', () => {
  it("finds the content script and its time stamps, on the content script's thread only", () => {
    const view = new TraceView(trace(), EXT);
    expect(view.contentScriptStart).toBe(1_000);
    expect(view.contentScriptEvaluateMs).toBe(2);
    expect(view.contentScriptEvaluateCpuMs).toBe(1.5);
    expect(view.timeStamp('standpoint:first-highlight')).toBe(25_000);
    expect(view.timeStamp('standpoint:scan-done')).toBeNull();
  });

  it('counts samples whose stack holds an extension frame, DOM calls included, and nothing else', () => {
    const view = new TraceView(trace(), EXT);
    // 30 samples of 1 ms each are ours; the page's 20 are not.
    expect(view.ourTime()).toBeCloseTo(30, 0);
    expect(view.ourTime(40_000)).toBe(0);
  });

  it('takes the longest task of ours, a continuation seen in samples only included, not the page’s own', () => {
    const view = new TraceView(trace(), EXT);
    expect(view.longestOurTask()).toBe(30);
    expect(view.longestOurTask(40_000)).toBe(0);
  });

  it('tells tasks of ours from page tasks in which our code only ran nested', () => {
    const ours = { data: { url: `${EXT}spotter.js` } };
    const page = { data: { url: 'http://page/app.js' } };
    const task = (ts: number, ms: number, cpuMs = ms) =>
      ev({ name: 'ThreadControllerImpl::RunTask', ts, dur: ms * 1000, tdur: cpuMs * 1000 });
    const events = [
      ev({ name: 'EvaluateScript', ts: 1_000, dur: 2_000, args: ours }),
      // Our idle callback: 40 ms of wall time, 15 ms of CPU.
      task(100_000, 40, 15),
      ev({ name: 'FireIdleCallback', ts: 100_010, dur: 39_900 }),
      ev({ name: 'FunctionCall', ts: 100_020, dur: 39_800, tdur: 14_900, args: ours }),
      // A page script's 80 ms task, our MutationObserver callback (5 ms) at its end.
      task(200_000, 80),
      ev({ name: 'EvaluateScript', ts: 200_010, dur: 74_000, args: page }),
      ev({ name: 'FunctionCall', ts: 274_100, dur: 5_000, tdur: 4_000, args: ours }),
      // A page event: our listener runs first (1 ms), the page's takes 60 ms.
      task(300_000, 62),
      ev({ name: 'EventDispatch', ts: 300_010, dur: 61_900 }),
      ev({ name: 'FunctionCall', ts: 300_020, dur: 1_000, args: ours }),
      ev({ name: 'FunctionCall', ts: 301_100, dur: 60_000, args: page }),
      // A page callback that leads into 55 ms of our code: more than half of it is ours.
      task(400_000, 60),
      ev({ name: 'FunctionCall', ts: 400_010, dur: 59_900, args: page }),
      ev({ name: 'FunctionCall', ts: 404_000, dur: 55_000, args: ours }),
    ];
    const view = new TraceView(events, EXT);
    const tasks = view.attributedTasks();
    expect(tasks.map((t) => [t.ms, t.startedByUs, t.ours, t.oursMs])).toEqual([
      [40, true, true, 39.8],
      [80, false, false, 5],
      [62, false, false, 1],
      [60, false, true, 55],
    ]);
    expect(tasks[0]!.cpuMs).toBe(15);
    expect(tasks[1]!.oursCpuMs).toBe(4);
    expect(view.longestOurTask()).toBe(60);
    expect(view.longestOurTask(0, 350_000)).toBe(40);
    expect(view.longestOwnTask(0, 350_000)?.cpuMs).toBe(15);
    expect(view.longestNestedTask()).toMatchObject({ ms: 80, oursMs: 5 });
    expect(view.longestNestedTask(300_000)).toMatchObject({ ms: 62, oursMs: 1 });
    // Our CPU time: the whole CPU time of our tasks, only our events' inside the page's.
    expect(view.ourCpuMs(0, 150_000)).toBe(15);
    expect(view.ourCpuMs(0, 350_000)).toBe(15 + 4);
    expect(view.ourCpuMs()).toBe(15 + 4 + 60);
  });

  it('knows nothing of a trace without the extension', () => {
    const view = new TraceView(trace(), 'chrome-extension://other/');
    expect(view.contentScriptStart).toBeNull();
    expect(view.ourTime()).toBe(0);
  });
});

describe('median', () => {
  it('takes the middle value, or the mean of the middle two', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 2, 3])).toBe(2.5);
    expect(median([])).toBeNaN();
  });
});
