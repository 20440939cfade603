/**
 * The source viewer: `source.html?source=<id>&position=<id>`. Shows a source document with the
 * evidence of every position resting on it marked, so each claim on a card can be checked in
 * context; the chosen position's evidence is scrolled into view and emphasised. A legend lists
 * who took which position here; choosing one moves the emphasis.
 */
import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { StanceChip, stanceLabel } from '@/components/StanceChip';
import { Evidence, PackNote } from '@/components/Evidence';
import { formatDate } from '@/utils/format';
import { locateEvidence, splitIntoRuns, type LocatedEvidence } from '@/utils/pages/source-marks';
import { parseSourceSearch, sourceSearch } from '@/utils/pages/urls';
import type { Ask } from '@/utils/pages/ask';
import type { PositionView, SourceView } from '@/utils/views';
import { t, tn } from '@/utils/i18n';

export interface SourceAppProps {
  /** `location.search` when the page opened. */
  search: string;
  ask: Ask;
  /** Writes the query string into the address bar without a reload. */
  replaceSearch(search: string): void;
  setTitle?(title: string): void;
  /** Scrolls the emphasised evidence into view (a parameter so tests can watch it). */
  reveal?(el: HTMLElement): void;
}

type Load =
  | { state: 'loading' }
  | { state: 'error'; error: string }
  | { state: 'done'; view: SourceView; names: Map<string, string> };

function defaultReveal(el: HTMLElement) {
  const reduce = window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? true;
  el.scrollIntoView({ block: 'center', behavior: reduce ? 'auto' : 'smooth' });
  el.focus({ preventScroll: true });
}

export function SourceApp({
  search,
  ask,
  replaceSearch,
  setTitle,
  reveal = defaultReveal,
}: SourceAppProps) {
  const initial = useMemo(() => parseSourceSearch(search), [search]);
  const [selected, setSelected] = useState<string | null>(initial.positionId);
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  const textRef = useRef<HTMLElement>(null);

  useEffect(() => {
    const sourceId = initial.sourceId;
    if (!sourceId) {
      setLoad({ state: 'error', error: t('sourceBadLink') });
      return;
    }
    let live = true;
    void Promise.all([ask('getSource', { sourceId }), ask('listActors', {})]).then(
      ([src, actors]) => {
        if (!live) return;
        if (!src.ok) {
          setLoad({ state: 'error', error: src.error });
          return;
        }
        // Names are a nicety: without them the legend shows actor ids.
        const names = new Map(actors.ok ? actors.value.actors.map((a) => [a.id, a.name]) : []);
        setLoad({ state: 'done', view: src.value, names });
      },
    );
    return () => {
      live = false;
    };
  }, [initial.sourceId, ask]);

  useEffect(() => {
    if (load.state === 'done') setTitle?.(load.view.source.title);
  }, [load, setTitle]);

  useEffect(() => {
    if (load.state !== 'done' || !selected) return;
    const first = textRef.current?.querySelector<HTMLElement>('mark[data-selected]');
    if (first) reveal(first);
  }, [load, selected, reveal]);

  if (load.state === 'loading')
    return (
      <p class="src-status" role="status">
        {t('sourceLoading')}
      </p>
    );
  if (load.state === 'error') {
    return (
      <main class="src">
        <h1>{t('sourceUnavailable')}</h1>
        <p class="src-error" role="alert">
          {load.error}
        </p>
      </main>
    );
  }

  const { view, names } = load;
  const select = (positionId: string) => {
    setSelected(positionId);
    replaceSearch(sourceSearch(view.source.id, positionId));
  };
  return (
    <SourceBody view={view} names={names} selected={selected} onSelect={select} textRef={textRef} />
  );
}

function SourceBody({
  view,
  names,
  selected,
  onSelect,
  textRef,
}: {
  view: SourceView;
  names: Map<string, string>;
  selected: string | null;
  onSelect(positionId: string): void;
  textRef: { current: HTMLElement | null };
}) {
  const { source, positions } = view;
  const text = source.text;
  const located = useMemo(() => {
    const map = new Map<string, LocatedEvidence | null>();
    for (const p of positions) map.set(p.id, text === null ? null : locateEvidence(text, p));
    return map;
  }, [positions, text]);
  const runs = useMemo(
    () =>
      text === null
        ? []
        : splitIntoRuns(
            text,
            [...located.values()].filter((l): l is LocatedEvidence => l !== null),
          ),
    [text, located],
  );
  const byId = useMemo(() => new Map(positions.map((p) => [p.id, p])), [positions]);
  const nameOf = (p: PositionView) => names.get(p.actorId) ?? p.actorId;
  const selectedPosition = selected ? byId.get(selected) : undefined;

  return (
    <main class="src">
      <header class="src-head">
        <p class="src-kicker">{t('sourceKicker')}</p>
        <h1>{source.title}</h1>
        <p class="src-meta">
          {source.publisher ? `${source.publisher} \u00b7 ` : ''}
          <time dateTime={source.publishedAt}>{formatDate(source.publishedAt)}</time>
          {source.url && (
            <>
              {' \u00b7 '}
              <a href={source.url} rel="noopener noreferrer" target="_blank">
                {t('sourceOriginal')}
              </a>
            </>
          )}
        </p>
        {selected && !selectedPosition && (
          <p class="src-note" role="status">
            {t('sourceNotHere')}
          </p>
        )}
        {selectedPosition && located.get(selectedPosition.id) === null && text !== null && (
          <p class="src-note" role="status">
            {t('sourceNotFoundChosen')}
          </p>
        )}
      </header>
      <div class="src-layout">
        <aside class="src-legend" aria-labelledby="src-legend-title">
          <h2 id="src-legend-title">{tn('sourcePositions', positions.length)}</h2>
          <ul>
            {positions.map((p) => (
              <li
                key={p.id}
                data-position={p.id}
                aria-current={p.id === selected ? 'true' : undefined}
              >
                <button type="button" class="src-pick" onClick={() => onSelect(p.id)}>
                  <span class="src-who">{nameOf(p)}</span>
                  <span class="src-topic">{p.topic.label}</span>
                </button>
                <StanceChip stance={p.stance} />
                <p class="src-summary">{p.summary}</p>
                <p class="src-kind">
                  {t(p.evidence.kind === 'quote' ? 'evidenceQuote' : 'evidenceParaphrase')}
                  {located.get(p.id) === null && text !== null
                    ? ` \u00b7 ${t('sourceNotFound')}`
                    : ''}
                </p>
                {text !== null && <PackNote pack={p.pack} />}
                {text === null && <Evidence position={p} sourceHref={null} />}
              </li>
            ))}
          </ul>
        </aside>
        {text === null ? (
          <p class="src-text src-missing">{t('sourceNoText')}</p>
        ) : (
          <article class="src-text" lang={source.language} ref={textRef}>
            {runs.map((run) =>
              run.positionIds.length === 0 ? (
                run.text
              ) : (
                <mark
                  key={run.start}
                  data-positions={run.positionIds.join(' ')}
                  data-selected={selected && run.positionIds.includes(selected) ? '' : undefined}
                  tabIndex={selected && run.positionIds.includes(selected) ? -1 : undefined}
                  title={run.positionIds
                    .map((id) => byId.get(id))
                    .filter((p): p is PositionView => p !== undefined)
                    .map((p) => `${nameOf(p)}: ${p.topic.label} (${stanceLabel(p.stance)})`)
                    .join('\n')}
                  onClick={() => onSelect(run.positionIds[0]!)}
                >
                  {run.text}
                </mark>
              ),
            )}
          </article>
        )}
      </div>
    </main>
  );
}
