/**
 * Renders the demo news page from an article. Every string from the article is escaped and
 * inserted as text: a source document is data, never markup.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** What a publisher's article page shows. All fields are plain text. */
export interface DemoArticle {
  masthead: string;
  edition: string;
  sections: string[];
  kicker: string;
  headline: string;
  standfirst: string;
  author: string;
  /** ISO date (YYYY-MM-DD) for the `<time>` element. */
  dateIso: string;
  dateText: string;
  dateline: string;
  paragraphs: string[];
  related: { title: string; href: string }[];
  footer: string;
}

/** Built from this file's path (not `new URL(..., import.meta.url)`, which bundlers rewrite). */
const TEMPLATE_FILE = path.join(path.dirname(fileURLToPath(import.meta.url)), 'template.html');

const ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes text for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (ch) => ESCAPES[ch] ?? ch);
}

/** Only relative links and http(s) URLs make it into an href; anything else becomes "#". */
export function safeHref(href: string): string {
  if (/^(#|\/(?!\/)|\.\/)/.test(href)) return href;
  try {
    const url = new URL(href);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : '#';
  } catch {
    return '#';
  }
}

/** The page template, with `{{slot}}` markers. */
function loadTemplate(file: string = TEMPLATE_FILE): string {
  return readFileSync(file, 'utf8');
}

/** Fills the template. Markup here comes only from this function, never from the article. */
export function renderDemoPage(article: DemoArticle, template: string = loadTemplate()): string {
  const slots: Record<string, string> = {
    title: escapeHtml(`${article.headline} | ${article.masthead}`),
    masthead: escapeHtml(article.masthead),
    edition: escapeHtml(article.edition),
    sections: article.sections
      .map(
        (name, i) => `<a href="#"${i === 0 ? ' aria-current="page"' : ''}>${escapeHtml(name)}</a>`,
      )
      .join(''),
    kicker: escapeHtml(article.kicker),
    headline: escapeHtml(article.headline),
    standfirst: escapeHtml(article.standfirst),
    author: escapeHtml(article.author),
    dateIso: escapeHtml(article.dateIso),
    dateText: escapeHtml(article.dateText),
    dateline: escapeHtml(article.dateline),
    paragraphs: article.paragraphs.map((p) => `<p>${escapeHtml(p)}</p>`).join('\n          '),
    related: article.related
      .map((r) => `<li><a href="${escapeHtml(safeHref(r.href))}">${escapeHtml(r.title)}</a></li>`)
      .join('\n          '),
    footer: escapeHtml(article.footer),
  };
  // One pass over the template, so text that looks like a slot is never expanded again.
  return template.replace(/\{\{(\w+)\}\}/g, (marker, name: string) => {
    const value = slots[name];
    if (value === undefined) throw new Error(`Demo template has an unknown slot ${marker}`);
    return value;
  });
}
