/**
 * The words a position rests on, and where they come from. A direct quote is shown in quotation
 * marks; anything else is labelled as the source's paraphrase, so a reader never takes a
 * reporter's wording for the person's own. The link opens the source viewer with the span marked.
 */
import type { PackLabel, PositionView } from '@/utils/views';
import { extensionUrl, sourceViewerPath } from '@/utils/pages/urls';
import { formatDate } from '@/utils/format';
import { t } from '@/utils/i18n';

export interface EvidenceProps {
  position: Pick<PositionView, 'id' | 'evidence' | 'source' | 'pack'>;
  /** Link target; defaults to the source viewer page of this extension; `null`: no link. */
  sourceHref?: string | null;
  /**
   * When given, activating the link calls this instead of navigating. Content scripts need it:
   * a web page may not navigate to an extension page, so the background opens it.
   */
  onOpenSource?: (position: Pick<PositionView, 'id' | 'evidence' | 'source'>) => void;
}

/**
 * Whose word it is: the pack a position (or a person's definition) comes from, and a visible
 * "Unverified" when no signature vouches for it (an imported file). Every surface shows it.
 */
export function PackNote({ pack, definer = false }: { pack: PackLabel; definer?: boolean }) {
  return (
    <span class="sp-pack" data-pack={pack.id} data-verified={pack.verified ? 'true' : 'false'}>
      {t(definer ? 'packDescribedBy' : 'packFrom', pack.title)}
      {!pack.verified && (
        <strong class="sp-unverified" title={t('unverifiedTitle')}>
          {t('unverified')}
        </strong>
      )}
    </span>
  );
}

/** A compact "Unverified" mark for tight places (matrix cells and headers). */
export function UnverifiedMark({ pack }: { pack: PackLabel }) {
  return pack.verified ? null : (
    <strong class="sp-unverified" title={t('unverifiedFromTitle', pack.title)}>
      {t('unverified')}
    </strong>
  );
}

/** Renders the evidence of one position: the text, its kind, the source, and a viewer link. */
export function Evidence({ position, sourceHref, onOpenSource }: EvidenceProps) {
  const { evidence, source } = position;
  const isQuote = evidence.kind === 'quote';
  const href =
    sourceHref === undefined ? extensionUrl(sourceViewerPath(source.id, position.id)) : sourceHref;
  return (
    <figure class="sp-evidence" data-kind={evidence.kind}>
      <span class="sp-evidence-kind">{t(isQuote ? 'evidenceQuote' : 'evidenceParaphrase')}</span>
      {isQuote ? (
        <blockquote class="sp-evidence-text">{`\u201c${evidence.text}\u201d`}</blockquote>
      ) : (
        <p class="sp-evidence-text">{evidence.text}</p>
      )}
      <figcaption class="sp-evidence-source">
        <cite>{source.title}</cite>
        {source.publisher ? `, ${source.publisher}` : ''}
        {', '}
        <time dateTime={source.publishedAt}>{formatDate(source.publishedAt)}</time>
        {href !== null && ' \u00b7 '}
        {href !== null && (
          <a
            href={href}
            target="_blank"
            rel="noopener"
            onClick={
              onOpenSource
                ? (e) => {
                    e.preventDefault();
                    onOpenSource(position);
                  }
                : undefined
            }
          >
            {t('showInSource')}
            <span class="sp-visually-hidden">
              {` ${t(isQuote ? 'sourceLinkQuote' : 'sourceLinkPassage', source.title)}`}
            </span>
          </a>
        )}
        <PackNote pack={position.pack} />
      </figcaption>
    </figure>
  );
}
