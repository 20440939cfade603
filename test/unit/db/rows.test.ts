import { describe, expect, it } from 'vitest';
import { actorSchema, type Actor } from '@/utils/pack/schema';
import { namesActor } from '@/utils/db/rows';
import { nameKey } from '@/utils/fold';

const actor = (over: Record<string, unknown>): Actor =>
  actorSchema.parse({
    id: 'x',
    kind: 'person',
    name: 'X',
    role: 'Someone',
    country: null,
    aliases: ['Friedrich Merz'],
    ...over,
  });

const text = (t: string) => ({
  sha256: '0'.repeat(64),
  folded: nameKey(t),
  cased: t.normalize('NFC').replace(/\s+/g, ' '),
});

describe('namesActor', () => {
  it('finds a full alias as whole words, across case and apostrophes, accents kept', () => {
    const merz = actor({});
    expect(namesActor(merz, text('Chancellor FRIEDRICH MERZ’s plan'))).toBe(true);
    expect(namesActor(merz, text('Friedrich Merzig spoke'))).toBe(false);
    // The page matcher's rule (utils/fold.ts): an accent makes another form.
    const selenskyj = actor({ aliases: ['Wolodymyr Selenskyj'] });
    expect(namesActor(selenskyj, text('Wolodymyr Sélenskyj'))).toBe(false);
    expect(namesActor(selenskyj, text('WOLODYMYR SELENSKYJ'))).toBe(true);
  });

  it('follows the bare-surname policy', () => {
    const always = actor({
      aliases: ['Vladimir Putin'],
      match: { surnames: ['Putin'], bareSurname: 'always' },
    });
    expect(namesActor(always, text("Putin's envoy arrived."))).toBe(true);
    const inContext = actor({
      match: { surnames: ['Merz'], bareSurname: 'in-context', titles: ['Chancellor'] },
    });
    expect(namesActor(inContext, text('Merz said no.'))).toBe(false);
    expect(namesActor(inContext, text('Chancellor Merz said no.'))).toBe(true);
    const never = actor({
      match: { surnames: ['Merz'], bareSurname: 'never', titles: ['Chancellor'] },
    });
    expect(namesActor(never, text('Chancellor Merz said no.'))).toBe(false);
  });

  it('drops excluded phrases and keeps the capital of common-word surnames', () => {
    const kushner = actor({
      aliases: ['Jared Kushner'],
      match: { surnames: ['Kushner'], bareSurname: 'always', exclude: ['Ambassador Kushner'] },
    });
    expect(namesActor(kushner, text('Ambassador Kushner met the press.'))).toBe(false);
    expect(namesActor(kushner, text('Ambassador Kushner met Kushner.'))).toBe(true);
    const rice = actor({
      aliases: ['Condoleezza Rice'],
      match: { surnames: ['Rice'], bareSurname: 'always', commonWord: true },
    });
    expect(namesActor(rice, text('the price of rice rose'))).toBe(false);
    expect(namesActor(rice, text('as Rice said'))).toBe(true);
  });
});
