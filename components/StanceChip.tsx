/**
 * A stance as a small labelled chip. Colour is never the only cue: the chip always shows the
 * stance in words, and screen readers hear "Stance: supports" with the stance's meaning as a
 * description. Used by the hover card, the popup matrix and the source viewer.
 */
import type { Stance } from '@/utils/pack/schema';

/** Short labels shown on the chip. */
export const STANCE_LABELS: Record<Stance, string> = {
  supports: 'Supports',
  opposes: 'Opposes',
  conditional: 'Conditional',
  proposes: 'Proposes',
  warns: 'Warns',
  unclear: 'Unclear',
};

/** What each stance means, relative to the topic's proposition (see utils/pack/schema.ts). */
const STANCE_DESCRIPTIONS: Record<Stance, string> = {
  supports: 'In favour of the proposition as phrased',
  opposes: 'Against the proposition',
  conditional: 'In favour only if a stated condition is met',
  proposes: 'Puts the proposition forward as their own plan or offer',
  warns: 'Cautions about a risk or consequence tied to the proposition',
  unclear: 'Takes a position whose direction the source leaves open',
};

/** Chip colours per stance and theme; every pair meets WCAG AA for small text (unit-tested). */
export const STANCE_COLOURS: Record<
  Stance,
  { light: { fg: string; bg: string }; dark: { fg: string; bg: string } }
> = {
  supports: { light: { fg: '#14532b', bg: '#dcf1e2' }, dark: { fg: '#b5ecc4', bg: '#1c3b26' } },
  opposes: { light: { fg: '#8a1a1a', bg: '#fbe1e1' }, dark: { fg: '#ffc2c2', bg: '#4a1d1d' } },
  conditional: {
    light: { fg: '#5f3f00', bg: '#fcefcc' },
    dark: { fg: '#f7dc9a', bg: '#41351a' },
  },
  proposes: { light: { fg: '#173f80', bg: '#dfeafc' }, dark: { fg: '#bdd5fb', bg: '#1c2e4d' } },
  warns: { light: { fg: '#7f3300', bg: '#fde6d3' }, dark: { fg: '#fcc9a1', bg: '#4a2a12' } },
  unclear: { light: { fg: '#3a3a42', bg: '#e9e9ee' }, dark: { fg: '#dcdce3', bg: '#35353d' } },
};

function chipRules(scheme: 'light' | 'dark'): string {
  return (Object.keys(STANCE_COLOURS) as Stance[])
    .map((s) => {
      const c = STANCE_COLOURS[s][scheme];
      return `.sp-chip[data-stance='${s}'] { color: ${c.fg}; background: ${c.bg}; border-color: ${c.fg}; }`;
    })
    .join('\n');
}

/** Styles for the chip; include once per document or shadow root (see components/styles.ts). */
export const STANCE_CHIP_CSS = `
.sp-chip {
  display: inline-block; box-sizing: border-box; padding: 1px 7px; border: 1px solid;
  border-radius: 999px; font: 600 12px/18px system-ui, sans-serif; letter-spacing: 0.01em;
  white-space: nowrap; vertical-align: middle;
}
${chipRules('light')}
@media (prefers-color-scheme: dark) {
${chipRules('dark')}
}
.sp-visually-hidden {
  position: absolute; width: 1px; height: 1px; margin: -1px; padding: 0; border: 0;
  overflow: hidden; clip: rect(0 0 0 0); clip-path: inset(50%); white-space: nowrap;
}
`;

export interface StanceChipProps {
  stance: Stance;
  /** Extra class names, e.g. for layout in a matrix cell. */
  class?: string;
}

/** `<StanceChip stance="supports" />` renders "Supports" in the stance's colours. */
export function StanceChip({ stance, class: extra }: StanceChipProps) {
  return (
    <span
      class={extra ? `sp-chip ${extra}` : 'sp-chip'}
      data-stance={stance}
      title={STANCE_DESCRIPTIONS[stance]}
    >
      <span class="sp-visually-hidden">Stance: </span>
      {STANCE_LABELS[stance]}
    </span>
  );
}
