import { readFileSync } from 'node:fs';
import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { StanceChip } from '@/components/StanceChip';
import { Evidence } from '@/components/Evidence';
import { STANCES } from '@/utils/pack/schema';
import { merzCard } from './fixtures';

function mount(vnode: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(vnode, root);
  return root;
}

/** WCAG 2 relative luminance and contrast ratio of two `#rrggbb` colours. */
function contrast(a: string, b: string): number {
  const lum = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
    }) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [lum(a), lum(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Vitest hands CSS imports to tests as empty strings, so the stylesheets are read as files. */
const readCss = (name: string) => readFileSync(`components/${name}`, 'utf8');
const themeCss = readCss('theme.css');
const chipCss = readCss('StanceChip.css');

const DARK_MEDIA = '@media (prefers-color-scheme: dark)';

/** A stylesheet's rules outside and inside its dark-scheme media block. */
function bySchemes(css: string): { light: string; dark: string } {
  const start = css.indexOf(DARK_MEDIA);
  expect(start, 'a dark-scheme block').toBeGreaterThan(0);
  let depth = 0;
  let end = css.indexOf('{', start);
  do {
    if (css[end] === '{') depth++;
    if (css[end] === '}') depth--;
    end++;
  } while (depth > 0 && end < css.length);
  return { light: css.slice(0, start) + css.slice(end), dark: css.slice(start, end) };
}

/** The `--sp-*` colour tokens a block of CSS declares. */
function tokens(css: string): Map<string, string> {
  return new Map([...css.matchAll(/--sp-([a-z-]+):\s*(#[0-9a-f]{6})/g)].map((m) => [m[1]!, m[2]!]));
}

/** Text colour and background of each stance's chip rule. */
function chipColours(css: string): Map<string, { fg: string; bg: string }> {
  const rules = css.matchAll(/\.sp-chip\[data-stance='(\w+)'\]\s*\{([^}]*)\}/g);
  return new Map(
    [...rules].map((m) => [
      m[1]!,
      {
        fg: /(?:^|[\s;])color:\s*(#[0-9a-f]{6})/.exec(m[2]!)![1]!,
        bg: /background:\s*(#[0-9a-f]{6})/.exec(m[2]!)![1]!,
      },
    ]),
  );
}

/** The theme's foreground/background pairs that carry text. */
const TEXT_PAIRS = [
  ['fg', 'bg'],
  ['muted', 'bg'],
  ['accent', 'bg'],
  ['fg', 'quote-bg'],
  ['muted', 'quote-bg'],
  ['accent', 'quote-bg'],
  ['mark-fg', 'mark-bg'],
  ['mark-selected-fg', 'mark-selected-bg'],
] as const;

describe('StanceChip', () => {
  it('names the stance in words for sight and for screen readers', () => {
    const root = mount(<StanceChip stance="conditional" />);
    const chip = root.querySelector('.sp-chip')!;
    expect(chip.getAttribute('data-stance')).toBe('conditional');
    expect(chip.textContent).toBe('Stance: Conditional');
    expect(chip.querySelector('.sp-visually-hidden')!.textContent).toBe('Stance: ');
    expect(chip.getAttribute('title')).toMatch(/condition/);
  });

  it.each(STANCES)('%s chip meets WCAG AA contrast in both themes (StanceChip.css)', (stance) => {
    const schemes = bySchemes(chipCss);
    for (const scheme of ['light', 'dark'] as const) {
      const colours = chipColours(schemes[scheme]).get(stance);
      expect(colours, `${stance} ${scheme} rule`).toBeDefined();
      expect(contrast(colours!.fg, colours!.bg), `${stance} ${scheme}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});

describe('theme', () => {
  it('every text colour pair meets WCAG AA in light and dark (theme.css)', () => {
    const { light, dark } = bySchemes(themeCss);
    const palettes = { light: tokens(light), dark: tokens(dark) };
    expect([...palettes.dark.keys()].sort()).toEqual([...palettes.light.keys()].sort());
    for (const [scheme, palette] of Object.entries(palettes)) {
      for (const [fg, bg] of TEXT_PAIRS) {
        expect(palette.get(fg), `--sp-${fg}`).toBeDefined();
        expect(palette.get(bg), `--sp-${bg}`).toBeDefined();
        const ratio = contrast(palette.get(fg)!, palette.get(bg)!);
        expect(ratio, `${scheme}: ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});

describe('Evidence', () => {
  const [quoted, ,] = merzCard.positions;
  const paraphrased = merzCard.positions[1]!;

  it('puts a direct quote in quotation marks', () => {
    const root = mount(<Evidence position={quoted!} sourceHref="#x" />);
    expect(root.querySelector('blockquote')!.textContent).toBe(
      '\u201ca ceasefire must come first\u201d',
    );
    expect(root.textContent).toContain('Direct quote');
    expect(root.textContent).not.toContain('paraphrase');
  });

  it("marks a paraphrase as the source's words, without quotation marks", () => {
    const root = mount(<Evidence position={paraphrased} sourceHref="#x" />);
    const text = root.querySelector('.sp-evidence-text')!;
    expect(text.tagName).toBe('P');
    expect(text.textContent).toBe('Merz rejected any demand that Kyiv abandon its NATO hopes');
    expect(root.textContent).toContain("The source's paraphrase");
    expect(root.querySelector('blockquote')).toBeNull();
  });

  it('names the source and its date and links to the source viewer with the position', () => {
    const root = mount(<Evidence position={quoted!} />);
    expect(root.querySelector('cite')!.textContent).toBe('Talks in Geneva end without agreement');
    expect(root.querySelector('time')!.getAttribute('datetime')).toBe('2025-11-23');
    expect(root.querySelector('time')!.textContent).toBe('Nov 23, 2025');
    const href = root.querySelector('a')!.getAttribute('href')!;
    const url = new URL(href);
    expect(url.pathname).toBe('/source.html');
    expect(url.searchParams.get('source')).toBe('geneva-talks');
    expect(url.searchParams.get('position')).toBe('merz-ceasefire');
  });

  it('hands the click to onOpenSource instead of navigating when asked', () => {
    const open = vi.fn();
    const root = mount(<Evidence position={quoted!} onOpenSource={open} />);
    const a = root.querySelector('a')!;
    const ev = new MouseEvent('click', { bubbles: true, cancelable: true });
    a.dispatchEvent(ev);
    expect(open).toHaveBeenCalledWith(quoted);
    expect(ev.defaultPrevented).toBe(true);
  });

  it('renders page and pack strings as text, never as markup', () => {
    const hostile = {
      ...quoted!,
      evidence: { ...quoted!.evidence, text: '<img src=x onerror=alert(1)>' },
    };
    const root = mount(<Evidence position={hostile} sourceHref="#x" />);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('blockquote')!.textContent).toContain('<img src=x');
  });
});
