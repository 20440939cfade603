/**
 * The compact card's body: the two or three positions that matter most on this page (the
 * background ranks them by the page's words), each as topic, stance chip and one line, with its
 * evidence one press away ("Show evidence", which grows the card in place). The rest of the
 * positions, with all their evidence, are one more press away ("n more positions").
 */
import { useState } from 'preact/hooks';
import type { PositionView } from '@/utils/views';
import { t } from '@/utils/i18n';
import { Evidence, UnverifiedMark } from './Evidence';
import { StanceChip } from './StanceChip';
import { ChangeNote } from './ChangeNote';

/** How many positions the compact card shows before "n more positions". */
export const COMPACT_POSITIONS = 3;

/** A position as the compact card lists it; `speaker` is set for a group's position. */
export interface CompactEntry {
  position: PositionView;
  speaker?: string;
}

function CompactItem({
  entry,
  onOpenSource,
}: {
  entry: CompactEntry;
  onOpenSource?: (position: Pick<PositionView, 'id' | 'evidence' | 'source'>) => void;
}) {
  const { position, speaker } = entry;
  const [open, setOpen] = useState(false);
  const detailId = `sp-detail-${position.id}`;
  return (
    <li class="sp-cpos" data-position={position.id}>
      <p class="sp-cpos-head">
        <span class="sp-cpos-topic" title={position.topic.proposition}>
          {position.topic.label}
        </span>{' '}
        <StanceChip stance={position.stance} /> <UnverifiedMark pack={position.pack} />
      </p>
      <p class="sp-summary sp-cpos-summary">
        {speaker && <span class="sp-speaker">{`${speaker}: `}</span>}
        {position.summary}
      </p>
      <button
        type="button"
        class="sp-more"
        aria-expanded={open}
        aria-controls={detailId}
        onClick={() => setOpen(!open)}
      >
        {t(open ? 'cardHideEvidence' : 'cardShowEvidence')}
      </button>
      <div id={detailId} hidden={!open}>
        {open && (
          <>
            <p class="sp-cpos-prop">{position.topic.proposition}</p>
            <ChangeNote position={position} />
            <Evidence position={position} onOpenSource={onOpenSource} />
          </>
        )}
      </div>
    </li>
  );
}

/** The compact list: up to `COMPACT_POSITIONS` entries. */
export function CompactPositions({
  entries,
  onOpenSource,
}: {
  entries: readonly CompactEntry[];
  onOpenSource?: (position: Pick<PositionView, 'id' | 'evidence' | 'source'>) => void;
}) {
  return (
    <ul class="sp-positions sp-compact">
      {entries.map((e) => (
        <CompactItem key={e.position.id} entry={e} onOpenSource={onOpenSource} />
      ))}
    </ul>
  );
}
