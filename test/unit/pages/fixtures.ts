/** Small, readable matrix data for the popup's unit tests. */
import type { Stance } from '@/utils/pack/schema';
import type { ActorSummary, MatrixView, PositionView, TopicView } from '@/utils/views';

export function actor(
  id: string,
  name: string,
  kind: ActorSummary['kind'] = 'person',
): ActorSummary {
  return {
    id,
    kind,
    name,
    role: `Role of ${name}`,
    country: null,
    memberOf: [],
    definedBy: { id: 'builtin', title: 'Built-in pack', verified: true },
  };
}

export function topic(id: string, label: string, proposition = `Should ${label}?`): TopicView {
  return { id, label, proposition };
}

export function position(
  actorId: string,
  t: TopicView,
  stance: Stance,
  date = '2025-02-01',
  id = `${actorId}-${t.id}-${stance}-${date}`,
): PositionView {
  return {
    id,
    actorId,
    topic: t,
    stance,
    summary: `${actorId} ${stance} ${t.label}`,
    evidence: {
      sourceId: 'src-1',
      start: 0,
      end: 10,
      text: `words of ${actorId} on ${t.label}`,
      kind: 'quote',
    },
    source: {
      id: 'src-1',
      title: 'A source',
      publisher: 'Publisher',
      publishedAt: '2025-02-02',
      url: 'https://example.org/a',
    },
    date,
    packId: 'builtin',
    packVersion: 1,
    pack: { id: 'builtin', title: 'Built-in pack', verified: true },
  };
}

type CellSpec = PositionView[] | { group: ActorSummary; positions: PositionView[] };

/** Builds a matrix from `rows[topic][actorIndex]`: a list of own positions or a group's. */
export function matrix(
  actors: ActorSummary[],
  rows: { topic: TopicView; cells: CellSpec[] }[],
): MatrixView {
  return {
    actors,
    rows: rows.map((r) => ({
      topic: r.topic,
      cells: actors.map((a, i) => {
        const spec = r.cells[i] ?? [];
        return Array.isArray(spec)
          ? { actorId: a.id, own: spec, viaGroups: [] }
          : { actorId: a.id, own: [], viaGroups: [spec] };
      }),
    })),
  };
}
