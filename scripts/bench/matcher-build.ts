/**
 * The matcher's build time for dictionaries of growing size, in Node (the same V8 as the
 * browser, without a page around it). Names are made from syllables with a fixed seed, as many
 * distinct forms as asked: four per person (two full names, a transliteration, the surname).
 */
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { buildMatcher } from '@/utils/spotting/matcher';
import type { Dictionary, DictionaryActor } from '@/utils/views';

/** Alias counts measured: a small pack, a large one, and ten times that. */
const ALIAS_COUNTS = [100, 5_000, 50_000] as const;
/** Untimed builds before timing, so the first-call compilation is not counted. */
const WARMUP_BUILDS = 2;

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
  ms: number;
  /** Build time per alias, µs: constant when the build is linear. */
  usPerAlias: number;
}

/**
 * A full garbage collection between builds, so no build pays for the previous one's garbage
 * (a content script builds one matcher per dictionary version, on a heap without old tries).
 */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

/** The fastest of `runs` builds for each size (the build is deterministic; slower runs were disturbed). */
export function measureMatcherBuild(runs: number): BuildTime[] {
  return ALIAS_COUNTS.map((aliases) => {
    const dict = syntheticDictionary(aliases);
    for (let i = 0; i < WARMUP_BUILDS; i++) buildMatcher(dict);
    const times: number[] = [];
    let forms = 0;
    for (let i = 0; i < runs; i++) {
      collectGarbage();
      const t0 = performance.now();
      forms = buildMatcher(dict).aliasCount;
      times.push(performance.now() - t0);
    }
    // The fastest build: the least disturbed by whatever else the machine runs.
    const ms = Math.min(...times);
    return { aliases, forms, ms, usPerAlias: (ms * 1000) / aliases };
  });
}
