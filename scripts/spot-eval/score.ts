/**
 * Scoring of the spotting evaluation: found mentions against the labels, per case and person,
 * then totals per person, per category and per language. A mention is right when its actor and
 * its exact page text match a label not yet used; labels left over are misses, mentions left
 * over are mistakes.
 */

export interface Tally {
  tp: number;
  fp: number;
  fn: number;
}

export interface CaseResult {
  id: string;
  category: string;
  lang: string;
  /** Per person: right, mistaken and missed counts. */
  byPerson: Map<string, Tally>;
  /** Labels not found, as `person: text`. */
  misses: string[];
  /** Mentions found that no label asks for, as `person: text`. */
  mistakes: string[];
}

/** Compares one case's found mentions (of scored people only) with its labels. */
export function scoreCase(
  meta: { id: string; category: string; lang: string },
  expected: Record<string, string[]>,
  found: readonly { actor: string; text: string }[],
): CaseResult {
  const byPerson = new Map<string, Tally>();
  const tally = (p: string) => {
    let t = byPerson.get(p);
    if (!t) byPerson.set(p, (t = { tp: 0, fp: 0, fn: 0 }));
    return t;
  };
  const left = new Map(Object.entries(expected).map(([p, texts]) => [p, [...texts]]));
  const mistakes: string[] = [];
  for (const m of found) {
    const texts = left.get(m.actor);
    const i = texts ? texts.indexOf(m.text) : -1;
    if (i >= 0) {
      texts!.splice(i, 1);
      tally(m.actor).tp++;
    } else {
      tally(m.actor).fp++;
      mistakes.push(`${m.actor}: ${JSON.stringify(m.text)}`);
    }
  }
  const misses: string[] = [];
  for (const [p, texts] of left) {
    tally(p).fn += texts.length;
    for (const t of texts) misses.push(`${p}: ${JSON.stringify(t)}`);
  }
  return { ...meta, byPerson, misses, mistakes };
}

export interface Rates extends Tally {
  precision: number;
  recall: number;
}

/** Precision and recall of a tally; 1 where nothing was found or nothing expected. */
export function rates(t: Tally): Rates {
  return {
    ...t,
    precision: t.tp + t.fp === 0 ? 1 : t.tp / (t.tp + t.fp),
    recall: t.tp + t.fn === 0 ? 1 : t.tp / (t.tp + t.fn),
  };
}

const add = (a: Tally, b: Tally): Tally => ({ tp: a.tp + b.tp, fp: a.fp + b.fp, fn: a.fn + b.fn });
const zero = (): Tally => ({ tp: 0, fp: 0, fn: 0 });

export interface Totals {
  all: Rates;
  byPerson: Map<string, Rates>;
  byCategory: Map<string, Rates>;
  byLanguage: Map<string, Rates>;
}

/** Sums case results per person, category and language (each key sorted). */
export function totals(results: readonly CaseResult[], people: readonly string[]): Totals {
  let all = zero();
  const person = new Map<string, Tally>(people.map((p) => [p, zero()]));
  const category = new Map<string, Tally>();
  const language = new Map<string, Tally>();
  for (const r of results) {
    let caseSum = zero();
    for (const [p, t] of r.byPerson) {
      person.set(p, add(person.get(p) ?? zero(), t));
      caseSum = add(caseSum, t);
    }
    all = add(all, caseSum);
    category.set(r.category, add(category.get(r.category) ?? zero(), caseSum));
    language.set(r.lang, add(language.get(r.lang) ?? zero(), caseSum));
  }
  const sorted = (m: Map<string, Tally>) =>
    new Map([...m].sort(([a], [b]) => a.localeCompare(b)).map(([k, t]) => [k, rates(t)]));
  return {
    all: rates(all),
    byPerson: sorted(person),
    byCategory: sorted(category),
    byLanguage: sorted(language),
  };
}

/** The groups below the thresholds, as `kind key: precision p < min` lines; empty when all pass. */
export function failures(t: Totals, min: { precision: number; recall: number }): string[] {
  const out: string[] = [];
  const check = (what: string, r: Rates) => {
    if (r.precision < min.precision) {
      out.push(`${what}: precision ${r.precision.toFixed(3)} < ${min.precision}`);
    }
    if (r.recall < min.recall) out.push(`${what}: recall ${r.recall.toFixed(3)} < ${min.recall}`);
  };
  check('all', t.all);
  for (const [p, r] of t.byPerson) check(`person ${p}`, r);
  for (const [c, r] of t.byCategory) check(`category ${c}`, r);
  return out;
}
