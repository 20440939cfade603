/**
 * What a pack update does to positions: which were added, which changed (and what they said
 * before), which were removed. Positions are matched by id within the pack.
 */
import type { Pack, Position } from '../pack/schema';
import type { PositionChangeRow, PositionSnapshot } from './database';

const snapshot = (p: Position): PositionSnapshot => ({
  stance: p.stance,
  summary: p.summary,
  date: p.date,
});

/**
 * A position counts as changed when what a reader sees of it changed: its stance, its summary,
 * its date, or whom or what it is about. A moved evidence offset alone is not a change.
 */
function positionChanged(before: Position, after: Position): boolean {
  return (
    before.stance !== after.stance ||
    before.summary !== after.summary ||
    before.date !== after.date ||
    before.actor !== after.actor ||
    before.topic !== after.topic
  );
}

/** The change rows an update from `before` to `after` records (empty when nothing changed). */
export function diffPositions(before: Pack, after: Pack, at: string): PositionChangeRow[] {
  const old = new Map(before.positions.map((p) => [p.id, p]));
  const rows: PositionChangeRow[] = [];
  const base = { packId: after.id, fromVersion: before.version, packVersion: after.version, at };
  for (const p of after.positions) {
    const prev = old.get(p.id);
    old.delete(p.id);
    if (!prev) {
      rows.push({
        ...base,
        positionId: p.id,
        actorId: p.actor,
        topicId: p.topic,
        kind: 'added',
        previous: null,
        current: snapshot(p),
      });
    } else if (positionChanged(prev, p)) {
      rows.push({
        ...base,
        positionId: p.id,
        actorId: p.actor,
        topicId: p.topic,
        kind: 'changed',
        previous: snapshot(prev),
        current: snapshot(p),
      });
    }
  }
  for (const prev of old.values()) {
    rows.push({
      ...base,
      positionId: prev.id,
      actorId: prev.actor,
      topicId: prev.topic,
      kind: 'removed',
      previous: snapshot(prev),
      current: null,
    });
  }
  return rows;
}
