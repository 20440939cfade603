/**
 * Turns a run's results into the summary, the targets (issues 9 and 12) with MET or MISSED, a table
 * per page, and the markdown block written into docs/benchmarks.md. The bench never fails on a
 * target: it records where the extension stands.
 */
import type { BenchResults, PageResult } from './results';
import { fmt, kb, max, median } from './stats';
import { CONFIRMING_PAIRS, longTaskOnlyWithUs } from './long-tasks';
import { OUR_TASK_SHARE } from './trace';

/** The targets, as the issue states them. */
const TARGETS = {
  longPageFloorRatio: 2,
  articleChars: 200_000,
  articleMainThreadMs: 5,
  markJsSpeedup: 100,
  longestTaskMs: 50,
  editRatio: 1.2,
  /** Issue 12: 50 ms (it was 100 ms in issue 9). */
  firstHighlightMs: 50,
  /** The content script's evaluation, median and worst over the pages, ms. */
  evaluateMedianMs: 5,
  evaluateWorstMs: 15,
  /** Pages that get a long task (page's own observer) only with the extension. */
  pagesWithOurLongTask: 0,
  matcherBuildMs: 20,
  matcherBuildAliases: 5_000,
  /** Per-alias cost at the largest size over the middle size, at most this for "linear". */
  linearSlack: 1.5,
  hitTestMs: 1,
  cardFrameMs: 16,
  /** Issue 12: the always-on content script, JS and CSS, at most 15 KB gzipped. */
  contentGzipBytes: 15 * 1024,
} as const;

interface Target {
  target: string;
  judgedOn: string;
  measured: string;
  met: boolean;
}

export interface Summary {
  medianScanRatio: number;
  worstTaskMs: number;
  /** The page of the worst task of ours, and the thread's CPU time in that task, ms. */
  worstTaskPage: string;
  worstTaskCpuMs: number;
  /** The content script's evaluation over the pages: wall time, the thread's CPU time, ms. */
  evaluation: {
    medianMs: number;
    worstMs: number;
    worstPage: string;
    cpuMedianMs: number;
    cpuWorstMs: number;
  };
  worstCardMs: number;
  medianCardMs: number;
  targets: Target[];
}

const corpusOf = (r: BenchResults) => r.pages.filter((p) => p.kind === 'corpus');
const longOf = (r: BenchResults) => r.pages.find((p) => p.kind === 'long');

/** Slack between a task and the script evaluation inside it, ms: the task also dispatches it. */
const EVALUATION_TASK_SLACK_MS = 2;

/** True when the page's longest task of ours is the one that evaluated the content script. */
function evaluationIsLongest(p: PageResult): boolean {
  return p.longestTaskMs - p.evaluateMs <= EVALUATION_TASK_SLACK_MS && p.evaluateMs > 0;
}

/** True for pages the issue calls articles: corpus pages up to 200k characters of text. */
function isArticle(p: PageResult): boolean {
  return p.kind === 'corpus' && p.costs.chars <= TARGETS.articleChars;
}

/** Pages whose own observer saw a long task with the extension and none without it (long-tasks.ts). */
function pagesWithLongTaskOnlyWithUs(r: BenchResults): PageResult[] {
  return r.pages.filter((p) => longTaskOnlyWithUs(p.longTasks));
}

/** The first pair of loads of a page's long-task observer. */
const firstPair = (p: PageResult) => p.longTasks[0]!;

export function summarize(r: BenchResults): Summary {
  const corpus = corpusOf(r);
  const long = longOf(r);
  const tasked = r.pages.filter((p) => p.kind !== 'demo');
  const worstTask = max(tasked.map((p) => p.longestTaskMs));
  const worstTaskPage = tasked.find((p) => p.longestTaskMs === worstTask);
  const articles = corpus.filter(isArticle);
  const articleTotal = max(articles.map((p) => p.loadMs));
  const articleScan = max(articles.map((p) => p.costs.scanMs));
  const firsts = corpus.map((p) => p.firstHighlightMs).filter((v): v is number => v !== null);
  const firstCpus = corpus
    .map((p) => p.cpuToFirstHighlightMs)
    .filter((v): v is number => v !== null && v !== undefined);
  const edits = r.pages.map((p) => p.costs.editRatio);
  const hits = r.hitTest.flatMap((h) => h.cpuMs);
  const hitsWall = r.hitTest.flatMap((h) => h.wallMs);
  const firstMoves = r.hitTest.map((h) => h.cpuMs[0] ?? NaN);
  const build5k = r.matcher.find((m) => m.aliases === TARGETS.matcherBuildAliases);
  const largest = r.matcher[r.matcher.length - 1];
  const linearity = build5k && largest ? largest.usPerAlias / build5k.usPerAlias : NaN;
  const longSpeedup =
    long && long.costs.markJsMs !== null ? long.costs.markJsMs / long.costs.scanMs : NaN;
  const cardMedian = median(r.cardLatencyMs);
  const firstCard = r.cardLatencyMs[0] ?? NaN;
  const laterCards = r.cardLatencyMs.slice(1);
  const evaluations = r.pages.map((p) => p.evaluateMs);
  const evaluationCpus = r.pages.map((p) => p.evaluateCpuMs);
  const evaluation = {
    medianMs: median(evaluations),
    worstMs: max(evaluations),
    worstPage: r.pages.find((p) => p.evaluateMs === max(evaluations))?.name ?? '–',
    cpuMedianMs: median(evaluationCpus),
    cpuWorstMs: max(evaluationCpus),
  };
  const onlyOurs = pagesWithLongTaskOnlyWithUs(r);
  const observed = r.pages.filter((p) => Number.isFinite(firstPair(p).without.count));
  const retried = r.pages.filter((p) => p.longTasks.length > 1);

  const targets: Target[] = [
    {
      target: `2 MB page: scan and highlight within ${TARGETS.longPageFloorRatio}× the floor`,
      judgedOn: 'the generated 2 MB page, median ratio',
      measured: long ? `${fmt(long.costs.scanRatio, 1)}×` : '–',
      met: !!long && long.costs.scanRatio <= TARGETS.longPageFloorRatio,
    },
    {
      target: `Articles (≤ 200k characters): within ${TARGETS.articleMainThreadMs} ms of main-thread time in all`,
      judgedOn: `worst corpus article, all of the extension's main-thread time from its start to the end of its scan (the scan alone: worst ${fmt(articleScan)} ms)`,
      measured: `${fmt(articleTotal, 1)} ms`,
      met: articleTotal <= TARGETS.articleMainThreadMs,
    },
    {
      target: `At least ${TARGETS.markJsSpeedup}× faster than mark.js`,
      judgedOn: 'the 2 MB page, mark.js time over scan time',
      measured: `${fmt(longSpeedup, 0)}×`,
      met: longSpeedup >= TARGETS.markJsSpeedup,
    },
    {
      target: `No task of ours over ${TARGETS.longestTaskMs} ms on any page of the corpus, the 2 MB page included`,
      judgedOn: `longest task our code started or took more than ${fmt(OUR_TASK_SHARE * 100, 0)} % of, from its start to the end of its scan, over all those pages (${worstTaskPage?.name ?? '–'}; the thread's CPU time in it: ${fmt(worstTaskPage?.longestTaskCpuMs, 1)} ms); page tasks with our code nested are listed below`,
      measured: `${fmt(worstTask, 1)} ms`,
      met: worstTask <= TARGETS.longestTaskMs,
    },
    {
      target: `The page's own DOM edits at most ${TARGETS.editRatio}× slower with our highlights`,
      judgedOn: `median over all pages (worst page: ${fmt(max(edits))}×)`,
      measured: `${fmt(median(edits))}×`,
      met: median(edits) <= TARGETS.editRatio,
    },
    {
      target: `First highlight within ${TARGETS.firstHighlightMs} ms of the content script's start`,
      judgedOn: `median over the corpus pages that name someone (${firsts.length}); our CPU time before it: median ${fmt(median(firstCpus), 1)} ms (the rest is the page's own tasks and waiting for a core)`,
      measured: `${fmt(median(firsts), 1)} ms`,
      met: median(firsts) <= TARGETS.firstHighlightMs,
    },
    {
      target: `Matcher build under ${TARGETS.matcherBuildMs} ms for 5,000 aliases`,
      judgedOn: `fastest CPU time of ${build5k?.runs ?? '?'} interleaved builds in Node`,
      measured: `${fmt(build5k?.ms, 1)} ms`,
      met: !!build5k && build5k.ms < TARGETS.matcherBuildMs,
    },
    {
      target: 'Matcher build linear in the number of aliases',
      judgedOn: `time per alias at ${largest?.aliases.toLocaleString('en')} over that at 5,000 (linear: ≤ ${TARGETS.linearSlack})`,
      measured: `${fmt(linearity)}`,
      met: linearity <= TARGETS.linearSlack,
    },
    {
      target: `Hover hit-test under ${TARGETS.hitTestMs} ms per pointer move`,
      judgedOn: `worst move's CPU time (median ${fmt(median(hits), 3)} ms; first move of each page ${firstMoves.map((v) => fmt(v, 3)).join(' and ')} ms; wall time worst ${fmt(max(hitsWall), 3)}, median ${fmt(median(hitsWall), 3)} ms; ${hits.length} moves)`,
      measured: `${fmt(max(hits), 3)} ms`,
      met: max(hits) < TARGETS.hitTestMs,
    },
    {
      target: `The content script's evaluation: median at most ${TARGETS.evaluateMedianMs} ms, worst at most ${TARGETS.evaluateWorstMs} ms`,
      judgedOn:
        `parse, compile and top-level code, wall time, every page (${r.pages.length}; the worst: ` +
        `${evaluation.worstPage}); the thread's CPU time in them: median ` +
        `${fmt(evaluation.cpuMedianMs, 1)} ms, worst ${fmt(evaluation.cpuWorstMs, 1)} ms`,
      measured: `${fmt(evaluation.medianMs, 1)} ms, worst ${fmt(evaluation.worstMs, 1)} ms`,
      met:
        evaluation.medianMs <= TARGETS.evaluateMedianMs &&
        evaluation.worstMs <= TARGETS.evaluateWorstMs,
    },
    {
      target: 'No page gets a long task only with the extension',
      judgedOn: `the page's own long-task observer, one untraced load with the extension and one without, ${observed.length} pages (with it: ${observed.filter((p) => firstPair(p).with.count > 0).length} pages have one; without: ${observed.filter((p) => firstPair(p).without.count > 0).length}); ${retryText(retried.length)}`,
      measured: `${onlyOurs.length} of ${observed.length}`,
      met: onlyOurs.length <= TARGETS.pagesWithOurLongTask,
    },
    {
      target: `The first card of a page painted within one frame (${TARGETS.cardFrameMs} ms) of the delay's end, and later cards too`,
      judgedOn: `the first of ${r.cardLatencyMs.length} hovers on the demo page, then the median of the others (worst ${fmt(max(laterCards), 1)} ms)`,
      measured: `${fmt(firstCard, 1)} ms, then ${fmt(median(laterCards), 1)} ms`,
      met: firstCard <= TARGETS.cardFrameMs && median(laterCards) <= TARGETS.cardFrameMs,
    },
    {
      target: `Content script at most ${TARGETS.contentGzipBytes / 1024} KB gzipped`,
      judgedOn: `what every page loads: content-loader.js + content.css + spotter.js, each gzip -9 (pages with names add hover.js: ${kb(r.sizes.hoverJs.gzip)}; the card bundle, loaded on the first hover: ${kb(r.sizes.cardJs.gzip)})`,
      measured: kb(r.sizes.contentGzip),
      met: r.sizes.contentGzip <= TARGETS.contentGzipBytes,
    },
  ];
  return {
    medianScanRatio: median(corpus.map((p) => p.costs.scanRatio)),
    worstTaskMs: worstTask,
    worstTaskPage: worstTaskPage?.name ?? '–',
    worstTaskCpuMs: worstTaskPage?.longestTaskCpuMs ?? NaN,
    evaluation,
    worstCardMs: max(r.cardLatencyMs),
    medianCardMs: cardMedian,
    targets,
  };
}

/** The three lines to compare across runs. */
export function summaryLines(s: Summary): string[] {
  return [
    `median scan / floor over the corpus: ${fmt(s.medianScanRatio, 1)}×`,
    `worst task of ours: ${fmt(s.worstTaskMs, 1)} ms (${s.worstTaskPage}, CPU ${fmt(s.worstTaskCpuMs, 1)} ms)`,
    `worst card latency: ${fmt(s.worstCardMs, 1)} ms (median ${fmt(s.medianCardMs, 1)} ms)`,
  ];
}

const PAGE_HEADER = [
  'page',
  'text chars',
  'names',
  'floor ms',
  'scan ms',
  'scan ×floor',
  'RegExp ×floor',
  'mark.js ×floor',
  'edits ×',
  'first highlight ms',
  'scan done ms',
  'ours ms',
  'longest task of ours ms (CPU)',
  'page task with ours nested ms (ours)',
  'page long tasks with / without',
  'extra heap KB',
];

/** `0`, or the count and the longest: `2 (81 ms)`. */
const longTasks = (t: { count: number; worstMs: number }) =>
  !Number.isFinite(t.count) ? '–' : t.count === 0 ? '0' : `${t.count} (${fmt(t.worstMs, 0)} ms)`;

/** The page's own observer: which pages count, and which the retry cleared. */
function longTaskLine(r: BenchResults): string {
  const counted = pagesWithLongTaskOnlyWithUs(r);
  const cleared = r.pages.filter((p) => p.longTasks.length > 1 && !longTaskOnlyWithUs(p.longTasks));
  const list = (ps: PageResult[]) => ps.map((p) => `${p.name}: ${retryCounts(p)}`).join('; ');
  return (
    `- The page's own long-task observer (tasks over 50 ms, from the navigation to 1 s after the load event): pages that get a long task only with the extension: ${counted.length}` +
    (counted.length ? ` (loads that saw one: ${list(counted)})` : '') +
    (cleared.length
      ? `; a long task only with the extension in the first pair of loads, not in most of ${CONFIRMING_PAIRS + 1}: ${cleared.length} (${list(cleared)})`
      : '') +
    '.'
  );
}

/** Of all of a page's pairs: `with 2/5, without 0/5` (loads that saw a long task). */
function retryCounts(p: PageResult): string {
  const n = p.longTasks.length;
  const saw = (side: 'with' | 'without') => p.longTasks.filter((t) => t[side].count > 0).length;
  return `with ${saw('with')}/${n}, without ${saw('without')}/${n}`;
}

function pageRow(p: PageResult): string[] {
  const c = p.costs;
  return [
    p.name,
    c.chars.toLocaleString('en'),
    String(c.mentions),
    fmt(c.floorMs, 3),
    fmt(c.scanMs, 2),
    fmt(c.scanRatio, 1),
    fmt(c.plainRatio, 1),
    c.markJsRatio === null ? '–' : fmt(c.markJsRatio, 0),
    fmt(c.editRatio, 2),
    fmt(p.firstHighlightMs, 1),
    fmt(p.scanDoneMs, 1),
    fmt(p.loadMs, 1),
    `${fmt(p.longestTaskMs, 1)} (${fmt(p.longestTaskCpuMs, 1)})`,
    p.nestedTaskMs > 0 ? `${fmt(p.nestedTaskMs, 1)} (${fmt(p.nestedOursMs, 1)})` : '–',
    `${longTasks(firstPair(p).with)} / ${longTasks(firstPair(p).without)}` +
      (p.longTasks.length > 1 ? ` (${retryCounts(p)})` : ''),
    fmt(p.extraHeapBytes / 1024, 0),
  ];
}

function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** A fixed-width table for the terminal. */
function consoleTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => c.padStart(widths[i]!)).join('  ');
  return [line(header), ...rows.map(line)].join('\n');
}

export function pagesConsoleTable(r: BenchResults): string {
  return consoleTable(PAGE_HEADER, r.pages.map(pageRow));
}

export function targetsConsoleTable(s: Summary): string {
  return consoleTable(
    ['target', 'measured', ''],
    s.targets.map((t) => [t.target, t.measured, t.met ? 'MET' : 'MISSED']),
  );
}

/** Page tasks in which our code ran only nested: counted apart, with our time inside. */
function nestedLine(r: BenchResults): string {
  const nested = r.pages.filter((p) => p.nestedTaskMs > 0);
  const worst = nested.reduce<PageResult | null>(
    (a, p) => (!a || p.nestedTaskMs > a.nestedTaskMs ? p : a),
    null,
  );
  return (
    `- Page tasks in which our code ran only nested (an observer or listener of ours inside the page's own task; not counted as ours): on ${nested.length} of ${r.pages.length} pages` +
    (worst
      ? `; the longest ${fmt(worst.nestedTaskMs, 1)} ms (${worst.name}), of which ${fmt(worst.nestedOursMs, 1)} ms ours; ${nested.filter((p) => p.nestedTaskMs > TARGETS.longestTaskMs).length} such tasks over ${TARGETS.longestTaskMs} ms.`
      : '.')
  );
}

/** The generated part of docs/benchmarks.md. */
export function markdownResults(r: BenchResults, s: Summary): string {
  const m = r.machine;
  const set = r.settings;
  const corpus = corpusOf(r);
  const long = longOf(r);
  const demo = r.pages.find((p) => p.kind === 'demo');
  const markPages = r.pages.filter((p) => p.costs.markJsMs !== null);
  const speedups = markPages.map((p) => p.costs.markJsMs! / p.costs.scanMs);
  const hot = (p: PageResult | undefined) =>
    p ? p.hotspots.map((h) => `\`${h.frame}\` ${fmt(h.ms, 1)} ms`).join(', ') : '–';
  const out: string[] = [];
  out.push(
    `Run on ${m.date} in ${fmt(r.durationS, 0)} s.`,
    '',
    '| machine | |',
    '| --- | --- |',
    `| CPU | ${m.cpu}, ${m.cores} cores |`,
    `| memory | ${m.memoryGiB} GiB |`,
    `| OS | ${m.os} |`,
    `| browser | ${m.chromium} (new headless mode) |`,
    `| Node | ${m.node} |`,
    `| load average (1 min) at start, at end | ${m.loadAverage}, ${r.loadAverageAtEnd} on ${m.cores} cores |`,
    '',
    `Pages: ${corpus.length} corpus pages from \`${set.corpus}\`` +
      (set.corpusFound ? '' : ' (folder not found: none measured)') +
      (set.limit !== null ? ` (limited to the first ${set.limit})` : '') +
      ', the generated 2 MB page, the demo page. ' +
      `Runs per page: ${set.runs} of the floor, the scan and the RegExp (after one warm-up), ` +
      `${set.editRuns} of each DOM-edit variant; with the extension ${set.extRuns} load(s) traced without the sampler, one sampled, one untraced for the page's own long-task observer (and ${CONFIRMING_PAIRS} more each way, with and without the extension, on a page where only the load with it saw a long task); ` +
      `mark.js ${set.markJsRuns} run(s) on every ${set.markJsEvery}th corpus page, the 2 MB page and the demo page ` +
      `(${markPages.length} pages: a single article takes it up to seconds).`,
    '',
    '## Summary',
    '',
    ...summaryLines(s).map((l) => `- ${l}`),
    '',
    '## Targets',
    '',
    table(
      ['target', 'judged on', 'measured', ''],
      s.targets.map((t) => [t.target, t.judgedOn, t.measured, t.met ? 'MET' : '**MISSED**']),
    ),
    '',
    '## Scan cost against the floor and the alternatives',
    '',
    '| | floor ms | scan ms | scan ×floor | RegExp ×floor | mark.js ms | mark.js / scan |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...[long, demo]
      .filter((p): p is PageResult => !!p)
      .map(
        (p) =>
          `| ${p.name} | ${fmt(p.costs.floorMs, 3)} | ${fmt(p.costs.scanMs)} | ${fmt(p.costs.scanRatio, 1)} | ${fmt(p.costs.plainRatio, 1)} | ${fmt(p.costs.markJsMs, 0)} | ${p.costs.markJsMs === null ? '–' : fmt(p.costs.markJsMs / p.costs.scanMs, 0) + '×'} |`,
      ),
    `| corpus, median | ${fmt(median(corpus.map((p) => p.costs.floorMs)), 3)} | ${fmt(median(corpus.map((p) => p.costs.scanMs)))} | ${fmt(s.medianScanRatio, 1)} | ${fmt(median(corpus.map((p) => p.costs.plainRatio)), 1)} | ${fmt(median(corpus.filter((p) => p.costs.markJsMs !== null).map((p) => p.costs.markJsMs!)), 0)} | ${fmt(median(speedups), 0)}× |`,
    '',
    '## Main thread, first highlight, heap (real extension)',
    '',
    `- First highlight after the content script's start, median over the corpus pages that name someone: ${fmt(median(corpus.map((p) => p.firstHighlightMs).filter((v): v is number => v !== null)), 1)} ms, of which our own CPU time: median ${fmt(median(corpus.map((p) => p.cpuToFirstHighlightMs).filter((v): v is number => v !== null && v !== undefined)), 1)} ms; end of the first full scan, median over the corpus: ${fmt(median(corpus.map((p) => p.scanDoneMs).filter((v): v is number => v !== null)), 1)} ms.`,
    `- The content script's own evaluation (parse, compile, top-level code) per page: median ${fmt(s.evaluation.medianMs, 1)} ms, worst ${fmt(s.evaluation.worstMs, 1)} ms; the thread's CPU time in it: median ${fmt(s.evaluation.cpuMedianMs, 1)} ms, worst ${fmt(s.evaluation.cpuWorstMs, 1)} ms.`,
    `- The extension's main-thread time from its start to the end of its scan: median ${fmt(median(corpus.map((p) => p.loadMs)), 1)} ms over the corpus; ${fmt(long?.loadMs, 1)} ms on the 2 MB page.`,
    `- Longest task of ours: median ${fmt(median(corpus.map((p) => p.longestTaskMs)), 1)} ms over the corpus (the thread's CPU time in it: median ${fmt(median(corpus.map((p) => p.longestTaskCpuMs)), 1)} ms), worst ${fmt(s.worstTaskMs, 1)} ms (${s.worstTaskPage}, CPU ${fmt(s.worstTaskCpuMs, 1)} ms). ` +
      `On ${r.pages.filter(evaluationIsLongest).length} of ${r.pages.length} pages it is the task that evaluates the content script.`,
    nestedLine(r),
    `- Pages that name nobody (${corpus.filter((p) => p.costs.mentions === 0).length}) against pages that name someone (${corpus.filter((p) => p.costs.mentions > 0).length}): the extension's main-thread time from its start to the end of its scan, median ${fmt(median(corpus.filter((p) => p.costs.mentions === 0).map((p) => p.loadMs)), 1)} ms against ${fmt(median(corpus.filter((p) => p.costs.mentions > 0).map((p) => p.loadMs)), 1)} ms; longest task of ours, median ${fmt(median(corpus.filter((p) => p.costs.mentions === 0).map((p) => p.longestTaskMs)), 1)} ms against ${fmt(median(corpus.filter((p) => p.costs.mentions > 0).map((p) => p.longestTaskMs)), 1)} ms.`,
    longTaskLine(r),
    `- Extra JS heap (with the extension minus without, after a full collection): median ${fmt(median(corpus.map((p) => p.extraHeapBytes)) / 1024, 0)} KB over the corpus, ${fmt((long?.extraHeapBytes ?? NaN) / 1024, 0)} KB on the 2 MB page.`,
    `- Where the extension's time went on the 2 MB page (innermost frames, sampled): ${hot(long)}.`,
    `- … and on the demo page: ${hot(demo)}.`,
    '',
    '## A page that keeps changing',
    '',
    `A paragraph appended every 50 ms for ${fmt(r.live.changingMs / 1000, 0)} s (half of them name someone; ${r.live.mentions} names highlighted at the end):`,
    '',
    `- main-thread time of the extension, start and first scan included: **${fmt(r.live.extensionMs, 1)} ms** (${fmt(r.live.extensionShare * 100, 1)} % of the time the page changed);`,
    `- longest task of ours: ${fmt(r.live.longestTaskMs, 1)} ms with the first scan, ${fmt(r.live.longestFollowTaskMs, 1)} ms while following the changes;`,
    `- for scale, every main-thread task of the tab over the same time: ${fmt(r.live.mainThreadBusyMs, 0)} ms.`,
    '',
    '## Matcher build',
    '',
    table(
      ['aliases', 'build CPU ms (fastest)', 'µs per alias', 'wall ms (fastest)', 'page faults'],
      r.matcher.map((b) => [
        b.aliases.toLocaleString('en'),
        fmt(b.ms, 2),
        fmt(b.usPerAlias, 2),
        fmt(b.wallMs, 2),
        String(b.pageFaults),
      ]),
    ),
    '',
    '## Hover',
    '',
    table(
      ['', 'median ms', 'worst ms', 'samples'],
      [
        ...r.hitTest.flatMap((h) => [
          [
            `hit-test per pointer move, ${h.page}, CPU time (first move ${fmt(h.cpuMs[0], 3)} ms)`,
            fmt(median(h.cpuMs), 3),
            fmt(max(h.cpuMs), 3),
            String(h.cpuMs.length),
          ],
          [
            `hit-test per pointer move, ${h.page}, wall time (first move ${fmt(h.wallMs[0], 3)} ms)`,
            fmt(median(h.wallMs), 3),
            fmt(max(h.wallMs), 3),
            String(h.wallMs.length),
          ],
        ]),
        [
          "card: end of the hover delay to the card painted, demo page, the page's first card",
          fmt(r.cardLatencyMs[0], 1),
          fmt(r.cardLatencyMs[0], 1),
          '1',
        ],
        [
          'card: end of the hover delay to the card painted, demo page, every card',
          fmt(median(r.cardLatencyMs), 1),
          fmt(max(r.cardLatencyMs), 1),
          `${r.cardLatencyMs.length} of ${r.cardHovers} hovers`,
        ],
      ],
    ),
    '',
    '## Sizes',
    '',
    table(
      ['', 'raw', 'gzip -9'],
      [
        ['content script JS (a loader)', kb(r.sizes.contentJs.raw), kb(r.sizes.contentJs.gzip)],
        ['content script CSS', kb(r.sizes.contentCss.raw), kb(r.sizes.contentCss.gzip)],
        ['spotting bundle JS (every page)', kb(r.sizes.spotterJs.raw), kb(r.sizes.spotterJs.gzip)],
        ['hover bundle JS (pages with names)', kb(r.sizes.hoverJs.raw), kb(r.sizes.hoverJs.gzip)],
        ['card bundle JS (first hover only)', kb(r.sizes.cardJs.raw), kb(r.sizes.cardJs.gzip)],
        [`whole extension (\`${r.sizes.zipFile}\`)`, kb(r.sizes.zipBytes), '–'],
      ],
    ),
    '',
    '## Per page',
    '',
    'Medians over the runs. *scan/RegExp/mark.js ×floor*: time over the floor timed in the same run. ' +
      "*edits ×*: the page's own text edits with our highlights over without. *ours ms*: the extension's " +
      'sampled main-thread time from its start to the end of its scan. *longest task of ours*: wall time ' +
      `of the longest task our code started or took more than ${fmt(OUR_TASK_SHARE * 100, 0)} % of, with the thread's CPU time in it. ` +
      '*page task with ours nested*: the longest page task in which our code ran only nested, with our ' +
      'time inside it. *extra heap*: with the extension minus without.',
    '',
    table(PAGE_HEADER, r.pages.map(pageRow)),
    ...(r.skipped.length
      ? [
          '',
          `Not measured (${r.skipped.length}): ` +
            r.skipped.map((p) => `${p.name} (${p.reason})`).join('; ') +
            '.',
        ]
      : []),
  );
  return out.join('\n');
}

/**
 * How the long-task target's retry went, in words: a page whose first pair of loads saw a long
 * task only with the extension is loaded again before it counts (scripts/bench/long-tasks.ts).
 */
export function retryText(retried: number): string {
  const counted = 'counted when most of its loads with it saw one and most without did not';
  if (retried === 0) {
    return `no page saw one only with the extension, so none was loaded again (such a page is loaded ${CONFIRMING_PAIRS} more times each way, and ${counted})`;
  }
  const pages = retried === 1 ? 'the one page' : `the ${retried} pages`;
  return `${pages} with one only with the extension loaded ${CONFIRMING_PAIRS} more times each way, each ${counted}`;
}
