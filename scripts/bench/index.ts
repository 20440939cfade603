/**
 * `npm run bench`: builds the extension into its own folder, measures it in headless Chromium
 * on the corpus, a generated 2 MB page and the demo page, prints the results, and writes them
 * into docs/benchmarks.md (between the generated-results markers; the text around them stays).
 *
 * Options (all optional):
 *   --corpus DIR       corpus folder (default ../shared/corpus/readability from the project root)
 *   --runs N           timed runs per page of the floor, the scan and the RegExp (default 5)
 *   --edit-runs N      timed runs per page of each DOM-edit variant (default 3)
 *   --markjs-every N   mark.js on every Nth corpus page (default 8; it takes seconds per page)
 *   --markjs-runs N    mark.js runs on those pages (default 1)
 *   --ext-runs N       traced loads per page with the extension (default 1)
 *   --hovers N         card hovers (default 30)
 *   --limit N          only the first N corpus pages (quick runs)
 *   --no-build         measure the build already in the out folder
 *   --no-write         print only; leave docs/benchmarks.md alone
 * The out folder is $STANDPOINT_OUT_DIR, else .output-bench.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { format, resolveConfig } from 'prettier';
import { demoPageHtml } from '../demo/index';
import { launchPlain, launchWithExtension } from './browser';
import { measureCardLatency, measureHitTests } from './card-costs';
import { builtinDictionary, nameForms, pageNames } from './dictionary';
import {
  longTasksWithExtension,
  measureWithExtension,
  type ExtensionCosts,
} from './extension-costs';
import { changingPageHtml, longArticleHtml } from './generated-pages';
import { measureLivePage } from './live-page';
import {
  CONFIRMING_PAIRS,
  longTaskOnlyWithUs,
  plainLongTasks,
  type LongTaskPair,
  type PageLongTasks,
} from './long-tasks';
import { describeMachine } from './machine';
import { measureMatcherBuild } from './matcher-build';
import { measurePage, PAGE_LOAD_TIMEOUT_MS, type PageCosts } from './page-costs';
import { bundleEngine } from './page-bundle';
import {
  BUILTIN_PACK_FILE,
  DEFAULT_CORPUS,
  DEFAULT_OUT_DIR,
  MARK_JS_FILE,
  PROJECT_ROOT,
  RESULTS_FILE,
} from './paths';
import {
  markdownResults,
  pagesConsoleTable,
  summarize,
  summaryLines,
  targetsConsoleTable,
} from './report';
import type { BenchResults, PageKind, PageResult } from './results';
import { startBenchServer } from './server';
import { measureSizes } from './sizes';
import { median } from './stats';
import { errorMessage } from '../../utils/format';

/** Builds of the matcher timed per size (interleaved; scripts/bench/matcher-build.ts says why). */
const MATCHER_RUNS = 15;
/** The generated-results block in docs/benchmarks.md. */
const START_MARKER = '<!-- bench:results:start (written by npm run bench) -->';
const END_MARKER = '<!-- bench:results:end -->';

const LONG_PATH = '/generated/long-article.html';
const LIVE_PATH = '/generated/live-page.html';
const DEMO_PATH = '/demo.html';
/** The page a traced load comes from (scripts/bench/extension-costs.ts, `measureWithExtension`). */
const BLANK_PATH = '/blank.html';
const BLANK_HTML = '<!doctype html><html lang="en"><title>Blank</title></html>';

function positiveInt(value: string | undefined, fallback: number, name: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0)
    throw new Error(`--${name} takes a whole number, got "${value}"`);
  return n;
}

function parseOptions() {
  const { values } = parseArgs({
    options: {
      corpus: { type: 'string' },
      runs: { type: 'string' },
      'edit-runs': { type: 'string' },
      'markjs-every': { type: 'string' },
      'markjs-runs': { type: 'string' },
      'ext-runs': { type: 'string' },
      hovers: { type: 'string' },
      limit: { type: 'string' },
      'no-build': { type: 'boolean' },
      'no-write': { type: 'boolean' },
    },
  });
  return {
    corpus: path.resolve(PROJECT_ROOT, values.corpus ?? DEFAULT_CORPUS),
    corpusLabel: values.corpus ?? DEFAULT_CORPUS,
    runs: Math.max(1, positiveInt(values.runs, 5, 'runs')),
    editRuns: Math.max(1, positiveInt(values['edit-runs'], 3, 'edit-runs')),
    markJsEvery: Math.max(1, positiveInt(values['markjs-every'], 8, 'markjs-every')),
    markJsRuns: positiveInt(values['markjs-runs'], 1, 'markjs-runs'),
    extRuns: Math.max(1, positiveInt(values['ext-runs'], 1, 'ext-runs')),
    hovers: Math.max(1, positiveInt(values.hovers, 30, 'hovers')),
    limit: values.limit === undefined ? null : positiveInt(values.limit, 0, 'limit'),
    build: !values['no-build'],
    write: !values['no-write'],
  };
}

/** Runs a command from the project root; prints its output only when it fails. */
function run(command: string, args: string[], env: NodeJS.ProcessEnv): void {
  const result = spawnSync(command, args, { cwd: PROJECT_ROOT, env, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`${command} ${args.join(' ')} failed`);
  }
}

/** The corpus pages, sorted by name; an empty list (and a message) when the folder is absent. */
function corpusPages(dir: string, label: string, limit: number | null): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) {
    console.log(`Corpus folder ${label} not found: measuring the generated and demo pages only.`);
    return [];
  }
  const files = readdirSync(dir)
    .filter((f) => /\.html?$/i.test(f))
    .sort();
  if (files.length === 0) console.log(`Corpus folder ${label} holds no .html pages.`);
  return limit === null ? files : files.slice(0, limit);
}

const log = (line: string) => process.stdout.write(line + '\n');

/**
 * Tries a page measurement again once: a trace can miss a renderer that started as it began (the
 * traced loads' second try comes from a page of the same origin: extension-costs.ts, `warmUrl`).
 */
const PAGE_ATTEMPTS = 2;

/** Runs `measure` (given the try's number, from 0) up to PAGE_ATTEMPTS times; the error of the last try, or the value. */
async function attempt<T>(measure: (tryIndex: number) => Promise<T>): Promise<T | Error> {
  let last: Error = new Error('not measured');
  for (let i = 0; i < PAGE_ATTEMPTS; i++) {
    try {
      return await measure(i);
    } catch (error) {
      last = error instanceof Error ? error : new Error(String(error));
    }
  }
  return last;
}

/**
 * The longest task of ours and the longest page task with our code nested, from the run whose
 * task is the median: wall and CPU time (and our time inside) come from the same task.
 */
function medianTask(
  runs: ExtensionCosts[],
): Pick<PageResult, 'longestTaskMs' | 'longestTaskCpuMs' | 'nestedTaskMs' | 'nestedOursMs'> {
  const mid = <K extends keyof ExtensionCosts>(key: K) =>
    [...runs].sort((a, b) => (a[key] as number) - (b[key] as number))[(runs.length - 1) >> 1]!;
  const own = mid('longestTaskMs');
  const nested = mid('nestedTaskMs');
  return {
    longestTaskMs: own.longestTaskMs,
    longestTaskCpuMs: own.longestTaskCpuMs,
    nestedTaskMs: nested.nestedTaskMs,
    nestedOursMs: nested.nestedOursMs,
  };
}

async function main(): Promise<void> {
  const began = performance.now();
  const opts = parseOptions();
  const outDir = path.resolve(PROJECT_ROOT, process.env.STANDPOINT_OUT_DIR ?? DEFAULT_OUT_DIR);
  const env = { ...process.env, STANDPOINT_OUT_DIR: path.relative(PROJECT_ROOT, outDir) };
  if (opts.build) {
    log(`Building into ${path.relative(PROJECT_ROOT, outDir)} (pack, then wxt zip)…`);
    run('npm', ['run', '--silent', 'pack:build'], env);
    run('npx', ['wxt', 'zip'], env);
  }
  const extensionPath = path.join(outDir, 'chrome-mv3');
  if (!existsSync(path.join(extensionPath, 'manifest.json'))) {
    throw new Error(`No build in ${extensionPath}: run without --no-build`);
  }

  const dictionary = await builtinDictionary(BUILTIN_PACK_FILE);
  const terms = nameForms(dictionary);
  const names = pageNames(dictionary);
  const files = corpusPages(opts.corpus, opts.corpusLabel, opts.limit);
  const corpusFound = existsSync(opts.corpus);
  const server = await startBenchServer(
    new Map([
      [LONG_PATH, longArticleHtml(names)],
      [LIVE_PATH, changingPageHtml(names)],
      [DEMO_PATH, demoPageHtml()],
      [BLANK_PATH, BLANK_HTML],
    ]),
    corpusFound ? opts.corpus : null,
  );
  const pages: { name: string; kind: PageKind; url: string; markJs: boolean }[] = [
    { name: 'generated 2 MB page', kind: 'long', url: server.url(LONG_PATH), markJs: true },
    { name: 'demo page', kind: 'demo', url: server.url(DEMO_PATH), markJs: true },
    ...files.map((f, i) => ({
      name: f,
      kind: 'corpus' as const,
      url: server.url(`/corpus/${encodeURIComponent(f)}`),
      markJs: i % opts.markJsEvery === 0,
    })),
  ];

  try {
    log(`Matcher build (${MATCHER_RUNS} builds per size)…`);
    const matcher = measureMatcherBuild(MATCHER_RUNS);

    log(`Pages without the extension (${pages.length})…`);
    const engineJs = await bundleEngine();
    const plain = await launchPlain();
    const costs = new Map<string, PageCosts>();
    const plainTasks = new Map<string, PageLongTasks>();
    const skipped: { name: string; reason: string }[] = [];
    let machine;
    try {
      const first = await plain.newPage();
      machine = await describeMachine(first);
      await first.close();
      for (const [i, p] of pages.entries()) {
        const c = await attempt(() =>
          measurePage(() => plain.newPage(), p.url, {
            runs: opts.runs,
            editRuns: opts.editRuns,
            markJsRuns: p.markJs ? opts.markJsRuns : 0,
            dictionary,
            terms,
            engineJs,
            markJsFile: MARK_JS_FILE,
          }),
        );
        if (c instanceof Error) {
          skipped.push({ name: p.name, reason: c.message.split('\n')[0]! });
          log(`  [${i + 1}/${pages.length}] ${p.name}: skipped (${c.message.split('\n')[0]})`);
          continue;
        }
        costs.set(p.name, c);
        // A clean load with the page's own long-task observer, nothing injected.
        const tasks = await attempt(() =>
          plainLongTasks(() => plain.newPage(), p.url, PAGE_LOAD_TIMEOUT_MS),
        );
        if (!(tasks instanceof Error)) plainTasks.set(p.name, tasks);
        log(
          `  [${i + 1}/${pages.length}] ${p.name}: scan ${c.scanMs.toFixed(2)} ms = ${c.scanRatio.toFixed(1)}× floor` +
            (c.markJsMs !== null ? `, mark.js ${c.markJsMs.toFixed(0)} ms` : ''),
        );
      }
    } finally {
      await plain.close();
    }

    log(`Pages with the extension (${pages.length}, ${opts.extRuns} traced load(s) each)…`);
    const ext = await launchWithExtension(extensionPath);
    // Any extension script is ours: only ours is loaded, and its card bundle is served under a
    // per-session id of its own (`use_dynamic_url`), not the extension's id.
    const origin = 'chrome-extension://';
    const results: PageResult[] = [];
    let live;
    let hitTest;
    let card;
    try {
      // Untimed: the very first start installs the built-in pack, once per profile, not per page.
      await measureWithExtension(ext.context, origin, server.url(DEMO_PATH));
      /** A traced load of `url`; its second try comes from a blank page of the same origin. */
      const traced = (url: string, sampled: boolean) =>
        attempt((tryIndex) =>
          measureWithExtension(ext.context, origin, url, {
            sampled,
            ...(tryIndex > 0 ? { warmUrl: server.url(BLANK_PATH) } : {}),
          }),
        );
      for (const [i, p] of pages.entries()) {
        const c = costs.get(p.name);
        if (!c) continue;
        const runs: ExtensionCosts[] = [];
        let failure: Error | null = null;
        // Exact timings: timeline traces without the sampler.
        for (let r = 0; r < opts.extRuns && !failure; r++) {
          const one = await traced(p.url, false);
          if (one instanceof Error) failure = one;
          else runs.push(one);
        }
        // Attribution and heap: one sampled load. The page's own observer: one untraced load.
        const sampled = failure ? failure : await traced(p.url, true);
        const tasksWith = failure
          ? failure
          : await attempt(() => longTasksWithExtension(ext.context, p.url));
        if (sampled instanceof Error) failure = sampled;
        else if (tasksWith instanceof Error) failure = tasksWith;
        if (failure || sampled instanceof Error || tasksWith instanceof Error) {
          const reason = (failure ?? new Error('failed')).message.split('\n')[0]!;
          skipped.push({ name: p.name, reason });
          log(`  [${i + 1}/${pages.length}] ${p.name}: skipped (${reason})`);
          continue;
        }
        const pick = <T>(f: (e: ExtensionCosts) => T) => runs.map(f);
        const firsts = pick((e) => e.firstHighlightMs).filter((v): v is number => v !== null);
        const dones = pick((e) => e.scanDoneMs).filter((v): v is number => v !== null);
        const firstCpus = pick((e) => e.cpuToFirstHighlightMs).filter(
          (v): v is number => v !== null,
        );
        const result: PageResult = {
          name: p.name,
          kind: p.kind,
          costs: c,
          firstHighlightMs: firsts.length ? median(firsts) : null,
          cpuToFirstHighlightMs: firstCpus.length ? median(firstCpus) : null,
          scanDoneMs: dones.length ? median(dones) : null,
          loadMs: sampled.loadMs,
          ...medianTask(runs),
          extraHeapBytes: sampled.heapBytes - c.heapBytes,
          evaluateMs: median(pick((e) => e.evaluateMs)),
          evaluateCpuMs: median(pick((e) => e.evaluateCpuMs)),
          hotspots: sampled.hotspots,
          longTasks: [
            {
              with: tasksWith,
              without: plainTasks.get(p.name) ?? { count: NaN, worstMs: NaN },
            },
          ],
        };
        results.push(result);
        log(
          `  [${i + 1}/${pages.length}] ${p.name}: first highlight ${result.firstHighlightMs?.toFixed(1) ?? '–'} ms (our CPU ${result.cpuToFirstHighlightMs?.toFixed(1) ?? '–'} ms), ` +
            `longest task of ours ${result.longestTaskMs.toFixed(1)} ms (CPU ${result.longestTaskCpuMs.toFixed(1)} ms)` +
            (result.nestedTaskMs > 0
              ? `, page task with ours nested ${result.nestedTaskMs.toFixed(1)} ms (ours ${result.nestedOursMs.toFixed(1)} ms)`
              : ''),
        );
      }
      await confirmLongTasks(results, new Map(pages.map((p) => [p.name, p.url])), (url) =>
        longTasksWithExtension(ext.context, url),
      );
      log('Live page (10 s)…');
      // Once more after a failed load (a trace without the content script's start was seen
      // once, after 52 pages in the same browser); a second failure ends the run.
      live = await measureLivePage(ext.context, origin, server.url(LIVE_PATH)).catch(
        (error: unknown) => {
          log(`  live page: ${errorMessage(error)}; once more`);
          return measureLivePage(ext.context, origin, server.url(LIVE_PATH));
        },
      );
      log('Hover hit-tests and card latency…');
      hitTest = [
        {
          page: 'demo page',
          ...(await measureHitTests(ext.context, origin, server.url(DEMO_PATH))),
        },
        {
          page: 'generated 2 MB page',
          ...(await measureHitTests(ext.context, origin, server.url(LONG_PATH))),
        },
      ];
      card = await measureCardLatency(ext.context, origin, server.url(DEMO_PATH), opts.hovers);
    } finally {
      await ext.close();
    }

    const sizes = await measureSizes(outDir);
    const bench: BenchResults = {
      machine,
      settings: {
        corpus: opts.corpusLabel,
        corpusFound,
        runs: opts.runs,
        editRuns: opts.editRuns,
        markJsEvery: opts.markJsEvery,
        markJsRuns: opts.markJsRuns,
        extRuns: opts.extRuns,
        hovers: opts.hovers,
        limit: opts.limit,
      },
      pages: results,
      skipped,
      live,
      hitTest,
      cardLatencyMs: card.latenciesMs,
      cardHovers: card.hovers,
      matcher,
      sizes,
      durationS: (performance.now() - began) / 1000,
      loadAverageAtEnd: Math.round(os.loadavg()[0]! * 10) / 10,
    };
    const summary = summarize(bench);
    log('');
    log(pagesConsoleTable(bench));
    log('');
    log(targetsConsoleTable(summary));
    log('');
    for (const line of summaryLines(summary)) log(line);
    if (opts.write) {
      await writeResults(markdownResults(bench, summary));
      log(`\nWritten to ${path.relative(PROJECT_ROOT, RESULTS_FILE)}`);
    }
  } finally {
    await server.close();
  }
}

/**
 * Loads each page whose first pair saw a long task only with the extension CONFIRMING_PAIRS more
 * times each way, in a fresh browser without it beside the one with it, alternating which of the
 * pair goes first, and adds the pairs to the page's result. The browser without the extension
 * loads each page once, untimed, first: the one with it has loaded the page several times.
 */
async function confirmLongTasks(
  results: PageResult[],
  urls: Map<string, string>,
  withExtension: (url: string) => Promise<PageLongTasks>,
): Promise<void> {
  const suspects = results.filter((p) => longTaskOnlyWithUs(p.longTasks));
  if (suspects.length === 0) return;
  log(
    `Pages with a long task only with the extension (${suspects.length}): ${CONFIRMING_PAIRS} more loads each way…`,
  );
  const plain = await launchPlain();
  try {
    const without = (url: string) =>
      plainLongTasks(() => plain.newPage(), url, PAGE_LOAD_TIMEOUT_MS);
    for (const p of suspects) {
      const url = urls.get(p.name)!;
      await attempt(() => without(url));
      for (let k = 0; k < CONFIRMING_PAIRS; k++) {
        const pair: Partial<LongTaskPair> = {};
        // The first pair took the load without the extension first; the retry starts the other way.
        for (const side of k % 2 === 0
          ? (['with', 'without'] as const)
          : (['without', 'with'] as const)) {
          const seen = await attempt(() => (side === 'with' ? withExtension(url) : without(url)));
          pair[side] = seen instanceof Error ? { count: NaN, worstMs: NaN } : seen;
        }
        p.longTasks.push(pair as LongTaskPair);
      }
      const n = p.longTasks.length;
      const saw = (side: 'with' | 'without') => p.longTasks.filter((t) => t[side].count > 0).length;
      log(
        `  ${p.name}: a long task in ${saw('with')} of ${n} loads with the extension, ${saw('without')} of ${n} without` +
          (longTaskOnlyWithUs(p.longTasks) ? '' : ' (not counted)'),
      );
    }
  } finally {
    await plain.close();
  }
}

/** Replaces the generated block of docs/benchmarks.md, keeping everything around it. */
async function writeResults(block: string): Promise<void> {
  const current = await readFile(RESULTS_FILE, 'utf8').catch(() => null);
  // Formatted as `npm run format` would, so the written file passes `format:check`.
  const config = (await resolveConfig(RESULTS_FILE)) ?? {};
  const pretty = await format(block, { ...config, parser: 'markdown' });
  const generated = `${START_MARKER}\n\n${pretty.trimEnd()}\n\n${END_MARKER}`;
  if (current === null || !current.includes(START_MARKER) || !current.includes(END_MARKER)) {
    await writeFile(RESULTS_FILE, `# Benchmarks\n\n${generated}\n`);
    return;
  }
  const before = current.slice(0, current.indexOf(START_MARKER));
  const after = current.slice(current.indexOf(END_MARKER) + END_MARKER.length);
  await writeFile(RESULTS_FILE, before + generated + after);
}

main().catch((error: unknown) => {
  console.error(errorMessage(error));
  process.exitCode = 1;
});
