/**
 * A stance as a small labelled chip. Colour is never the only cue: the chip always shows the
 * stance in words, and screen readers hear "Stance: supports" with the stance's meaning as a
 * description. Used by the hover card, the popup matrix and the source viewer.
 */
import { t, type MessageKey } from '@/utils/i18n';
import type { Stance } from '@/utils/pack/schema';

/** Message keys of the short labels shown on the chip. */
const STANCE_LABEL_KEYS: Record<Stance, MessageKey> = {
  supports: 'stanceSupports',
  opposes: 'stanceOpposes',
  conditional: 'stanceConditional',
  proposes: 'stanceProposes',
  warns: 'stanceWarns',
  unclear: 'stanceUnclear',
};

/** What each stance means, relative to the topic's proposition (see utils/pack/schema.ts). */
const STANCE_DESCRIPTION_KEYS: Record<Stance, MessageKey> = {
  supports: 'stanceSupportsMeaning',
  opposes: 'stanceOpposesMeaning',
  conditional: 'stanceConditionalMeaning',
  proposes: 'stanceProposesMeaning',
  warns: 'stanceWarnsMeaning',
  unclear: 'stanceUnclearMeaning',
};

/** The stances in English, for command-line tools (`npm run pack:diff`); pages use `stanceLabel`. */
export const STANCE_LABELS: Record<Stance, string> = {
  supports: 'Supports',
  opposes: 'Opposes',
  conditional: 'Conditional',
  proposes: 'Proposes',
  warns: 'Warns',
  unclear: 'Unclear',
};

/** The stance in the reader's language: `Supports`. */
export const stanceLabel = (stance: Stance): string => t(STANCE_LABEL_KEYS[stance]);

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
      title={t(STANCE_DESCRIPTION_KEYS[stance])}
    >
      <span class="sp-visually-hidden">{`${t('stancePrefix')} `}</span>
      {stanceLabel(stance)}
    </span>
  );
}
