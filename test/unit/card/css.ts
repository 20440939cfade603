/** Reading the component stylesheets' colours, for the contrast tests. */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';

/** WCAG 2 relative luminance and contrast ratio of two `#rrggbb` colours. */
export function contrast(a: string, b: string): number {
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
export const readCss = (name: string) => readFileSync(`components/${name}`, 'utf8');

const DARK_MEDIA = '@media (prefers-color-scheme: dark)';

/** A stylesheet's rules outside and inside its dark-scheme media block. */
export function bySchemes(css: string): { light: string; dark: string } {
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
export function tokens(css: string): Map<string, string> {
  return new Map([...css.matchAll(/--sp-([a-z-]+):\s*(#[0-9a-f]{6})/g)].map((m) => [m[1]!, m[2]!]));
}

/** Text colour and background of each stance's chip rule. */
export function chipColours(css: string): Map<string, { fg: string; bg: string }> {
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
export const TEXT_PAIRS = [
  ['fg', 'bg'],
  ['muted', 'bg'],
  ['accent', 'bg'],
  ['fg', 'quote-bg'],
  ['muted', 'quote-bg'],
  ['accent', 'quote-bg'],
  ['mark-fg', 'mark-bg'],
  ['mark-selected-fg', 'mark-selected-bg'],
] as const;
