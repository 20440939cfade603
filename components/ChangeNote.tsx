/**
 * The mark of a position an update added or changed ("Changed in update v3"), and its earlier
 * versions behind "Show earlier versions". Used by the full and the compact card.
 */
import type { PositionView } from '@/utils/views';
import { changeWords, earlierVersionLabel, earlierVersionsLabel } from './change-words';
import { StanceChip } from './StanceChip';

export function ChangeNote({ position }: { position: PositionView }) {
  const change = position.change;
  if (!change) return null;
  return (
    <>
      <span class="sp-change">{changeWords(position)?.note}</span>
      {change.history.length > 0 && (
        <details class="sp-history">
          <summary>{earlierVersionsLabel(change)}</summary>
          <ul>
            {change.history.map((h) => (
              <li key={`${h.packVersion}-${h.date}`}>
                {`${earlierVersionLabel(h)}: `}
                <StanceChip stance={h.stance} /> {h.summary}
              </li>
            ))}
          </ul>
        </details>
      )}
    </>
  );
}
