/**
 * The labelled cases of the spotting evaluation set (test/fixtures/spot-eval/*.yaml): read,
 * checked with Zod (a malformed case names its file and position), and turned into HTML pages.
 */
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { z } from 'zod';

const caseSchema = z
  .strictObject({
    lang: z.string().regex(/^[a-z]{2,3}(-[A-Za-z0-9]+)*$/),
    text: z.string().min(1).optional(),
    html: z.string().min(1).optional(),
    /** Corpus page by file name, read from the corpus folder in place. */
    page: z
      .string()
      .regex(/^[\w.-]+\.html$/)
      .optional(),
    expect: z.record(z.string(), z.array(z.string().min(1))).default({}),
    note: z.string().optional(),
  })
  .refine((c) => [c.text, c.html, c.page].filter((x) => x !== undefined).length === 1, {
    message: 'give exactly one of text, html or page',
  });

export interface EvalCase {
  /** `<category>#<position from 1>`. */
  id: string;
  category: string;
  lang: string;
  /** The page as HTML, or null for a corpus page that is absent. */
  html: string | null;
  /** Expected mention texts per person id, in page order. */
  expect: Record<string, string[]>;
  /** Corpus page file name, for reports. */
  page?: string;
}

const escapeText = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');

/** A text case as a page: one paragraph per blank-line-separated block. */
export function textPage(text: string, lang: string): string {
  const paras = text
    .split(/\n[ \t]*\n/)
    .map((p) => `<p>${escapeText(p)}</p>`)
    .join('\n');
  return `<!doctype html><html lang="${lang}"><head><title>case</title></head><body>${paras}</body></html>`;
}

/** Every case of every `*.yaml` in `dir` but `thresholds.yaml`, file by file in name order. */
export function loadCases(dir: string, corpusDir: string | null): EvalCase[] {
  const out: EvalCase[] = [];
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.yaml') && f !== 'thresholds.yaml')
    .sort();
  for (const file of files) {
    const category = file.replace(/\.yaml$/, '');
    const data: unknown = parse(readFileSync(path.join(dir, file), 'utf8'));
    const list = z.array(z.unknown()).safeParse(data);
    if (!list.success) throw new Error(`${file}: expected a list of cases`);
    list.data.forEach((raw, i) => {
      const id = `${category}#${i + 1}`;
      const parsed = caseSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new Error(
          `${file}: case ${i + 1}: ${issue.path.join('.') || '(case)'}: ${issue.message}`,
        );
      }
      const c = parsed.data;
      let html: string | null;
      if (c.page !== undefined) {
        const file = corpusDir === null ? null : path.join(corpusDir, c.page);
        try {
          html = file === null ? null : readFileSync(file, 'utf8');
        } catch {
          html = null;
        }
      } else {
        html =
          c.html !== undefined
            ? `<!doctype html><html lang="${c.lang}"><body>${c.html}</body></html>`
            : textPage(c.text!, c.lang);
      }
      out.push({
        id,
        category,
        lang: c.lang,
        html,
        expect: c.expect,
        ...(c.page ? { page: c.page } : {}),
      });
    });
  }
  return out;
}

const rateSchema = z.number().min(0).max(1);
const thresholdsSchema = z.strictObject({
  /** Lowest precision and recall for the whole set, each person and each category. */
  precision: rateSchema,
  recall: rateSchema,
});
export type Thresholds = z.infer<typeof thresholdsSchema>;

export function loadThresholds(dir: string): Thresholds {
  const file = path.join(dir, 'thresholds.yaml');
  const parsed = thresholdsSchema.safeParse(parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`thresholds.yaml: ${parsed.error.issues[0]!.message}`);
  return parsed.data;
}
