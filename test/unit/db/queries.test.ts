import { describe, expect, it } from 'vitest';
import {
  cards,
  dictionary,
  dictionaryVersion,
  listActors,
  listPacks,
  matrix,
  sourceView,
} from '@/utils/db/queries';
import { FIXTURES, fixture, freshDb, install } from './helpers';

async function withPacks(...names: string[]) {
  const db = freshDb();
  for (const name of names) {
    const r = await install(db, await fixture(name));
    if (!r.ok) throw new Error(r.error);
  }
  return db;
}

describe('dictionary', () => {
  it('lists every actor once, aliases of all packs merged', async () => {
    const db = await withPacks(FIXTURES.newsV1, FIXTURES.alliance);
    const dict = await dictionary(db);
    expect(dict.actors.map((a) => a.id)).toEqual([
      'anna-berg',
      'carl-dahl',
      'eva-holm',
      'nordic-delegation',
    ]);
    const berg = dict.actors.find((a) => a.id === 'anna-berg')!;
    expect(berg.aliases).toEqual(['Anna Berg', 'A. Berg']);
    expect(berg.match.surnames).toEqual(['Berg']);
    expect(berg.match.titles).toEqual(['Minister']);
    expect(dict.version).toBe(await dictionaryVersion(db));
  });

  it('changes version when the installed packs change, and only then', async () => {
    const db = await withPacks(FIXTURES.newsV1);
    const first = await dictionaryVersion(db);
    expect(await dictionaryVersion(db)).toBe(first);
    await install(db, await fixture(FIXTURES.newsV2));
    const second = await dictionaryVersion(db);
    expect(second).not.toBe(first);
    await install(db, await fixture(FIXTURES.alliance));
    expect(await dictionaryVersion(db)).not.toBe(second);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
  });
});

describe('cards', () => {
  it('keeps an actor’s own positions apart from the positions of their groups', async () => {
    const db = await withPacks(FIXTURES.newsV1);
    const [card] = await cards(db, ['anna-berg']);
    expect(card!.actor).toEqual({
      id: 'anna-berg',
      kind: 'person',
      name: 'Anna Berg',
      role: 'Foreign minister',
      country: 'SE',
      memberOf: ['nordic-delegation'],
      definedBy: { id: 'fixture-news', title: 'Fixture news pack', verified: true },
    });
    expect(card!.positions.map((p) => p.id).sort()).toEqual(['berg-ceasefire', 'berg-sanctions']);
    expect(card!.positions.every((p) => p.actorId === 'anna-berg')).toBe(true);
    expect(card!.groups).toHaveLength(1);
    expect(card!.groups[0]!.group.id).toBe('nordic-delegation');
    expect(card!.groups[0]!.positions.map((p) => [p.id, p.actorId])).toEqual([
      ['delegation-ceasefire', 'nordic-delegation'],
    ]);
    const view = card!.positions.find((p) => p.id === 'berg-ceasefire')!;
    expect(view).toMatchObject({
      topic: { id: 'ceasefire', label: 'Ceasefire first' },
      stance: 'supports',
      evidence: { sourceId: 'oslo-meeting', kind: 'quote' },
      source: { id: 'oslo-meeting', title: 'Ministers meet in Oslo', publisher: 'Fixture Press' },
      date: '2025-03-03',
      packId: 'fixture-news',
      packVersion: 1,
    });
    expect(view.change).toBeUndefined();
    expect(card!.asOf).toBe('2025-03-04');
    expect(card!.packs).toEqual([
      { id: 'fixture-news', version: 1, title: 'Fixture news pack', verified: true },
    ]);
  });

  it('ranks topics by the page’s words', async () => {
    const db = await withPacks(FIXTURES.newsV1);
    const plain = await cards(db, ['anna-berg'], ['weather', 'rain']);
    const onSanctions = await cards(db, ['anna-berg'], ['energy', 'sanctions', 'households']);
    const onTruce = await cards(db, ['anna-berg'], ['truce', 'talks']);
    expect(onSanctions[0]!.positions.map((p) => p.topic.id)).toEqual([
      'energy-sanctions',
      'ceasefire',
    ]);
    expect(onTruce[0]!.positions.map((p) => p.topic.id)).toEqual(['ceasefire', 'energy-sanctions']);
    // Without a hint, ties fall back to the label.
    expect(plain[0]!.positions.map((p) => p.topic.id)).toEqual(['ceasefire', 'energy-sanctions']);
  });

  it('puts the newest position first within a topic, across packs', async () => {
    const db = await withPacks(FIXTURES.newsV1);
    const extra = await fixture(FIXTURES.alliance);
    extra.pack.topics.push({
      id: 'ceasefire',
      proposition: 'Should a ceasefire come before any talks?',
      label: 'Ceasefire first',
      keywords: ['armistice'],
    });
    extra.pack.positions.push({
      id: 'berg-ceasefire-late',
      actor: 'anna-berg',
      topic: 'ceasefire',
      stance: 'warns',
      summary: 'Warns that a ceasefire could fail.',
      evidence: extra.pack.positions[0]!.evidence,
      date: '2025-05-01',
    });
    await install(db, extra);
    const [card] = await cards(db, ['anna-berg'], ['armistice']);
    expect(card!.positions.map((p) => p.id)).toEqual([
      'berg-ceasefire-late',
      'berg-ceasefire',
      'berg-membership',
      'berg-sanctions',
    ]);
  });

  it('merges an actor across packs: the owner’s fields, positions of every pack', async () => {
    const db = await withPacks(FIXTURES.newsV2, FIXTURES.alliance);
    const [card] = await cards(db, ['anna-berg']);
    // The news pack described Anna Berg first: the newer alliance pack cannot re-role her.
    expect(card!.actor.role).toBe('Foreign minister');
    expect(card!.actor.definedBy.id).toBe('fixture-news');
    expect(card!.actor.memberOf).toEqual(['nordic-delegation']);
    expect(card!.positions.map((p) => p.packId).sort()).toEqual([
      'fixture-alliance',
      'fixture-news',
    ]);
    expect(card!.packs.map((p) => p.id)).toEqual(['fixture-alliance', 'fixture-news']);
    expect(card!.asOf).toBe('2025-05-02');
    // Named in the Oslo and Stockholm texts (news pack) and the interview (alliance pack).
    expect(card!.sourceCount).toBe(3);
  });

  it('gives an honest card to an actor who is named but holds no position', async () => {
    const db = await withPacks(FIXTURES.newsV1);
    const result = await cards(db, ['eva-holm', 'nobody-known']);
    expect(result).toHaveLength(1);
    expect(result[0]).toMatchObject({
      actor: { id: 'eva-holm', role: 'Trade envoy' },
      positions: [],
      sourceCount: 1,
    });
    expect(result[0]!.groups.map((g) => g.positions.length)).toEqual([1]);
  });

  it('marks positions an update added or changed, with their history', async () => {
    const db = await withPacks(FIXTURES.newsV1, FIXTURES.newsV2);
    const [berg, dahl] = await cards(db, ['anna-berg', 'carl-dahl']);
    const changed = berg!.positions.find((p) => p.id === 'berg-ceasefire')!;
    expect(changed.stance).toBe('conditional');
    expect(changed.change).toEqual({
      kind: 'changed',
      history: [
        {
          stance: 'supports',
          summary: 'Wants a ceasefire before anything else.',
          date: '2025-03-03',
          packVersion: 1,
        },
      ],
    });
    expect(berg!.positions.map((p) => p.id)).not.toContain('berg-sanctions');
    const added = dahl!.positions.find((p) => p.id === 'dahl-sanctions')!;
    expect(added.change).toEqual({ kind: 'added', history: [] });
    expect(dahl!.positions.find((p) => p.id === 'dahl-ceasefire')!.change).toBeUndefined();
  });

  it('keeps the whole history over several updates, newest first', async () => {
    const db = await withPacks(FIXTURES.newsV1, FIXTURES.newsV2);
    const v2 = await fixture(FIXTURES.newsV2);
    const v3 = structuredClone(v2.pack);
    v3.version = 3;
    v3.positions[0] = { ...v3.positions[0]!, stance: 'opposes', date: '2025-06-01' };
    await install(db, { ...v2, pack: v3, sha256: 'c'.repeat(64) });
    const [berg] = await cards(db, ['anna-berg']);
    const p = berg!.positions.find((x) => x.id === 'berg-ceasefire')!;
    expect(p.change?.history.map((h) => [h.stance, h.packVersion])).toEqual([
      ['conditional', 2],
      ['supports', 1],
    ]);
  });
});

describe('listActors', () => {
  it('lists people first, then groups, with every topic', async () => {
    const db = await withPacks(FIXTURES.newsV1, FIXTURES.alliance);
    const { actors, topics } = await listActors(db);
    expect(actors.map((a) => a.id)).toEqual([
      'anna-berg',
      'carl-dahl',
      'eva-holm',
      'nordic-delegation',
    ]);
    expect(actors[0]!.role).toBe('Foreign minister');
    expect(topics.map((t) => t.id)).toEqual([
      'ceasefire',
      'energy-sanctions',
      'alliance-membership',
    ]);
  });
});

describe('matrix', () => {
  it('has a row per topic with own and via-group cells, page topics first', async () => {
    const db = await withPacks(FIXTURES.newsV1);
    const m = await matrix(db, ['carl-dahl', 'anna-berg'], ['sanctions', 'energy']);
    expect(m.actors.map((a) => a.id)).toEqual(['carl-dahl', 'anna-berg']);
    expect(m.rows.map((r) => r.topic.id)).toEqual(['energy-sanctions', 'ceasefire']);
    const ceasefire = m.rows[1]!;
    expect(ceasefire.cells.map((c) => c.actorId)).toEqual(['carl-dahl', 'anna-berg']);
    expect(ceasefire.cells[0]!.own.map((p) => p.stance)).toEqual(['opposes']);
    expect(ceasefire.cells[0]!.viaGroups).toEqual([]);
    expect(ceasefire.cells[1]!.own.map((p) => p.stance)).toEqual(['supports']);
    expect(ceasefire.cells[1]!.viaGroups.map((g) => [g.group.id, g.positions[0]!.stance])).toEqual([
      ['nordic-delegation', 'proposes'],
    ]);
    expect(m.rows[0]!.cells[0]!.own).toEqual([]);
  });

  it('with no actors picked, compares every person on the topics they speak to', async () => {
    const db = await withPacks(FIXTURES.newsV1, FIXTURES.alliance);
    const m = await matrix(db, []);
    expect(m.actors.map((a) => a.id)).toEqual(['anna-berg', 'carl-dahl', 'eva-holm']);
    expect(m.rows.map((r) => r.topic.id).sort()).toEqual([
      'alliance-membership',
      'ceasefire',
      'energy-sanctions',
    ]);
    const onlyEva = await matrix(db, ['eva-holm', 'unknown-person']);
    expect(onlyEva.actors.map((a) => a.id)).toEqual(['eva-holm']);
    expect(onlyEva.rows.map((r) => r.topic.id)).toEqual(['ceasefire']);
    expect(onlyEva.rows[0]!.cells[0]!.own).toEqual([]);
  });
});

describe('sourceView', () => {
  it('returns the text with every evidence span resting on it, in text order', async () => {
    const db = await withPacks(FIXTURES.newsV1);
    const view = await sourceView(db, 'oslo-meeting');
    expect(view!.source).toMatchObject({ id: 'oslo-meeting', language: 'en' });
    const text = view!.source.text!;
    expect(view!.positions.map((p) => p.id)).toEqual([
      'berg-ceasefire',
      'dahl-ceasefire',
      'delegation-ceasefire',
      'berg-sanctions',
    ]);
    for (const p of view!.positions) {
      expect(text.slice(p.evidence.start, p.evidence.end)).toBe(p.evidence.text);
    }
    expect(await sourceView(db, 'no-such-source')).toBeNull();
  });
});

describe('listPacks', () => {
  it('lists installed packs newest first with their previous version', async () => {
    const db = await withPacks(FIXTURES.newsV1, FIXTURES.newsV2, FIXTURES.alliance);
    const packs = await listPacks(db);
    expect(packs.map((p) => [p.id, p.version, p.previousVersion, p.origin, p.verified])).toEqual([
      ['fixture-alliance', 1, null, 'feed', true],
      ['fixture-news', 2, 1, 'feed', true],
    ]);
    expect(packs[1]!.publishedAt).toBe('2025-04-03');
  });
});
