import { describe, expect, it } from 'vitest';
import {
  actorVoices,
  byPositions,
  cellStance,
  disagrees,
  filterRows,
  foldColumns,
  matchesSearch,
} from '@/utils/pages/rows';
import { actor, matrix, position, topic } from './fixtures';

const a = actor('zelenskyy', 'Volodymyr Zelenskyy');
const b = actor('merz', 'Friedrich Merz');
const c = actor('putin', 'Vladimir Putin');
const us = actor('us-delegation', 'U.S. delegation', 'group');
const nato = topic(
  'nato-membership',
  'NATO bid',
  'Should Ukraine give up its NATO membership bid?',
);
const ceasefire = topic('ceasefire', 'Ceasefire first', 'Should a ceasefire come before talks?');
const troops = topic('troops', 'European troops', 'Should European troops guarantee a peace?');

describe('disagrees', () => {
  it('is true when two people hold different stances', () => {
    const m = matrix(
      [a, b],
      [
        {
          topic: nato,
          cells: [[position('zelenskyy', nato, 'opposes')], [position('merz', nato, 'supports')]],
        },
      ],
    );
    expect(disagrees(m.rows[0]!)).toBe(true);
  });

  it('is false when everyone who spoke agrees', () => {
    const m = matrix(
      [a, b, c],
      [
        {
          topic: nato,
          cells: [
            [position('zelenskyy', nato, 'opposes')],
            [position('merz', nato, 'opposes')],
            [],
          ],
        },
      ],
    );
    expect(disagrees(m.rows[0]!)).toBe(false);
  });

  it('is false with only one position, however many columns', () => {
    const m = matrix(
      [a, b, c],
      [{ topic: nato, cells: [[position('zelenskyy', nato, 'opposes')], [], []] }],
    );
    expect(disagrees(m.rows[0]!)).toBe(false);
  });

  it('compares a group position shown in a cell as that column’s stance', () => {
    const m = matrix(
      [a, b],
      [
        {
          topic: ceasefire,
          cells: [
            [position('zelenskyy', ceasefire, 'opposes')],
            { group: us, positions: [position('us-delegation', ceasefire, 'proposes')] },
          ],
        },
      ],
    );
    expect(cellStance(m.rows[0]!.cells[1]!)).toBe('proposes');
    expect(disagrees(m.rows[0]!)).toBe(true);
  });

  it('prefers the person’s own position over a group’s', () => {
    const m = matrix(
      [a, b],
      [
        {
          topic: ceasefire,
          cells: [
            [position('zelenskyy', ceasefire, 'opposes')],
            [position('merz', ceasefire, 'opposes')],
          ],
        },
      ],
    );
    m.rows[0]!.cells[1]!.viaGroups.push({
      group: us,
      positions: [position('us-delegation', ceasefire, 'proposes')],
    });
    expect(cellStance(m.rows[0]!.cells[1]!)).toBe('opposes');
    expect(disagrees(m.rows[0]!)).toBe(false);
  });

  it('compares each person by their newest position', () => {
    const m = matrix(
      [a, b],
      [
        {
          topic: nato,
          cells: [
            [
              position('zelenskyy', nato, 'supports', '2025-01-01'),
              position('zelenskyy', nato, 'opposes', '2025-03-01'),
            ],
            [position('merz', nato, 'opposes', '2025-02-01')],
          ],
        },
      ],
    );
    expect(cellStance(m.rows[0]!.cells[0]!)).toBe('opposes');
    expect(disagrees(m.rows[0]!)).toBe(false);
  });
});

describe('search', () => {
  const m = matrix(
    [a],
    [
      { topic: nato, cells: [[position('zelenskyy', nato, 'opposes')]] },
      { topic: ceasefire, cells: [[position('zelenskyy', ceasefire, 'warns')]] },
    ],
  );

  it('matches label, proposition and id, ignoring case and accents', () => {
    expect(matchesSearch(m.rows[0]!, 'nato')).toBe(true);
    expect(matchesSearch(m.rows[0]!, 'MEMBERSHIP bid')).toBe(true);
    expect(matchesSearch(m.rows[0]!, 'nato-membership')).toBe(true);
    expect(matchesSearch(m.rows[1]!, 'nato')).toBe(false);
  });

  it('needs every word', () => {
    expect(matchesSearch(m.rows[0]!, 'nato ceasefire')).toBe(false);
  });

  it('matches everything when empty', () => {
    expect(m.rows.every((r) => matchesSearch(r, '   '))).toBe(true);
  });
});

describe('filterRows', () => {
  const m = matrix(
    [a, b],
    [
      {
        topic: nato,
        cells: [[position('zelenskyy', nato, 'opposes')], [position('merz', nato, 'supports')]],
      },
      {
        topic: ceasefire,
        cells: [
          [position('zelenskyy', ceasefire, 'warns')],
          [position('merz', ceasefire, 'warns')],
        ],
      },
      { topic: troops, cells: [[], []] },
    ],
  );

  it('keeps the background order and leaves out topics nobody picked spoke on', () => {
    const out = filterRows(m, { query: '', onlyDisagree: false });
    expect(out.rows.map((r) => r.topic.id)).toEqual(['nato-membership', 'ceasefire']);
    expect(out.silent).toBe(1);
    expect(out.filtered).toBe(0);
  });

  it('keeps only disagreements when asked', () => {
    const out = filterRows(m, { query: '', onlyDisagree: true });
    expect(out.rows.map((r) => r.topic.id)).toEqual(['nato-membership']);
    expect(out.filtered).toBe(1);
  });

  it('combines search and the disagreement toggle', () => {
    expect(filterRows(m, { query: 'ceasefire', onlyDisagree: true }).rows).toEqual([]);
    expect(filterRows(m, { query: 'ceasefire', onlyDisagree: false }).rows).toHaveLength(1);
  });
});

describe('actorVoices', () => {
  it('tells own positions from group positions and leaves out the silent', () => {
    const m = matrix(
      [a, b, c],
      [
        {
          topic: nato,
          cells: [
            [position('zelenskyy', nato, 'opposes')],
            { group: us, positions: [position('us-delegation', nato, 'proposes')] },
            [],
          ],
        },
        { topic: ceasefire, cells: [[], [position('merz', ceasefire, 'warns')], []] },
      ],
    );
    expect(Object.fromEntries(actorVoices(m))).toEqual({ zelenskyy: 'own', merz: 'own' });
    const groupOnly = matrix(
      [b],
      [
        {
          topic: nato,
          cells: [{ group: us, positions: [position('us-delegation', nato, 'proposes')] }],
        },
      ],
    );
    expect(Object.fromEntries(actorVoices(groupOnly))).toEqual({ merz: 'group' });
  });
});

describe('byPositions and foldColumns', () => {
  const m = matrix(
    [a, b, c],
    [
      { topic: troops, cells: [[], [position('merz', troops, 'supports')], []] },
      {
        topic: nato,
        cells: [
          [position('zelenskyy', nato, 'opposes')],
          { group: us, positions: [position('us-delegation', nato, 'proposes')] },
          [],
        ],
      },
      {
        topic: ceasefire,
        cells: [
          [position('zelenskyy', ceasefire, 'warns')],
          [
            position('merz', ceasefire, 'warns'),
            { ...position('merz', ceasefire, 'opposes'), id: 'x' },
          ],
          [],
        ],
      },
    ],
  );

  it('puts the topics most columns speak on first, then the most positions, then the background order', () => {
    expect(byPositions(m.rows).map((r) => r.topic.id)).toEqual([
      'ceasefire',
      'nato-membership',
      'troops',
    ]);
    // Equal on both counts: the background's order stands.
    const tie = matrix(
      [a],
      [
        { topic: troops, cells: [[position('zelenskyy', troops, 'warns')]] },
        { topic: nato, cells: [[position('zelenskyy', nato, 'warns')]] },
      ],
    );
    expect(byPositions(tie.rows).map((r) => r.topic.id)).toEqual(['troops', 'nato-membership']);
    expect(m.rows[0]!.topic.id).toBe('troops');
  });

  it('filterRows orders by positions only when asked', () => {
    const filter = { query: '', onlyDisagree: false };
    expect(filterRows(m, filter).rows[0]!.topic.id).toBe('troops');
    expect(filterRows(m, { ...filter, order: 'positions' }).rows[0]!.topic.id).toBe('ceasefire');
  });

  it('folds the columns with nothing on the shown rows; a group position counts as something', () => {
    const all = foldColumns(m, m.rows);
    expect(all.speaking.map((x) => x.id)).toEqual(['zelenskyy', 'merz']);
    expect(all.silent.map((x) => x.id)).toEqual(['putin']);
    const natoOnly = foldColumns(m, [m.rows[1]!]);
    expect(natoOnly.speaking.map((x) => x.id)).toEqual(['zelenskyy', 'merz']);
    const troopsOnly = foldColumns(m, [m.rows[0]!]);
    expect(troopsOnly.silent.map((x) => x.id)).toEqual(['zelenskyy', 'putin']);
    expect(foldColumns(m, []).silent).toEqual([]);
  });
});
