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

export interface HoverCardProps {
  card: CardView;
  /** Opens the comparison view with this actor picked. */
  onCompare?: (actorId: string) => void;
  /** Opens the source viewer for a position (content scripts route this through the background). */
  onOpenSource?: (position: Pick<PositionView, 'id' | 'evidence' | 'source'>) => void;
  onClose?: () => void;
}

/** Max card width, px: the width range readers know from page previews (320 to 450 px). */
const CARD_MAX_WIDTH_PX = 400;

/** Styles of the card itself; the host adds COMPONENT_CSS next to these. */
export const HOVER_CARD_CSS = `
.sp-card { box-sizing: border-box; width: min(${CARD_MAX_WIDTH_PX}px, calc(100vw - 16px));
  max-height: var(--sp-card-max-height, 70vh); display: flex; flex-direction: column;
  margin: 0; padding: 0; border: 1px solid var(--sp-border); border-radius: 8px;
  background: var(--sp-bg); color: var(--sp-fg); box-shadow: 0 6px 24px rgba(0,0,0,0.25);
  font: 14px/20px system-ui, -apple-system, 'Segoe UI', sans-serif; text-align: left;
  overflow: hidden; animation: sp-card-in 120ms ease-out; }
@keyframes sp-card-in { from { opacity: 0; transform: translateY(2px); } to { opacity: 1; transform: none; } }
@media (prefers-reduced-motion: reduce) { .sp-card { animation: none; } }
.sp-card *, .sp-card *::before, .sp-card *::after { box-sizing: border-box; }
.sp-card:focus-visible, .sp-card button:focus-visible, .sp-card summary:focus-visible,
.sp-card .sp-body:focus-visible { outline: 2px solid var(--sp-focus); outline-offset: -2px; }
.sp-head { display: flex; gap: 8px; align-items: flex-start; padding: 10px 12px 8px;
  border-bottom: 1px solid var(--sp-border); }
.sp-head-text { flex: 1; min-width: 0; }
.sp-name { margin: 0; font: 700 16px/22px system-ui, sans-serif; color: var(--sp-fg); }
.sp-role { margin: 0; font-size: 13px; color: var(--sp-muted); }
.sp-close { flex: none; width: 28px; height: 28px; padding: 0; border: 1px solid transparent;
  border-radius: 4px; background: transparent; color: var(--sp-muted); font: 18px/26px system-ui, sans-serif;
  cursor: pointer; }
.sp-close:hover { border-color: var(--sp-border); color: var(--sp-fg); }
.sp-body { flex: 1 1 auto; min-height: 0; overflow: auto; overscroll-behavior: contain; padding: 4px 12px 10px; }
.sp-section-title { margin: 10px 0 2px; font: 700 12px/16px system-ui, sans-serif; color: var(--sp-muted);
  text-transform: uppercase; letter-spacing: 0.05em; }
.sp-topic { margin: 8px 0 0; }
.sp-proposition { margin: 0; font: 600 14px/19px system-ui, sans-serif; color: var(--sp-fg); }
.sp-positions { list-style: none; margin: 0; padding: 0; }
.sp-position { margin: 6px 0 0; padding: 0; }
.sp-position + .sp-position { padding-top: 6px; border-top: 1px dashed var(--sp-border); }
.sp-summary { margin: 4px 0 0; }
.sp-speaker { font-weight: 700; }
.sp-change { display: inline-block; margin-left: 6px; padding: 0 6px; border: 1px solid var(--sp-accent);
  border-radius: 4px; color: var(--sp-accent); font: 600 11px/16px system-ui, sans-serif; vertical-align: middle; }
.sp-history { margin: 4px 0 0; font-size: 13px; color: var(--sp-muted); }
.sp-history summary { cursor: pointer; color: var(--sp-accent); }
.sp-history ul { margin: 4px 0 0; padding-left: 18px; }
.sp-group { margin: 12px 0 0; padding: 6px 8px 8px; border: 1px solid var(--sp-border); border-radius: 6px; }
.sp-group-note { margin: 2px 0 0; font-size: 13px; color: var(--sp-muted); }
.sp-empty { margin: 10px 0 0; }
.sp-foot { display: flex; gap: 8px; align-items: center; justify-content: space-between;
  padding: 8px 12px; border-top: 1px solid var(--sp-border); font-size: 12px; color: var(--sp-muted); }
.sp-compare { flex: none; padding: 4px 10px; border: 1px solid var(--sp-accent); border-radius: 4px;
  background: var(--sp-bg); color: var(--sp-accent); font: 600 13px/18px system-ui, sans-serif; cursor: pointer; }
.sp-compare:hover { background: var(--sp-quote-bg); }
.sp-message { padding: 14px 12px; }
`;

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
        {definedBy && !definedBy.verified && <PackNote pack={definedBy} lead="Described by" />}
      </div>
      {onClose && (
        <button
          type="button"
          class="sp-close"
          aria-label="Close"
          title="Close (Esc)"
          onClick={onClose}
        >
          {'\u00d7'}
        </button>
      )}
    </header>
  );
}

function describeActor(actor: ActorSummary): string {
  return actor.country ? `${actor.role}, ${countryName(actor.country)}` : actor.role;
}

function sourcesPhrase(n: number): string {
  return n === 1 ? '1 source' : `${n} sources`;
}

/** The card for one actor. */
export function HoverCard({ card, onCompare, onOpenSource, onClose }: HoverCardProps) {
  const { actor } = card;
  const groupsWithPositions = card.groups.filter((g) => g.positions.length > 0);
  const hasOwn = card.positions.length > 0;
  return (
    <div class="sp-card" role="dialog" aria-label={`Standpoint: ${actor.name}`} tabIndex={-1}>
      <CardHead
        title={actor.name}
        subtitle={describeActor(actor)}
        definedBy={actor.definedBy}
        onClose={onClose}
      />
      <div class="sp-body" role="region" tabIndex={0} aria-label={`Positions of ${actor.name}`}>
        {hasOwn ? (
          <>
            <h3 class="sp-section-title">Stated positions</h3>
            <TopicList positions={card.positions} onOpenSource={onOpenSource} />
          </>
        ) : (
          <p class="sp-empty">
            {`The installed packs hold no position stated by ${actor.name}${
              groupsWithPositions.length > 0 ? ' personally' : ''
            }. ${actor.name} (${describeActor(actor)}) is named in ${sourcesPhrase(card.sourceCount)}.`}
          </p>
        )}
        {groupsWithPositions.map(({ group, positions }) => (
          <section
            class="sp-group"
            key={group.id}
            data-group={group.id}
            aria-label={`Positions of ${group.name}, a group ${actor.name} belongs to`}
          >
            <h3 class="sp-section-title">{`Group: ${group.name}`}</h3>
            <p class="sp-group-note">
              {`${actor.name} belongs to ${group.name}. These are the group's positions, not ${actor.name}'s own words.`}
            </p>
            <TopicList positions={positions} speaker={group.name} onOpenSource={onOpenSource} />
          </section>
        ))}
      </div>
      <footer class="sp-foot">
        <span>
          {'As of '}
          <time dateTime={card.asOf}>{formatDate(card.asOf)}</time>
          {card.packs.length > 0 &&
            ` \u00b7 ${card.packs
              .map((p) => `${p.title} v${p.version}${p.verified ? '' : ' (unverified)'}`)
              .join(', ')}`}
        </span>
        {onCompare && (
          <button
            type="button"
            class="sp-compare"
            aria-label={`Compare ${actor.name} with others`}
            onClick={() => onCompare(actor.id)}
          >
            Compare
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
    <div class="sp-card" role="dialog" aria-label={`Standpoint: ${title}`} tabIndex={-1}>
      <CardHead title={title} onClose={onClose} />
      <p class="sp-message" role="status">
        {message}
      </p>
    </div>
  );
}
