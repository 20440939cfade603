import { describe, expect, it } from 'vitest';
import { defaultPicks, pickerList } from '@/utils/pages/pick';
import { actor } from './fixtures';

const people = [
  actor('zelenskyy', 'Volodymyr Zelenskyy'),
  actor('merz', 'Friedrich Merz'),
  actor('putin', 'Vladimir Putin'),
  actor('trump', 'Donald Trump'),
  actor('macron', 'Emmanuel Macron'),
  actor('starmer', 'Keir Starmer'),
  actor('us-delegation', 'U.S. delegation', 'group'),
];

describe('pickerList', () => {
  it('lists the page’s actors first, most mentioned first, ties by first mention', () => {
    const list = pickerList(people, {
      actorIds: ['putin', 'merz', 'zelenskyy'],
      counts: { putin: 2, merz: 5, zelenskyy: 2 },
    });
    expect(list.onPage.map((e) => [e.actor.id, e.count])).toEqual([
      ['merz', 5],
      ['putin', 2],
      ['zelenskyy', 2],
    ]);
    expect(list.others.map((e) => e.actor.id)).toEqual([
      'trump',
      'macron',
      'starmer',
      'us-delegation',
    ]);
  });

  it('sorts the rest people first, then by name', () => {
    const list = pickerList(people, null);
    expect(list.onPage).toEqual([]);
    expect(list.others.map((e) => e.actor.name)).toEqual([
      'Donald Trump',
      'Emmanuel Macron',
      'Friedrich Merz',
      'Keir Starmer',
      'Vladimir Putin',
      'Volodymyr Zelenskyy',
      'U.S. delegation',
    ]);
  });

  it('skips ids no installed pack knows and repeated ids', () => {
    const list = pickerList(people, { actorIds: ['ghost', 'merz', 'merz'], counts: { merz: 1 } });
    expect(list.onPage.map((e) => e.actor.id)).toEqual(['merz']);
    expect(list.others).toHaveLength(people.length - 1);
  });
});

describe('defaultPicks', () => {
  it('picks the page’s people, up to four', () => {
    const list = pickerList(people, {
      actorIds: ['zelenskyy', 'merz', 'putin', 'trump', 'macron'],
      counts: { zelenskyy: 9, merz: 7, putin: 5, trump: 3, macron: 1 },
    });
    expect(defaultPicks(list)).toEqual(['zelenskyy', 'merz', 'putin', 'trump']);
  });

  it('puts people before groups', () => {
    const list = pickerList(people, {
      actorIds: ['us-delegation', 'merz'],
      counts: { 'us-delegation': 8, merz: 1 },
    });
    expect(defaultPicks(list)).toEqual(['merz', 'us-delegation']);
  });

  it('puts own positions first, then group positions, then the silent', () => {
    const list = pickerList(people, {
      actorIds: ['trump', 'zelenskyy', 'putin', 'merz', 'macron', 'us-delegation'],
      counts: { trump: 9, zelenskyy: 7, putin: 5, merz: 3, macron: 1, 'us-delegation': 8 },
    });
    const voices = new Map([
      ['zelenskyy', 'own'],
      ['putin', 'group'],
      ['macron', 'own'],
      ['us-delegation', 'own'],
    ] as const);
    expect(defaultPicks(list, 4, voices)).toEqual([
      'zelenskyy',
      'macron',
      'us-delegation',
      'putin',
    ]);
    expect(defaultPicks(list, 2, voices)).toEqual(['zelenskyy', 'macron']);
    expect(defaultPicks(list, 4, new Map())).toEqual(['trump', 'zelenskyy', 'putin', 'merz']);
  });

  it('picks nobody on a page without names', () => {
    expect(defaultPicks(pickerList(people, { actorIds: [], counts: {} }))).toEqual([]);
  });
});
