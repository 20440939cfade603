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
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { ActorSummary, CardView, PositionView } from '@/utils/views';
import { PackNote } from './Evidence';
import { TopicList } from './TopicList';
import { COMPACT_POSITIONS, CompactPositions, type CompactEntry } from './CompactPositions';
import { countryName, formatDate } from '@/utils/format';
import { t, tn } from '@/utils/i18n';

export interface HoverCardProps {
  card: CardView;
  /** `compact` (the default): the positions that matter most, evidence on demand; `full`: all. */
  initialView?: 'compact' | 'full';
  /** Opens the comparison view with this actor picked. */
  onCompare?: (actorId: string) => void;
  /** Opens the source viewer for a position (content scripts route this through the background). */
  onOpenSource?: (position: Pick<PositionView, 'id' | 'evidence' | 'source'>) => void;
  onClose?: () => void;
}

/** A group's positions, under the group's name: never shown as the person's own words. */
function GroupSection({
  group,
  actorName,
  children,
}: {
  group: { id: string; name: string };
  actorName: string;
  children: ComponentChildren;
}) {
  return (
    <section
      class="sp-group"
      data-group={group.id}
      aria-label={t('cardGroupLabel', group.name, actorName)}
    >
      <h3 class="sp-section-title">{t('cardGroupTitle', group.name)}</h3>
      <p class="sp-group-note">{t('cardGroupNote', actorName, group.name)}</p>
      {children}
    </section>
  );
}

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
    // role="none": inside the dialog these are the card's own head and foot, not a second
    // banner and contentinfo landmark of the page the card opens on.
    <header class="sp-head" role="none">
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

/** "German Chancellor, Germany" */
function describeActor(actor: ActorSummary): string {
  return actor.country ? t('roleCountry', actor.role, countryName(actor.country)) : actor.role;
}

/**
 * The card for one actor: compact at first (the positions that matter most on this page, each
 * in one line, evidence on demand), the full list with every position's evidence one press away.
 */
export function HoverCard({
  card,
  initialView = 'compact',
  onCompare,
  onOpenSource,
  onClose,
}: HoverCardProps) {
  const { actor } = card;
  return (
    <div class="sp-card" role="dialog" aria-label={t('cardLabel', actor.name)} tabIndex={-1}>
      <CardHead
        title={actor.name}
        subtitle={describeActor(actor)}
        definedBy={actor.definedBy}
        onClose={onClose}
      />
      <CardBody key={actor.id} card={card} initialView={initialView} onOpenSource={onOpenSource} />
      <footer class="sp-foot" role="none">
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

/** The card's scrolling body, compact or full; one per actor (its state starts compact). */
function CardBody({
  card,
  initialView,
  onOpenSource,
}: {
  card: CardView;
  initialView: 'compact' | 'full';
  onOpenSource: HoverCardProps['onOpenSource'];
}) {
  const { actor } = card;
  const groupsWithPositions = card.groups.filter((g) => g.positions.length > 0);
  const hasOwn = card.positions.length > 0;
  const [full, setFull] = useState(initialView === 'full');
  /** Whether the reader asked for the full list (focus then moves into what it added). */
  const [grown, setGrown] = useState(false);
  const body = useRef<HTMLDivElement>(null);
  // Own positions in the page's order first, then the groups'; the compact card shows the first.
  const entries: CompactEntry[] = [
    ...card.positions.map((position) => ({ position })),
    ...groupsWithPositions.flatMap((g) =>
      g.positions.map((position) => ({ position, speaker: g.group.name })),
    ),
  ];
  const shown = entries.slice(
    0,
    hasOwn ? Math.min(COMPACT_POSITIONS, card.positions.length) : COMPACT_POSITIONS,
  );
  const firstMore = entries[shown.length]?.position.id;
  useEffect(() => {
    // "n more positions" disappears as the list grows: focus moves to the first position it added.
    if (grown && firstMore)
      body.current
        ?.querySelector<HTMLElement>(`li[data-position="${CSS.escape(firstMore)}"]`)
        ?.focus();
  }, [grown, firstMore]);

  const empty = (
    <p class="sp-empty">
      {`${t(groupsWithPositions.length > 0 ? 'cardNoOwnPosition' : 'cardNoPosition', actor.name)} ${tn('cardNamedIn', card.sourceCount, actor.name, describeActor(actor))}`}
    </p>
  );
  return (
    <div
      class="sp-body"
      role="region"
      tabIndex={0}
      aria-label={t('cardPositionsOf', actor.name)}
      ref={body}
      data-view={full ? 'full' : 'compact'}
    >
      {!full && (
        <>
          {hasOwn ? (
            <>
              <h3 class="sp-section-title">{t('cardStatedPositions')}</h3>
              <CompactPositions entries={shown} onOpenSource={onOpenSource} />
            </>
          ) : (
            empty
          )}
          {!hasOwn &&
            groupsWithPositions
              .filter(({ group }) => shown.some((e) => e.speaker === group.name))
              .map(({ group }) => (
                <GroupSection key={group.id} group={group} actorName={actor.name}>
                  <CompactPositions
                    entries={shown.filter((e) => e.speaker === group.name)}
                    onOpenSource={onOpenSource}
                  />
                </GroupSection>
              ))}
          {entries.length > shown.length && (
            <button
              type="button"
              class="sp-more sp-more-all"
              onClick={() => {
                setFull(true);
                setGrown(true);
              }}
            >
              {tn('cardMorePositions', entries.length - shown.length)}
            </button>
          )}
        </>
      )}
      {full && (
        <>
          {hasOwn ? (
            <>
              <h3 class="sp-section-title">{t('cardStatedPositions')}</h3>
              <TopicList positions={card.positions} onOpenSource={onOpenSource} />
            </>
          ) : (
            empty
          )}
          {groupsWithPositions.map(({ group, positions }) => (
            <GroupSection key={group.id} group={group} actorName={actor.name}>
              <TopicList positions={positions} speaker={group.name} onOpenSource={onOpenSource} />
            </GroupSection>
          ))}
        </>
      )}
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
