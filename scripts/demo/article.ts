/**
 * The demo article: the built-in pack's source document, framed as a publisher would frame it.
 * The body is the source text itself, so every name the pack knows appears on the page.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import type { DemoArticle } from './render';

/** The project root (two levels above this file). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The built-in pack, whose first source is the demo's article. */
const PACK_DIR = path.join('assets', 'packs', 'berlin-talks-2025');
/** The shared seed document beside the project, used when the pack is not there. */
const SEED_DOCUMENT = path.join('..', 'shared', 'seed-documents', '000_1eaab66b11271b1f.txt');

/** Headline and date used when the document comes without the pack's metadata. */
const FALLBACK_HEADLINE = 'Zelenskyy meets U.S. envoys in Berlin as talks turn to NATO and Donetsk';
const FALLBACK_DATE = '2025-12-15';

/** A source document and what the pack says about it. */
export interface SourceDocument {
  file: string;
  text: string;
  title: string;
  /** ISO date, YYYY-MM-DD. */
  publishedAt: string;
}

/** The first source the pack's pack.yaml lists, if it names a file that exists. */
function packSource(root: string): SourceDocument | null {
  const yamlFile = path.join(root, PACK_DIR, 'pack.yaml');
  if (!existsSync(yamlFile)) return null;
  const data: unknown = parse(readFileSync(yamlFile, 'utf8'));
  const sources = (data as { sources?: unknown } | null)?.sources;
  const first: unknown = Array.isArray(sources) ? sources[0] : undefined;
  if (typeof first !== 'object' || first === null) return null;
  const { file, title, publishedAt } = first as Record<string, unknown>;
  if (typeof file !== 'string') return null;
  const full = path.join(root, PACK_DIR, path.basename(file));
  if (!existsSync(full)) return null;
  return {
    file: full,
    text: readFileSync(full, 'utf8'),
    title: typeof title === 'string' ? title : FALLBACK_HEADLINE,
    publishedAt:
      typeof publishedAt === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(publishedAt)
        ? publishedAt
        : FALLBACK_DATE,
  };
}

/** Finds the demo's source document: the pack's copy first, then the seed document. */
function findSourceDocument(root: string = PROJECT_ROOT): SourceDocument {
  const fromPack = packSource(root);
  if (fromPack) return fromPack;
  const seed = path.join(root, SEED_DOCUMENT);
  if (existsSync(seed)) {
    return {
      file: seed,
      text: readFileSync(seed, 'utf8'),
      title: FALLBACK_HEADLINE,
      publishedAt: FALLBACK_DATE,
    };
  }
  throw new Error(
    `No source document for the demo page: expected ${path.join(PACK_DIR, 'pack.yaml')} ` +
      `with its sources, or ${SEED_DOCUMENT} (relative to the project root).`,
  );
}

/** Splits a plain-text document into paragraphs (one per non-empty line). */
export function toParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** "15 December 2025" for "2025-12-15". */
export function longDate(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}

/** The article around a source: its title as the headline, its text as the body. */
export function demoArticle(
  source: Pick<SourceDocument, 'text' | 'title' | 'publishedAt'>,
): DemoArticle {
  return {
    masthead: 'The Morning Ledger',
    edition: 'International edition',
    sections: ['World', 'Europe', 'Politics', 'Business', 'Opinion'],
    kicker: 'Ukraine talks',
    headline: source.title,
    standfirst:
      'Five hours of talks with U.S. envoys in Berlin; Kyiv rejects proposed territorial concessions in Donetsk.',
    author: 'Foreign desk',
    dateIso: source.publishedAt,
    dateText: longDate(source.publishedAt),
    dateline: 'Berlin',
    paragraphs: toParagraphs(source.text),
    related: [
      { title: 'Explainer: what “security guarantees” could mean for Ukraine', href: '#' },
      { title: 'Europe’s leaders and the search for a lasting peace', href: '#' },
      { title: 'Donetsk: the front line at the centre of the talks', href: '#' },
    ],
    footer:
      'A demonstration page for Standpoint. The article text is the built-in pack’s source document.',
  };
}

/** Reads the source document and returns the finished article. */
export function loadDemoArticle(root: string = PROJECT_ROOT): DemoArticle {
  return demoArticle(findSourceDocument(root));
}
