/**
 * What one pack, and all packs together, may ask of every page (utils/pack/budgets.ts).
 */
import { describe, expect, it } from 'vitest';
import {
  DICTIONARY_BUDGET,
  PACK_BUDGET,
  dictionaryBudgetRefusal,
  nameLoad,
} from '@/utils/pack/budgets';
import { parsePackText, validatePack } from '@/utils/pack/validate';
import { builtinPack, clone } from './helpers';

const pack = builtinPack();

/** The audit's flood: 600,000 short aliases over 3,000 actors, 200 each (about 5 MB). */
function floodPack() {
  const copy = clone(pack);
  copy.id = 'flood';
  copy.positions = [];
  copy.topics = [];
  copy.sources = copy.sources.slice(0, 1).map(({ text: _text, ...source }) => source);
  copy.actors = Array.from({ length: 3_000 }, (_, i) => ({
    id: `f${i}`,
    kind: 'person' as const,
    name: `F${i}`,
    role: 'r',
    country: null,
    memberOf: [],
    match: {
      surnames: [],
      bareSurname: 'never' as const,
      givenNames: [],
      titles: [],
      commonWord: false,
    },
    aliases: Array.from({ length: 200 }, (_, j) => (i * 200 + j).toString(36)),
  }));
  return copy;
}

describe('pack budgets', () => {
  it('refuses a flood of 600,000 aliases with one sentence, before the schema walks it', () => {
    const r = parsePackText(JSON.stringify(floodPack()));
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems).toEqual([
        {
          path: 'actors',
          message: `name 600,000 aliases and surnames in all; a pack may name at most ${PACK_BUDGET.names.toLocaleString('en-US')}, so that every page you read stays fast`,
        },
      ]);
  });

  it('passes the built-in pack', () => {
    const r = validatePack(clone(pack));
    expect(r.ok ? [] : r.problems).toEqual([]);
    expect(nameLoad(pack).names).toBeLessThan(PACK_BUDGET.names / 10);
  });

  it('refuses stop words of the pack’s languages as aliases, and as surnames unless marked', () => {
    const copy = clone(pack);
    const i = copy.actors.findIndex((a) => a.kind === 'person');
    copy.actors[i]!.aliases.push('the', 'And');
    copy.actors[i]!.match.surnames.push('Well');
    copy.actors[i]!.match.commonWord = false;
    const r = validatePack(copy);
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual([
      '"the" is a common English word and cannot be an alias: every page would be full of it',
      '"And" is a common English word and cannot be an alias: every page would be full of it',
      '"Well" is a common English word; a surname that is one needs "commonWord": true, so pages take it only where it is capitalised',
    ]);
    // Marked as a common word, the surname is accepted (pages then take it capitalised only).
    copy.actors[i]!.aliases = copy.actors[i]!.aliases.filter((a) => a !== 'the' && a !== 'And');
    copy.actors[i]!.match.commonWord = true;
    const marked = validatePack(copy);
    expect(marked.ok ? [] : marked.problems).toEqual([]);
  });

  it('wants enough letters for the script: three for an alias, two for a surname or in CJK', () => {
    const copy = clone(pack);
    const i = copy.actors.findIndex((a) => a.kind === 'person');
    copy.actors[i]!.aliases.push('Xi', '...', '习近平');
    copy.actors[i]!.match.surnames.push('Li', 'X', '习');
    const r = validatePack(copy);
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual([
      '"Xi" has only 2 letters; an alias needs at least 3 to name one person',
      '"..." has no letters; an alias needs at least 3 to name one person',
      '"X" has only 1 letter; a surname needs at least 2 to name one person',
      '"习" has only 1 letter; a surname needs at least 2 to name one person',
    ]);
  });

  it('refuses an install that would push the page dictionary over its budget', () => {
    const near = { names: DICTIONARY_BUDGET.names - 10, chars: 1_000 };
    expect(dictionaryBudgetRefusal('Big pack', { names: 10, chars: 100 }, near)).toBeNull();
    expect(dictionaryBudgetRefusal('Big pack', { names: 11, chars: 100 }, near)).toBe(
      `“Big pack” was refused: with it, every page would have to look for ${(20_001).toLocaleString('en-US')} names, more than the ${DICTIONARY_BUDGET.names.toLocaleString('en-US')} Standpoint allows. Remove a pack you no longer need first`,
    );
    expect(
      dictionaryBudgetRefusal('Long names', { names: 1, chars: DICTIONARY_BUDGET.chars }, near),
    ).toContain('characters of names, more than the');
  });
});
