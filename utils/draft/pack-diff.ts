/**
 * What a new version of a pack changes for readers, person by person, in the words the card and
 * the matrix use for the same facts (components/change-words.ts) and with the store's own rule
 * for which positions changed (utils/db/diff.ts). Behind `npm run pack:diff` and printed by
 * `npm run pack:publish` for every pack it updates.
 */
import { earlierVersionText, updateNote } from '../../components/change-words';
import { STANCE_LABELS } from '../../components/StanceChip';
import { diffPositions } from '../db/diff';
import type { PositionSnapshot } from '../db/database';
import type { Actor, Pack, Position } from '../pack/schema';
import { formatDate } from '../format';

/**
 * One line of the card's history, as the card shows it less the chip's "Stance:" for screen
 * readers: `Pack v1, Dec 15, 2025: Conditional Expressed willingness…`.
 */
function historyLine(s: PositionSnapshot, packVersion: number): string {
  return `${earlierVersionText({ ...s, packVersion })}: ${STANCE_LABELS[s.stance]} ${s.summary}`;
}

/** The current wording: `Opposes, Dec 15, 2025: Firmly rejected…`. */
function nowLine(s: PositionSnapshot): string {
  return `${STANCE_LABELS[s.stance]}, ${formatDate(s.date)}: ${s.summary}`;
}

const quoted = (s: string) => `“${s}”`;

/** The changes from `before` to `after`, one block per person; empty when readers see none. */
function packDiffLines(before: Pack, after: Pack): string[] {
  const v = after.version;
  const people = new Map<string, string[]>();
  const note = (actorId: string, ...lines: string[]) => {
    people.set(actorId, [...(people.get(actorId) ?? []), ...lines]);
  };
  const label = (pack: Pack, topicId: string) =>
    pack.topics.find((t) => t.id === topicId)?.label ?? topicId;

  const oldActors = new Map(before.actors.map((a) => [a.id, a]));
  const newActors = new Map(after.actors.map((a) => [a.id, a]));
  for (const a of after.actors) {
    const old = oldActors.get(a.id);
    if (!old) {
      note(a.id, `  New person in update v${v}: ${a.name}, ${a.role}`);
      continue;
    }
    if (old.name !== a.name)
      note(a.id, `  Name changed in update v${v}: ${quoted(old.name)} → ${quoted(a.name)}`);
    if (old.role !== a.role)
      note(a.id, `  Role changed in update v${v}: ${quoted(old.role)} → ${quoted(a.role)}`);
    for (const alias of a.aliases)
      if (!old.aliases.includes(alias)) note(a.id, `  Alias added: ${quoted(alias)}`);
    for (const alias of old.aliases)
      if (!a.aliases.includes(alias)) note(a.id, `  Alias removed: ${quoted(alias)}`);
  }
  for (const a of before.actors) {
    if (!newActors.has(a.id)) note(a.id, `  Removed from the pack in update v${v}: ${a.name}`);
  }

  const rows = diffPositions(before, after, '');
  const oldPositions = new Map(before.positions.map((p) => [p.id, p]));
  const changed = new Set(rows.map((r) => r.positionId));
  for (const r of rows) {
    if (r.kind === 'added') {
      note(
        r.actorId,
        `  ${updateNote('added', v)}: ${label(after, r.topicId)}`,
        `    ${nowLine(r.current!)}`,
      );
    } else if (r.kind === 'changed') {
      note(
        r.actorId,
        `  ${updateNote('changed', v)}: ${label(after, r.topicId)}`,
        `    ${nowLine(r.current!)}`,
        `    ${historyLine(r.previous!, before.version)}`,
      );
    } else {
      note(
        r.actorId,
        `  ${updateNote('removed', v)}: ${label(before, r.topicId)}`,
        `    ${historyLine(r.previous!, before.version)}`,
      );
    }
  }
  // Evidence is not part of what the card marks as changed; editors still need to see it.
  for (const p of after.positions) {
    const old = oldPositions.get(p.id);
    if (!old || changed.has(p.id) || !evidenceDiffers(old, p)) continue;
    note(
      p.actor,
      `  Evidence changed in update v${v} (the card shows no “Changed” mark for this): ${label(after, p.topic)}`,
      `    before: ${old.evidence.kind} ${quoted(old.evidence.text)}`,
      `    now: ${p.evidence.kind} ${quoted(p.evidence.text)}`,
    );
  }

  const out: string[] = [];
  const name = (id: string): string => {
    const a: Actor | undefined = newActors.get(id) ?? oldActors.get(id);
    return a ? `${a.name} (${id})` : id;
  };
  const order = [...after.actors.map((a) => a.id), ...before.actors.map((a) => a.id)];
  for (const id of [...new Set([...order, ...people.keys()])]) {
    const lines = people.get(id);
    if (lines) out.push(name(id), ...lines);
  }
  return out;
}

function evidenceDiffers(a: Position, b: Position): boolean {
  return (
    a.evidence.text !== b.evidence.text ||
    a.evidence.kind !== b.evidence.kind ||
    a.evidence.sourceId !== b.evidence.sourceId
  );
}

/** The whole report: a heading, then the people, or a line saying readers will see no change. */
export function packDiffText(before: Pack, after: Pack): string {
  const head = `${after.id}: v${before.version} → v${after.version}`;
  const lines = packDiffLines(before, after);
  return [head, ...(lines.length ? lines : ['  no change readers will see'])].join('\n');
}
