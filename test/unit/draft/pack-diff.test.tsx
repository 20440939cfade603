/**
 * `pack:diff` between the built-in pack and a changed version: each change once, person by
 * person, and the words for a changed or new position exactly those the hover card shows.
 */
import { render } from 'preact';
import { describe, expect, it } from 'vitest';
import { HoverCard } from '@/components/HoverCard';
import { diffPositions } from '@/utils/db/diff';
import { packDiffText } from '@/utils/draft/pack-diff';
import type { Pack } from '@/utils/pack/schema';
import type { CardView, PositionView } from '@/utils/views';
import { position } from '../card/fixtures';
import { builtinPack } from '../pack/helpers';

const before = builtinPack();

/** The built-in pack at v2: one stance changed, one position removed, one added, an alias, new evidence. */
function changed(): Pack {
  const after = structuredClone(before);
  after.version = before.version + 1;
  after.positions.find((p) => p.id === 'zelenskyy-nato-membership-bid')!.stance = 'opposes';
  after.positions = after.positions.filter((p) => p.id !== 'macron-european-backing');
  const merz = after.positions.find((p) => p.id === 'merz-russian-expansionism-borders')!;
  after.positions.push({
    ...merz,
    id: 'merz-european-backing',
    topic: 'european-backing',
    stance: 'supports',
    summary: 'Backed Europe standing by Ukraine.',
  });
  after.actors.find((a) => a.id === 'merz')!.aliases.push('F. Merz');
  const ushakov = after.positions.find((p) => p.id === 'ushakov-european-contributions')!;
  ushakov.evidence = {
    ...ushakov.evidence,
    text: 'unlikely to be',
    end: ushakov.evidence.end - 12,
  };
  return after;
}

const after = changed();
const text = packDiffText(before, after);
const lines = text.split('\n');

/** The hover card's rendering of a position as the store would hand it after the update. */
function cardTexts(p: PositionView): { change: string; history: string[] } {
  const card: CardView = {
    actor: {
      id: p.actorId,
      kind: 'person',
      name: 'X',
      role: 'Y',
      country: null,
      memberOf: [],
      definedBy: p.pack,
    },
    positions: [p],
    groups: [],
    sourceCount: 1,
    asOf: '2025-12-15',
    packs: [],
  };
  const root = document.createElement('div');
  render(<HoverCard card={card} initialView="full" />, root);
  return {
    change: root.querySelector('.sp-change')!.textContent!,
    history: [...root.querySelectorAll('.sp-history li')].map((li) =>
      li.textContent!.replace('Stance: ', ''),
    ),
  };
}

describe('pack:diff', () => {
  it('prints each change once, under the person it concerns', () => {
    expect(lines[0]).toBe(`berlin-talks-2025: v${before.version} → v${after.version}`);
    const count = (s: string) => lines.filter((l) => l.includes(s)).length;
    expect(count(`Changed in update v${after.version}: NATO bid`)).toBe(1);
    expect(count(`Removed in update v${after.version}: European backing`)).toBe(1);
    expect(count(`New in update v${after.version}: European backing`)).toBe(1);
    expect(count('Alias added: “F. Merz”')).toBe(1);
    expect(count(`Evidence changed in update v${after.version}`)).toBe(1);
    const block = (name: string) => {
      const at = lines.indexOf(name);
      const end = lines.findIndex((l, i) => i > at && !l.startsWith(' '));
      return lines.slice(at, end < 0 ? undefined : end);
    };
    expect(block('Emmanuel Macron (macron)')).toContain(
      `  Removed in update v${after.version}: European backing`,
    );
    expect(block('Friedrich Merz (merz)')).toEqual([
      'Friedrich Merz (merz)',
      '  Alias added: “F. Merz”',
      `  New in update v${after.version}: European backing`,
      '    Supports, Dec 15, 2025: Backed Europe standing by Ukraine.',
    ]);
    expect(block('Yuri Ushakov (ushakov)')).toEqual([
      'Yuri Ushakov (ushakov)',
      `  Evidence changed in update v${after.version} (the card shows no “Changed” mark for this): European contributions`,
      '    before: quote “unlikely to be constructive”',
      '    now: quote “unlikely to be”',
    ]);
    // Nobody else changed.
    expect(lines.filter((l) => !l.startsWith(' ')).slice(1)).toEqual([
      'Emmanuel Macron (macron)',
      'Friedrich Merz (merz)',
      'Yuri Ushakov (ushakov)',
      'Volodymyr Zelenskyy (zelenskyy)',
    ]);
  });

  it('words changed and new positions exactly as the hover card does', () => {
    for (const row of diffPositions(before, after, '')) {
      if (row.kind === 'removed') continue;
      const shown = cardTexts(
        position({
          id: row.positionId,
          actorId: row.actorId,
          stance: row.current!.stance,
          summary: row.current!.summary,
          date: row.current!.date,
          packVersion: after.version,
          change: {
            kind: row.kind,
            history: row.previous ? [{ ...row.previous, packVersion: before.version }] : [],
          },
        }),
      );
      expect(lines.filter((l) => l.startsWith(`  ${shown.change}: `))).toHaveLength(1);
      for (const h of shown.history) expect(lines).toContain(`    ${h}`);
    }
  });

  it('says when a new version changes nothing readers see', () => {
    const same = { ...structuredClone(before), version: before.version + 1 };
    expect(packDiffText(before, same)).toBe(
      `berlin-talks-2025: v${before.version} → v${same.version}\n  no change readers will see`,
    );
  });
});
