/**
 * The demo article: the built-in pack's source document, framed as a publisher would frame it.
 * The body is the source text itself, so every name the pack knows appears on the page.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DemoArticle } from './render';

/** The project root (two levels above this file). */
export const PROJECT_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');

/** The built-in pack's sources, the preferred copy of the document. */
const PACK_SOURCES = path.join('assets', 'packs', 'berlin-talks-2025', 'sources');
/** The shared seed document beside the project, used before the pack holds a copy. */
const SEED_DOCUMENT = path.join('..', 'shared', 'seed-documents', '000_1eaab66b11271b1f.txt');

/** Finds the demo's source document: the pack's copy first, then the seed document. */
export function findSourceDocument(root: string = PROJECT_ROOT): string {
  const packDir = path.join(root, PACK_SOURCES);
  if (existsSync(packDir)) {
    const first = readdirSync(packDir)
      .filter((f) => f.endsWith('.txt'))
      .sort()[0];
    if (first) return path.join(packDir, first);
  }
  const seed = path.join(root, SEED_DOCUMENT);
  if (existsSync(seed)) return seed;
  throw new Error(
    `No source document for the demo page: expected text files in ${PACK_SOURCES} ` +
      `or ${SEED_DOCUMENT} (relative to the project root).`,
  );
}

/** Splits a plain-text document into paragraphs (one per non-empty line). */
export function toParagraphs(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
}

/** The article around a source text. Headline and standfirst restate the document's first paragraphs. */
export function demoArticle(sourceText: string): DemoArticle {
  return {
    masthead: 'The Morning Ledger',
    edition: 'International edition',
    sections: ['World', 'Europe', 'Politics', 'Business', 'Opinion'],
    kicker: 'Ukraine talks',
    headline: 'Zelenskyy signals Ukraine could set aside NATO bid for binding security guarantees',
    standfirst:
      'Five hours of talks with U.S. envoys in Berlin; Kyiv rejects proposed territorial concessions in Donetsk.',
    author: 'Foreign desk',
    dateIso: '2025-12-15',
    dateText: '15 December 2025',
    dateline: 'Berlin',
    paragraphs: toParagraphs(sourceText),
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
  return demoArticle(readFileSync(findSourceDocument(root), 'utf8'));
}
