/**
 * A pack speaks only for what it owns (docs/threat-model.md, "Ownership"): the rename attack, the
 * takeover by verified content, alias hijacking, and the `spot` command building the same
 * dictionary as the extension from packs that disagree.
 */
import { describe, expect, it } from 'vitest';
import { cards, dictionary, matrix } from '@/utils/db/queries';
import { dictionaryFromPacks } from '@/utils/spotting/dictionary';
import { FIXTURES, dump, edited, fixture, freshDb, install } from './helpers';

/** The attack of the audit: a new pack id, dated far ahead, renaming and rewording owned ids. */
async function renameAttack(withTopic: boolean) {
  const news = await fixture(FIXTURES.newsV1);
  return edited(news, (p) => {
    p.id = 'attack';
    p.title = 'Attack pack';
    p.publishedAt = '2099-12-31';
    p.actors = [{ ...p.actors[0]!, name: 'Someone Else', role: 'Spy' }];
    p.topics = withTopic ? [{ ...p.topics[0]!, proposition: 'Should the war go on forever?' }] : [];
    p.positions = [];
  });
}

describe('ownership of actors and topics', () => {
  it('refuses a pack that rewords a topic another pack owns, with the store unchanged', async () => {
    const db = freshDb();
    await install(db, await fixture(FIXTURES.newsV1), { origin: 'builtin' });
    const before = await dump(db);
    const r = await install(db, await renameAttack(true), { origin: 'file', verified: false });
    expect(r.ok).toBe(false);
    expect(!r.ok && r.error).toMatch(
      /^“Attack pack” was refused: it words the topic “Ceasefire first” as “Should the war go on forever\?”, but “Fixture news pack” defined it as/,
    );
    expect(await dump(db)).toEqual(before);
  });

  it('never lets a later pack rename or re-role a person another pack owns', async () => {
    const db = freshDb();
    await install(db, await fixture(FIXTURES.newsV1), { origin: 'builtin' });
    expect(
      (await install(db, await renameAttack(false), { origin: 'file', verified: false })).ok,
    ).toBe(true);
    const [card] = await cards(db, ['anna-berg']);
    expect(card!.actor).toMatchObject({
      name: 'Anna Berg',
      role: 'Foreign minister',
      definedBy: { id: 'fixture-news', verified: true },
    });
    const m = await matrix(db, ['anna-berg']);
    expect(m.actors[0]!.name).toBe('Anna Berg');
    expect(m.rows.map((r) => r.topic.proposition)).not.toContain('Should the war go on forever?');
  });

  it('gives a verified pack the people and topics an unverified file claimed first', async () => {
    const db = freshDb();
    const alliance = await fixture(FIXTURES.alliance);
    await install(db, alliance, { origin: 'file', verified: false });
    expect((await cards(db, ['anna-berg']))[0]!.actor.definedBy).toMatchObject({
      id: 'fixture-alliance',
      verified: false,
    });
    await install(db, await fixture(FIXTURES.newsV1));
    const [card] = await cards(db, ['anna-berg']);
    expect(card!.actor).toMatchObject({
      role: 'Foreign minister',
      definedBy: { id: 'fixture-news', verified: true },
    });
    // The file's own position stays, labelled as the unverified file's.
    const fromFile = card!.positions.filter((p) => p.packId === 'fixture-alliance');
    expect(fromFile.map((p) => p.pack)).toEqual([
      { id: 'fixture-alliance', title: 'Fixture alliance pack', verified: false },
    ]);
  });

  it('hides positions that answer a reworded question once a verified pack owns the topic', async () => {
    const db = freshDb();
    const news = await fixture(FIXTURES.newsV1);
    const reworded = await edited(news, (p) => {
      p.id = 'reworded';
      p.topics[0]!.proposition = 'Should the fighting never stop?';
    });
    await install(db, reworded, { origin: 'file', verified: false });
    await install(db, news);
    const m = await matrix(db, ['anna-berg']);
    const ceasefire = m.rows.find((r) => r.topic.id === 'ceasefire')!;
    expect(ceasefire.topic.proposition).toBe(news.pack.topics[0]!.proposition);
    const shown = ceasefire.cells.flatMap((c) => c.own.map((p) => p.packId));
    expect(shown).not.toContain('reworded');
    expect(shown).toContain('fixture-news');
  });

  it('drops an alias another pack adds when it names a different person', async () => {
    const db = freshDb();
    await install(db, await fixture(FIXTURES.newsV1), { origin: 'builtin' });
    const hijack = await edited(await fixture(FIXTURES.alliance), (p) => {
      p.id = 'hijack';
      p.actors[0]!.aliases.push('Carl Dahl', 'Anna B.');
    });
    await install(db, hijack, { origin: 'file', verified: false });
    const d = await dictionary(db);
    const aliases = (id: string) => d.actors.find((a) => a.id === id)!.aliases;
    expect(aliases('anna-berg')).not.toContain('Carl Dahl');
    expect(aliases('anna-berg')).toContain('Anna B.');
    expect(aliases('carl-dahl')).toContain('Carl Dahl');
    // Imported packs can be kept off the page: their aliases and people are left out.
    const verifiedOnly = await dictionary(db, { verifiedOnly: true });
    expect(verifiedOnly.actors.find((a) => a.id === 'anna-berg')!.aliases).not.toContain('Anna B.');
  });
});

describe('one merge rule for the extension and the spot command', () => {
  it('builds the same dictionary from two packs that disagree', async () => {
    const news = await fixture(FIXTURES.newsV1);
    const other = await edited(await fixture(FIXTURES.alliance), (p) => {
      const berg = p.actors[0]!;
      berg.name = 'A. Berg-Lind';
      berg.aliases = ['Anna Berg', 'Anna Berg-Lind', 'Carl Dahl'];
      berg.match = {
        surnames: ['Berg', 'Berg-Lind'],
        bareSurname: 'always',
        givenNames: ['Anna', 'Annie'],
        titles: ['Minister'],
        commonWord: true,
        exclude: ['Berg Street'],
      };
    });
    for (const unverified of [false, true]) {
      const db = freshDb();
      await install(db, news);
      await install(db, other, unverified ? { origin: 'file', verified: false } : {});
      const fromStore = await dictionary(db);
      const fromFiles = dictionaryFromPacks(
        [news.pack, other.pack],
        new Set(unverified ? [other.pack.id] : []),
      );
      expect(fromFiles.actors).toEqual(fromStore.actors);
      const berg = fromStore.actors.find((a) => a.id === 'anna-berg')!;
      expect(berg.match.bareSurname).toBe(news.pack.actors[0]!.match.bareSurname);
      expect(berg.match.exclude).toContain('Berg Street');
      expect(berg.aliases).toContain('Anna Berg-Lind');
      expect(berg.aliases).not.toContain('Carl Dahl');
    }
  });
});
