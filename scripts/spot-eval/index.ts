/**
 * `npm run spot:eval`: runs the content script's spotting (scanner, matcher, rules, page-wide
 * context: the `spot` command's path) over the labelled set in test/fixtures/spot-eval, then
 * over the held-out set in its `held-out` folder (cases the rules were not tuned on), and prints
 * for each precision and recall per person, per category and per language, then every miss and
 * mistake. Exits 1 when the whole set, a person or a category of either set is below that
 * set's thresholds.yaml.
 *
 *   --cases DIR    the set (default test/fixtures/spot-eval)
 *   --corpus DIR   where `page:` cases are read (default ../shared/corpus/readability);
 *                  an absent folder skips those cases and says so
 *   --quiet        totals only, no list of misses and mistakes
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { inertWindow } from '../inert-window';
import { parsePackText } from '../../utils/pack/validate';
import { dictionaryFromPacks } from '../../utils/spotting/dictionary';
import { buildMatcher } from '../../utils/spotting/matcher';
import { isRendered } from '../../utils/spotting/scan';
import { spotDocument } from '../../utils/spotting/spot-document';
import { loadCases, loadThresholds } from './cases';
import { failures, scoreCase, totals, type CaseResult, type Rates } from './score';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PACK = path.join(ROOT, 'utils/pack/generated/builtin-pack.json');

function table(title: string, rows: Map<string, Rates>): string {
  const lines = [`${title.padEnd(16)} precision  recall   right  mistakes  misses`];
  for (const [k, r] of rows) {
    lines.push(
      `${k.padEnd(16)} ${r.precision.toFixed(3).padStart(9)}  ${r.recall.toFixed(3).padStart(6)}  ` +
        `${String(r.tp).padStart(6)}  ${String(r.fp).padStart(8)}  ${String(r.fn).padStart(6)}`,
    );
  }
  return lines.join('\n');
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      cases: { type: 'string' },
      corpus: { type: 'string' },
      quiet: { type: 'boolean', default: false },
    },
  });
  const casesDir = path.resolve(ROOT, values.cases ?? 'test/fixtures/spot-eval');
  const corpusDir = path.resolve(ROOT, values.corpus ?? '../shared/corpus/readability');
  const corpus = existsSync(corpusDir) ? corpusDir : null;

  const checked = parsePackText(readFileSync(PACK, 'utf8'));
  if (!checked.ok)
    throw new Error(`the built-in pack is not valid: ${checked.problems[0]!.message}`);
  const pack = checked.pack;
  const people = pack.actors.filter((a) => a.kind === 'person').map((a) => a.id);
  const scored = new Set(people);
  const matcher = buildMatcher(dictionaryFromPacks([pack]));

  const sets = [{ title: 'labelled set', dir: casesDir }];
  const heldOut = path.join(casesDir, 'held-out');
  if (existsSync(heldOut)) sets.push({ title: 'held-out set', dir: heldOut });
  const window = inertWindow();
  const out: string[] = [];
  let failedAny = false;
  try {
    for (const set of sets) {
      const report = evaluate(set.dir, set.title);
      out.push(...report.lines, '');
      failedAny ||= report.failed;
    }
  } finally {
    await window.happyDOM.close();
  }
  process.stdout.write(out.join('\n'));
  return failedAny ? 1 : 0;

  /** Scores one set (a folder of category files and its thresholds.yaml) and prints its report. */
  function evaluate(dir: string, title: string): { lines: string[]; failed: boolean } {
    const cases = loadCases(dir, corpus);
    const thresholds = loadThresholds(dir);
    const results: CaseResult[] = [];
    const skipped: string[] = [];
    for (const c of cases) {
      if (c.html === null) {
        skipped.push(`${c.id} (${c.page})`);
        continue;
      }
      for (const p of Object.keys(c.expect)) {
        if (!scored.has(p)) throw new Error(`${c.id}: "${p}" is not a person of the pack`);
      }
      const doc = new window.DOMParser().parseFromString(
        c.html,
        'text/html',
      ) as unknown as Document;
      const found = spotDocument(doc, matcher, {
        rendered: (el) => {
          try {
            return isRendered(el);
          } catch {
            return true;
          }
        },
      }).filter((m) => scored.has(m.actor));
      results.push(scoreCase(c, c.expect, found));
    }
    const t = totals(results, people);
    const out: string[] = [];
    out.push(
      `spot:eval ${title}: ${results.length} cases, ${people.length} people, pack ${pack.id} v${pack.version}`,
    );
    if (skipped.length) out.push(`skipped (corpus folder absent): ${skipped.join(', ')}`);
    out.push('', table('all', new Map([['all', t.all]])));
    out.push('', table('person', t.byPerson));
    out.push('', table('category', t.byCategory));
    out.push('', table('language', t.byLanguage));
    if (!values.quiet) {
      const wrong = results.filter((r) => r.misses.length || r.mistakes.length);
      if (wrong.length) out.push('', 'misses (-) and mistakes (+):');
      for (const r of wrong) {
        for (const m of r.misses) out.push(`  ${r.id} [${r.lang}] - ${m}`);
        for (const m of r.mistakes) out.push(`  ${r.id} [${r.lang}] + ${m}`);
      }
    }
    const failed = failures(t, thresholds);
    const limits = `precision ${thresholds.precision}, recall ${thresholds.recall}`;
    out.push('');
    if (failed.length) {
      out.push(`${title} below thresholds (${limits}):`);
      for (const f of failed) out.push(`  ${f}`);
    } else {
      out.push(`${title}: thresholds met (${limits})`);
    }
    return { lines: out, failed: failed.length > 0 };
  }
}

main().then(
  (code) => process.exit(code),
  (e: unknown) => {
    process.stderr.write(`spot:eval: ${e instanceof Error ? e.message : String(e)}\n`);
    process.exit(2);
  },
);
