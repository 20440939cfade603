import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCases, loadThresholds, textPage } from '@/scripts/spot-eval/cases';

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'spot-eval-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('loadCases', () => {
  it('reads each category file in order, with ids, pages and labels', () => {
    const dir = folder({
      'b.yaml':
        '- lang: de\n  text: "Merz <b>sprach</b>.\\n\\nDann Putin."\n  expect: { merz: [Merz] }\n',
      'a.yaml': '- lang: en\n  html: <h1>MERZ</h1>\n- lang: en\n  page: x.html\n',
      'thresholds.yaml': 'precision: 0.5\nrecall: 0.5\n',
    });
    const cases = loadCases(dir, null);
    expect(cases.map((c) => c.id)).toEqual(['a#1', 'a#2', 'b#1']);
    expect(cases[0]!.html).toContain('<h1>MERZ</h1>');
    expect(cases[1]).toMatchObject({ html: null, page: 'x.html' }); // no corpus folder
    expect(cases[2]!.expect).toEqual({ merz: ['Merz'] });
    expect(cases[2]!.html).toContain('<p>Merz &lt;b>sprach&lt;/b>.</p>\n<p>Dann Putin.</p>');
    expect(loadThresholds(dir)).toEqual({ precision: 0.5, recall: 0.5 });
  });

  it('reads corpus pages in place when the folder is there', () => {
    const corpus = folder({ 'x.html': '<p>Putin</p>' });
    const dir = folder({ 'a.yaml': '- lang: en\n  page: x.html\n' });
    expect(loadCases(dir, corpus)[0]!.html).toBe('<p>Putin</p>');
  });

  it('names the file and case of a malformed case', () => {
    const dir = folder({ 'a.yaml': '- lang: en\n  text: x\n- lang: en\n  text: y\n  html: z\n' });
    expect(() => loadCases(dir, null)).toThrow(
      /a\.yaml: case 2: .*exactly one of text, html or page/,
    );
    const bad = folder({ 'a.yaml': '- lang: en\n  text: x\n  expect: { merz: Merz }\n' });
    expect(() => loadCases(bad, null)).toThrow(/a\.yaml: case 1: expect\.merz/);
  });

  it('wraps text as paragraphs of a page in its language', () => {
    expect(textPage('a & b', 'fr')).toContain('<html lang="fr">');
    expect(textPage('a & b', 'fr')).toContain('<p>a &amp; b</p>');
  });
});
