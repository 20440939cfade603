/**
 * A card's positions, topic by topic: each topic's proposition, then its positions with stance,
 * what changed, summary and evidence. The full list of the hover card (./HoverCard.tsx).
 */
import type { PositionView } from '@/utils/views';
import { ChangeNote } from './ChangeNote';
import { Evidence } from './Evidence';
import type { HoverCardProps } from './HoverCard';
import { StanceChip } from './StanceChip';

/** Positions grouped by topic, topics in the order their first position appears. */
export function groupByTopic(positions: readonly PositionView[]) {
  const groups = new Map<string, { topic: PositionView['topic']; positions: PositionView[] }>();
  for (const p of positions) {
    const g = groups.get(p.topic.id);
    if (g) g.positions.push(p);
    else groups.set(p.topic.id, { topic: p.topic, positions: [p] });
  }
  return [...groups.values()];
}

function PositionItem({
  position,
  speaker,
  onOpenSource,
}: {
  position: PositionView;
  /** Set for a group's positions: the group's name, shown before the summary. */
  speaker?: string;
  onOpenSource: HoverCardProps['onOpenSource'];
}) {
  return (
    <li class="sp-position" data-position={position.id} tabIndex={-1}>
      <StanceChip stance={position.stance} />
      <ChangeNote position={position} />
      <p class="sp-summary">
        {speaker && <span class="sp-speaker">{`${speaker}: `}</span>}
        {position.summary}
      </p>
      <Evidence position={position} onOpenSource={onOpenSource} />
    </li>
  );
}

export function TopicList({
  positions,
  speaker,
  onOpenSource,
}: {
  positions: readonly PositionView[];
  speaker?: string;
  onOpenSource: HoverCardProps['onOpenSource'];
}) {
  return (
    <>
      {groupByTopic(positions).map(({ topic, positions: list }) => (
        <section
          class="sp-topic"
          key={topic.id}
          data-topic={topic.id}
          aria-label={topic.proposition}
        >
          <h4 class="sp-proposition">{topic.proposition}</h4>
          <ul class="sp-positions">
            {list.map((p) => (
              <PositionItem key={p.id} position={p} speaker={speaker} onOpenSource={onOpenSource} />
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
