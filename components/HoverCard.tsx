/**
 * The hover card: who a person is and what they stated, with the words each position rests on.
 * Props in, markup out: the card host (utils/card/host.ts) renders it into a shadow root and the
 * controller supplies the callbacks. Everything from packs is rendered as text.
 *
 * Honesty rules it encodes:
 * - a group's positions are shown under the group's name and prefixed with it, never as the
 *   person's own words;
 * - a person with no stated position gets a plain sentence saying so, with who they are and how
 *   many sources name them;
 * - a position an update added or changed is marked, and its earlier versions can be shown.
 */
import type { ActorSummary, CardView, PositionView } from '@/utils/views';
import { StanceChip } from './StanceChip';
import { Evidence, PackNote } from './Evidence';
import { changeWords, earlierVersionLabel, earlierVersionsLabel } from './change-words';
import { countryName, formatDate } from '@/utils/format';
import { t, tn } from '@/utils/i18n';

export interface HoverCardProps {
  card: CardView;
  /** Opens the comparison view with this actor picked. */
  onCompare?: (actorId: string) => void;
  /** Opens the source viewer for a position (content scripts route this through the background). */
  onOpenSource?: (position: Pick<PositionView, 'id' | 'evidence' | 'source'>) => void;
  onClose?: () => void;
}

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

function ChangeNote({ position }: { position: PositionView }) {
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
    <li class="sp-position" data-position={position.id}>
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

function TopicList({
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

/** "German Chancellor, Germany" */
/** The card's header: a title, an optional line under it, and the close button. */
function CardHead({
  title,
  subtitle,
  definedBy,
  onClose,
}: {
  title: string;
  subtitle?: string;
  /** Set when an imported pack defines the person: the header says so. */
  definedBy?: ActorSummary['definedBy'];
  onClose?: () => void;
}) {
  return (
    <header class="sp-head">
      <div class="sp-head-text">
        <h2 class="sp-name">{title}</h2>
        {subtitle !== undefined && <p class="sp-role">{subtitle}</p>}
        {definedBy && !definedBy.verified && <PackNote pack={definedBy} definer />}
      </div>
      {onClose && (
        <button
          type="button"
          class="sp-close"
          aria-label={t('close')}
          title={t('closeEsc')}
          onClick={onClose}
        >
          {'\u00d7'}
        </button>
      )}
    </header>
  );
}

function describeActor(actor: ActorSummary): string {
  return actor.country ? t('roleCountry', actor.role, countryName(actor.country)) : actor.role;
}

/** The card for one actor. */
export function HoverCard({ card, onCompare, onOpenSource, onClose }: HoverCardProps) {
  const { actor } = card;
  const groupsWithPositions = card.groups.filter((g) => g.positions.length > 0);
  const hasOwn = card.positions.length > 0;
  return (
    <div class="sp-card" role="dialog" aria-label={t('cardLabel', actor.name)} tabIndex={-1}>
      <CardHead
        title={actor.name}
        subtitle={describeActor(actor)}
        definedBy={actor.definedBy}
        onClose={onClose}
      />
      <div class="sp-body" role="region" tabIndex={0} aria-label={t('cardPositionsOf', actor.name)}>
        {hasOwn ? (
          <>
            <h3 class="sp-section-title">{t('cardStatedPositions')}</h3>
            <TopicList positions={card.positions} onOpenSource={onOpenSource} />
          </>
        ) : (
          <p class="sp-empty">
            {`${t(groupsWithPositions.length > 0 ? 'cardNoOwnPosition' : 'cardNoPosition', actor.name)} ${tn('cardNamedIn', card.sourceCount, actor.name, describeActor(actor))}`}
          </p>
        )}
        {groupsWithPositions.map(({ group, positions }) => (
          <section
            class="sp-group"
            key={group.id}
            data-group={group.id}
            aria-label={t('cardGroupLabel', group.name, actor.name)}
          >
            <h3 class="sp-section-title">{t('cardGroupTitle', group.name)}</h3>
            <p class="sp-group-note">{t('cardGroupNote', actor.name, group.name)}</p>
            <TopicList positions={positions} speaker={group.name} onOpenSource={onOpenSource} />
          </section>
        ))}
      </div>
      <footer class="sp-foot">
        <span>
          {`${t('cardAsOf')} `}
          <time dateTime={card.asOf}>{formatDate(card.asOf)}</time>
          {card.packs.length > 0 &&
            ` \u00b7 ${card.packs
              .map((p) =>
                t(p.verified ? 'cardPackVersion' : 'cardPackVersionUnverified', p.title, p.version),
              )
              .join(', ')}`}
        </span>
        {onCompare && (
          <button
            type="button"
            class="sp-compare"
            aria-label={t('cardCompareLabel', actor.name)}
            onClick={() => onCompare(actor.id)}
          >
            {t('cardCompare')}
          </button>
        )}
      </footer>
    </div>
  );
}

/** The card frame with a one-line message: loading, or an error that loses nothing. */
export function HoverCardMessage({
  title,
  message,
  onClose,
}: {
  title: string;
  message: string;
  onClose?: () => void;
}) {
  return (
    <div class="sp-card" role="dialog" aria-label={t('cardLabel', title)} tabIndex={-1}>
      <CardHead title={title} onClose={onClose} />
      <p class="sp-message" role="status">
        {message}
      </p>
    </div>
  );
}
