import { describe, expect, it } from 'vitest';
import { demoArticle, longDate, toParagraphs } from '../../../scripts/demo/article';
import { escapeHtml, renderDemoPage, safeHref } from '../../../scripts/demo/render';

describe('demo page', () => {
  it('splits a document into paragraphs, one per non-empty line', () => {
    expect(toParagraphs('First.\r\n\n  Second. \nThird.')).toEqual(['First.', 'Second.', 'Third.']);
  });

  it('inserts the source text as text, never as markup', () => {
    const hostile = 'Merz said <img src=x onerror=alert(1)> & "quoted" {{headline}}';
    const html = renderDemoPage(
      demoArticle({ text: hostile, title: '<b>Title</b>', publishedAt: '2025-12-15' }),
    );
    expect(html).not.toContain('<img');
    expect(html).not.toContain('<b>');
    expect(html).toContain('&lt;b&gt;Title&lt;/b&gt;');
    expect(html).toContain(`<p>${escapeHtml(hostile)}</p>`);
    // A slot marker inside the text stays literal: the template is filled in one pass.
    expect(html).toContain('{{headline}}');
  });

  it('parses as a publisher-style page with headline, byline, date and paragraphs', () => {
    const html = renderDemoPage(
      demoArticle({
        text: 'One paragraph.\nAnother paragraph.',
        title: 'Zelenskyy meets envoys',
        publishedAt: '2025-12-15',
      }),
    );
    const doc = new DOMParser().parseFromString(html, 'text/html');
    expect(doc.querySelector('h1')?.textContent).toContain('Zelenskyy');
    expect(doc.querySelector('.byline time')?.getAttribute('datetime')).toBe('2025-12-15');
    expect(doc.querySelector('.byline time')?.textContent).toBe('15 December 2025');
    expect([...doc.querySelectorAll('article > p:not([class])')].map((p) => p.textContent)).toEqual(
      ['One paragraph.', 'Another paragraph.'],
    );
    expect(doc.querySelectorAll('aside li a').length).toBeGreaterThan(0);
  });

  it('writes dates the way the byline shows them', () => {
    expect(longDate('2025-12-15')).toBe('15 December 2025');
    expect(longDate('2026-01-02')).toBe('2 January 2026');
  });

  it('only lets relative and http(s) links into an href', () => {
    expect(safeHref('javascript:alert(1)')).toBe('#');
    expect(safeHref('//evil.example/x')).toBe('#');
    expect(safeHref('/local.html')).toBe('/local.html');
    expect(safeHref('https://example.org/a')).toBe('https://example.org/a');
  });
});
