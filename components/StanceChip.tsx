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
