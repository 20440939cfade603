/**
 * The matcher's build time for dictionaries of growing size, in Node (the same V8 as the
 * browser, without a page around it). Names are made from syllables with a fixed seed, as many
 * distinct forms as asked: four per person (two full names, a transliteration, the surname).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildMatcher } from '@/utils/spotting/matcher';
import type { Dictionary, DictionaryActor } from '@/utils/views';

/** Alias counts measured: a small pack, a large one, and ten times that. */
const ALIAS_COUNTS = [100, 5_000, 50_000] as const;
/** Untimed rounds (every size once) before timing, so all sizes run the same optimised code. */
const WARMUP_ROUNDS = 3;
/** Untimed builds after each full collection, before the timed one (see `measureMatcherBuild`). */
const REWARM_BUILDS = 3;
/**
 * Pause before each timed build, so background work the collections left (sweeping) is done
 * and its CPU time is not counted in the build.
 */
const SETTLE_MS = 20;

const SYLLABLES =
  'ka lo mi ra ne so tu vi ze an el or us ber dan fel gor hin jur kov lin mar nov pet'.split(' ');

function word(n: number): string {
  let s = '';
  let k = n;
  do {
    s += SYLLABLES[k % SYLLABLES.length];
    k = Math.floor(k / SYLLABLES.length);
  } while (k > 0);
  return s[0]!.toUpperCase() + s.slice(1);
}

/** A dictionary with exactly `aliases` name forms. */
function syntheticDictionary(aliases: number): Dictionary {
  const actors: DictionaryActor[] = [];
  for (let i = 0; actors.length * 4 < aliases; i++) {
    const given = word(i * 7 + 3);
    const surname = word(i * 13 + 100_000);
    actors.push({
      id: `person-${i}`,
      kind: 'person',
      aliases: [`${given} ${surname}`, `${given} ${word(i)} ${surname}`, `${surname}-${given}`],
      match: {
        surnames: [surname],
        bareSurname: 'in-context',
        givenNames: [given],
        titles: [],
        commonWord: false,
      },
    });
  }
  return { version: `synthetic-${aliases}`, actors };
}

export interface BuildTime {
  aliases: number;
  /** Distinct forms the matcher holds (as it counts them). */
  forms: number;
  /** Fastest CPU time of one build (the whole process, user and kernel), ms: what targets judge. */
  ms: number;
  /** Build CPU time per alias, µs: constant when the build is linear. */
  usPerAlias: number;
  /** Fewest page faults of one build (fresh memory the kernel had to map). */
  pageFaults: number;
  /** Fastest wall-clock time of one build, ms (a build the machine did not disturb, if any). */
  wallMs: number;
  /** Timed builds of this size. */
  runs: number;
}

/** V8's `gc()`: a full collection, or with `{ type: 'minor' }` the young generation only. */
function gc(options?: { type: 'minor' }): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as (options?: object) => void)(options);
}

/** Blocks this thread for `ms` without using the CPU (other threads go on). */
function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/** CPU time of the whole process (every thread, user and kernel), ms; page faults so far. */
function usage() {
  const u = process.resourceUsage();
  return { cpu: (u.userCPUTime + u.systemCPUTime) / 1000, faults: u.minorPageFault };
}

/** Flag that makes this module measure and print the results (in the child process). */
const CHILD_FLAG = '--matcher-build-child';
/**
 * glibc settings for the child: keep freed memory for the next allocation instead of handing
 * it back to the system. See `measureMatcherBuild`.
 */
const KEEP_FREED_MEMORY = {
  MALLOC_TRIM_THRESHOLD_: String(1 << 30),
  MALLOC_MMAP_THRESHOLD_: String(1 << 30),
};

/**
 * The fastest of `runs` builds for each size, timed as CPU time; the build is deterministic, so
 * a slower build was disturbed by something else.
 *
 * Before each timed build: a full garbage collection, so no build pays for the garbage of the
 * builds before it; then untimed builds of the same dictionary and a collection of the young
 * generation, because the full collection also drops the optimised code of the build's inner
 * functions (V8 keeps it only while one of them is alive), and the next build would compile it
 * again on a background thread: 10 to 40 ms of CPU time, which fell on some builds and not
 * others and made the 5,000-alias build look two to three times slower than it is. The timed
 * build thus starts with an empty young generation and the same compiled code every time; the
 * collections its own garbage causes are counted.
 *
 * In a child Node process whose C allocator keeps the memory it frees: otherwise the memory a
 * 5,000-alias build frees was handed to the next build again, while the megabytes a
 * 50,000-alias build frees went back to the system and had to be faulted in again by the next
 * build (700 to 2,300 page faults at 10 to 20 µs each on this virtual machine: 0 to 30 ms of
 * kernel time a build, depending on the allocator's state, not on the build). Now every size
 * builds in reused memory, as the smaller ones did anyway; the page faults left are reported.
 *
 * Made to hold on a busy 2-core machine, where a 50,000-alias build of 50 ms or more is rarely
 * left alone from start to end (single wall-clock times varied by 5× between runs):
 * - CPU time of the process, not wall-clock time: time spent waiting for a core while other
 *   processes run is not counted. It counts every thread, so work the build leaves to the
 *   garbage collector's helper threads counts too. The fastest wall time is reported beside.
 * - The sizes interleaved, round by round, after warm-up rounds of every size: a busy stretch
 *   of the machine falls on all sizes alike rather than on all the builds of one size.
 * - A short pause before each timed build (see `SETTLE_MS`).
 */
export function measureMatcherBuild(runs: number): BuildTime[] {
  const child = spawnSync(
    process.execPath,
    [...process.execArgv, fileURLToPath(import.meta.url), CHILD_FLAG, String(runs)],
    { encoding: 'utf8', env: { ...process.env, ...KEEP_FREED_MEMORY } },
  );
  if (child.status !== 0) throw new Error(`Matcher build measurement failed: ${child.stderr}`);
  return JSON.parse(child.stdout) as BuildTime[];
}

function timeBuilds(runs: number): BuildTime[] {
  const dicts = ALIAS_COUNTS.map((aliases) => syntheticDictionary(aliases));
  const fastest = ALIAS_COUNTS.map(() => ({
    cpu: Infinity,
    faults: Infinity,
    wall: Infinity,
    forms: 0,
  }));
  for (let round = 0; round < WARMUP_ROUNDS + runs; round++) {
    dicts.forEach((dict, k) => {
      gc();
      for (let i = 0; i < REWARM_BUILDS; i++) buildMatcher(dict);
      gc({ type: 'minor' });
      sleep(SETTLE_MS);
      const u0 = usage();
      const t0 = performance.now();
      const built = buildMatcher(dict);
      const t1 = performance.now();
      const u1 = usage();
      if (round < WARMUP_ROUNDS) return;
      const f = fastest[k]!;
      f.forms = built.aliasCount;
      f.cpu = Math.min(f.cpu, u1.cpu - u0.cpu);
      f.faults = Math.min(f.faults, u1.faults - u0.faults);
      f.wall = Math.min(f.wall, t1 - t0);
    });
  }
  return ALIAS_COUNTS.map((aliases, k) => {
    const f = fastest[k]!;
    return {
      aliases,
      forms: f.forms,
      ms: f.cpu,
      usPerAlias: (f.cpu * 1000) / aliases,
      pageFaults: f.faults,
      wallMs: f.wall,
      runs,
    };
  });
}

const childAt = process.argv.indexOf(CHILD_FLAG);
if (childAt >= 0)
  process.stdout.write(JSON.stringify(timeBuilds(Number(process.argv[childAt + 1]))));
