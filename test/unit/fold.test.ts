import { describe, expect, it } from 'vitest';
import { containsWords, nameKey, normalizeName } from '@/utils/fold';
import { namesActor } from '@/utils/db/rows';
import { actorSchema } from '@/utils/pack/schema';
import { buildMatcher } from '@/utils/spotting/matcher';
import { resolveAll } from '@/utils/spotting/context';

describe('nameKey: the rule for names', () => {
  it('folds case, apostrophes, hyphens, spacing and invisible characters', () => {
    expect(nameKey('Zelenskyy’s')).toBe(nameKey("ZELENSKYY's"));
    expect(nameKey('Jean\u2011Pierre')).toBe(nameKey('jean-pierre'));
    expect(nameKey('Volodymyr\u00A0\n Zelen\u00ADskyy')).toBe(nameKey('volodymyr zelenskyy'));
    expect(nameKey('\uFF2D\uFF45\uFF52\uFF5A')).toBe(nameKey('Merz')); // full-width letters
  });

  it('keeps accents and letters: another spelling is another alias', () => {
    expect(nameKey('Sánchez')).not.toBe(nameKey('Sanchez'));
    expect(nameKey('Łukaszenka')).not.toBe(nameKey('Lukaszenka'));
  });
});

describe('normalizeName: the rule for search', () => {
  it('folds accents as well, for what a reader types', () => {
    expect(normalizeName('Sánchez')).toBe(normalizeName('sanchez'));
    expect(containsWords(normalizeName('Pedro Sánchez spoke'), normalizeName('SANCHEZ'))).toBe(
      true,
    );
  });
});

describe('the store and the page matcher agree on when a text names someone', () => {
  const actor = actorSchema.parse({
    id: 'sanchez',
    kind: 'person',
    name: 'Pedro Sánchez',
    role: 'Prime Minister of Spain',
    country: 'ES',
    aliases: ['Pedro Sánchez', 'Jean-Pierre Durand'],
  });
  const matcher = buildMatcher({
    version: 'fold-test',
    actors: [{ id: actor.id, kind: actor.kind, aliases: actor.aliases, match: actor.match }],
  });
  const onPage = (text: string) =>
    resolveAll(matcher.find(text)).some((m) => m.actorId === actor.id);
  const inStore = (text: string) =>
    namesActor(actor, {
      sha256: '0'.repeat(64),
      folded: nameKey(text),
      cased: text.normalize('NFC').replace(/\s+/g, ' '),
    });

  it.each([
    ['Pedro Sánchez met the press.', true],
    ['PEDRO SÁNCHEZ’s plan', true],
    ['Pedro\u00A0Sánchez and others', true],
    ['Jean\u2011Pierre Durand said', true],
    ['Pedro Sanchez met the press.', false],
    ['Pedro Sánchezz met the press.', false],
  ])('%s', (text, names) => {
    expect(onPage(text)).toBe(names);
    expect(inStore(text)).toBe(names);
  });
});
