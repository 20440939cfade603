/**
 * Colour tokens shared by the card, the source viewer and the popup components.
 *
 * Kept as CSS text (not a stylesheet import) because the hover card lives in a shadow root,
 * where the page's stylesheets cannot reach and ours must be added as a `<style>` element;
 * extension pages can drop the same text into a `<style>` of their own.
 * Every foreground/background pair here is checked for WCAG AA contrast by a unit test.
 */

/** A theme's named colours. Keys become `--sp-<key>` custom properties. */
export interface Palette {
  bg: string;
  fg: string;
  muted: string;
  border: string;
  accent: string;
  quoteBg: string;
  markBg: string;
  markFg: string;
  markSelectedBg: string;
  markSelectedFg: string;
  focus: string;
}

export const LIGHT: Palette = {
  bg: '#ffffff',
  fg: '#1b1b1f',
  muted: '#4e4e57',
  border: '#c9c9d2',
  accent: '#1a4fa0',
  quoteBg: '#f3f3f6',
  markBg: '#fff1a8',
  markFg: '#1b1b1f',
  markSelectedBg: '#ffb347',
  markSelectedFg: '#1b1b1f',
  focus: '#1a4fa0',
};

export const DARK: Palette = {
  bg: '#1e1f24',
  fg: '#ececf1',
  muted: '#b4b4c0',
  border: '#4a4b55',
  accent: '#9cc2ff',
  quoteBg: '#2a2b32',
  markBg: '#5a4d12',
  markFg: '#fff8d6',
  markSelectedBg: '#8f5200',
  markSelectedFg: '#ffffff',
  focus: '#9cc2ff',
};

/** The foreground/background pairs that carry text, for the contrast test. */
export const TEXT_PAIRS: readonly (readonly [keyof Palette, keyof Palette])[] = [
  ['fg', 'bg'],
  ['muted', 'bg'],
  ['accent', 'bg'],
  ['fg', 'quoteBg'],
  ['muted', 'quoteBg'],
  ['accent', 'quoteBg'],
  ['markFg', 'markBg'],
  ['markSelectedFg', 'markSelectedBg'],
];

function declarations(p: Palette): string {
  return Object.entries(p)
    .map(([k, v]) => `--sp-${k.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}: ${v};`)
    .join(' ');
}

/**
 * Light and dark tokens from `prefers-color-scheme`, on `:host` (shadow roots) and `:root`
 * (extension pages). `!important` on `:host` wins over a page's own `!important` rules.
 */
export const THEME_CSS = `
:host, :root { ${declarations(LIGHT).replace(/;/g, ' !important;')} color-scheme: light dark; }
@media (prefers-color-scheme: dark) {
  :host, :root { ${declarations(DARK).replace(/;/g, ' !important;')} }
}
`;
