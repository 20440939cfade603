/**
 * An article as a draft reads it: a plain-text file byte for byte, or from a saved HTML page the
 * text a reader sees (headings, paragraphs, list items and quotes of the article, in order, one
 * per line; scripts, styles, hidden elements and navigation left out), with the title, date,
 * language, address and publisher the page declares.
 */
import { LIMITS } from '../pack/schema';
import { sha256 } from '../pack/sha256';
import { isRendered, isSkippedElement } from '../spotting/scan';
import type { Article } from './draft';
import { slug } from './topics';

const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, figcaption, pre';
const LEFT_OUT = 'nav, footer, aside, form, [hidden]';

/** A problem with the article file, for one clear line at the terminal. */
export class ArticleError extends Error {}

/** A plain-text article: its bytes are the source, unchanged. */
export function articleFromText(bytes: Uint8Array, fileName: string): Article {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ArticleError(`${fileName} is not UTF-8 text`);
  }
  if (text.includes('\u0000')) throw new ArticleError(`${fileName} is not a text file`);
  if (text.trim() === '') throw new ArticleError(`${fileName} is empty`);
  tooLong(text, fileName);
  return {
    text,
    fileName: sourceFileName(fileName),
    sha256: sha256(bytes),
    title: null,
    date: null,
    language: null,
    url: null,
    publisher: null,
  };
}

/** A saved page: the article's visible text and what the page says about itself. */
export function articleFromDocument(doc: Document, fileName: string): Article {
  const root = doc.querySelector('article') ?? doc.querySelector('main') ?? doc.body;
  if (!root) throw new ArticleError(`${fileName} has no body`);
  const lines: string[] = [];
  for (const el of root.querySelectorAll(BLOCKS)) {
    if (el.parentElement?.closest(BLOCKS) || el.closest(LEFT_OUT) || hidden(el)) continue;
    const line = (el.textContent ?? '').replace(/\s+/g, ' ').trim();
    if (line) lines.push(line);
  }
  if (lines.length === 0) throw new ArticleError(`${fileName} has no article text`);
  const text = `${lines.join('\n')}\n`;
  tooLong(text, fileName);
  const meta = (sel: string) => doc.querySelector(sel)?.getAttribute('content')?.trim() || null;
  const title =
    meta('meta[property="og:title"]') ??
    (doc.querySelector('h1')?.textContent?.replace(/\s+/g, ' ').trim() || null) ??
    (doc.title.trim() || null);
  const rawDate =
    meta('meta[property="article:published_time"]') ??
    meta('meta[name="date"]') ??
    doc.querySelector('time[datetime]')?.getAttribute('datetime') ??
    null;
  const date = rawDate && /^\d{4}-\d{2}-\d{2}/.test(rawDate) ? rawDate.slice(0, 10) : null;
  const lang = doc.documentElement.getAttribute('lang')?.trim().toLowerCase().split(/[-_]/)[0];
  const url =
    doc.querySelector('link[rel="canonical"]')?.getAttribute('href') ??
    meta('meta[property="og:url"]');
  return {
    text,
    fileName: sourceFileName(fileName),
    sha256: sha256(new TextEncoder().encode(text)),
    title,
    date,
    language: lang && /^[a-z]{2,3}$/.test(lang) ? lang : null,
    url: url && /^https?:\/\/\S+$/.test(url) ? url : null,
    publisher: meta('meta[property="og:site_name"]'),
  };
}

/** A source longer than a pack may carry is refused before any work is done on it. */
function tooLong(text: string, fileName: string): void {
  if (text.length > LIMITS.sourceTextChars) {
    throw new ArticleError(
      `${fileName} has ${text.length} characters; a pack's source may have at most ${LIMITS.sourceTextChars}`,
    );
  }
}

function hidden(el: Element): boolean {
  if (isSkippedElement(el)) return true;
  try {
    return !isRendered(el);
  } catch {
    return false; // a style the DOM cannot compute: count the text as shown
  }
}

/** The pack's name for the text file: the article's own name when it is one, else a slug. */
function sourceFileName(name: string): string {
  const base = name.split(/[\\/]/).pop() ?? name;
  if (/^[A-Za-z0-9][A-Za-z0-9._-]{0,99}\.txt$/.test(base)) return base;
  return `${slug(base.replace(/\.[^.]+$/, '')).slice(0, 60)}.txt`;
}
