/**
 * All installed packs together may ask only so much of every page: an install that would push
 * the page dictionary over its budget is refused inside the install's transaction, store unchanged.
 */
import { describe, expect, it } from 'vitest';
import { DICTIONARY_BUDGET } from '@/utils/pack/budgets';
import { FIXTURES, dump, edited, fixture, freshDb, install } from './helpers';

/** A valid pack of its own id whose one actor carries `names` long aliases (of 200 characters). */
async function heavyPack(id: string, names: number) {
  const news = await fixture(FIXTURES.newsV1);
  return edited(news, (p) => {
    p.id = id;
    p.title = `Heavy ${id}`;
    p.topics = [];
    p.positions = [];
    p.actors = Array.from({ length: Math.ceil(names / 200) }, (_, a) => ({
      ...p.actors[0]!,
      id: `${id}-${a}`,
      name: `Person ${id} ${a}`,
      memberOf: [],
      match: { ...p.actors[0]!.match, surnames: [], exclude: [] },
      aliases: Array.from({ length: Math.min(200, names - a * 200) }, (_, j) =>
        `${id} ${a} ${j} `.padEnd(200, 'x'),
      ),
    }));
  });
}

describe('the page dictionary budget', () => {
  it('refuses the pack that would make pages look for too many characters of names', async () => {
    const db = freshDb();
    await install(db, await fixture(FIXTURES.newsV1), { origin: 'builtin' });
    // Each heavy pack is within every budget on its own; together they exceed what pages may
    // be given. Each holds 1,000 names of 200 characters.
    const perPack = 1_000;
    const fits = Math.floor(DICTIONARY_BUDGET.chars / (perPack * 200)) - 1;
    expect(fits).toBeGreaterThan(0);
    for (let k = 0; k < fits; k++) {
      const r = await install(db, await heavyPack(`heavy${k}`, perPack), {
        origin: 'file',
        verified: false,
      });
      expect(r.ok).toBe(true);
    }
    const before = await dump(db);
    const r = await install(db, await heavyPack('onemore', perPack), {
      origin: 'file',
      verified: false,
    });
    expect(!r.ok && r.error).toMatch(
      /^“Heavy onemore” was refused: with it, every page would have to look for [\d,]+ characters of names, more than the 400,000 Standpoint allows\. Remove a pack you no longer need first\. Nothing was changed\.$/,
    );
    expect(await dump(db)).toEqual(before);
  });
});
