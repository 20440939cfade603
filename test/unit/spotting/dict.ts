/** A small dictionary for the spotting tests, shaped like the built-in pack's actors. */
import type { MatchPolicy } from '@/utils/pack/schema';
import { RULE_VOCABULARY } from '@/utils/spotting/rule-vocabulary';
import {
  readDictionary,
  storedDictionary,
  type PageDictionary,
} from '@/utils/spotting/stored-dictionary';
import type { Dictionary } from '@/utils/views';

const policy = (p: Partial<MatchPolicy> = {}): MatchPolicy => ({
  surnames: [],
  bareSurname: 'in-context',
  givenNames: [],
  titles: [],
  commonWord: false,
  ...p,
});

export const testDictionary: Dictionary = {
  version: 'test-1',
  vocabulary: RULE_VOCABULARY,
  actors: [
    {
      id: 'zelenskyy',
      kind: 'person',
      aliases: ['Volodymyr Zelenskyy', 'Volodymyr Zelensky', 'Володимир Зеленський', 'Зеленського'],
      match: policy({
        surnames: ['Zelenskyy', 'Zelensky', 'Зеленський'],
        givenNames: ['Volodymyr'],
        titles: ['President', 'Ukrainian President'],
      }),
    },
    {
      id: 'trump',
      kind: 'person',
      aliases: ['Donald Trump', 'Donald J. Trump'],
      match: policy({
        surnames: ['Trump'],
        givenNames: ['Donald'],
        titles: ['President', 'U.S. President'],
        commonWord: true,
      }),
    },
    {
      id: 'merz',
      kind: 'person',
      aliases: ['Friedrich Merz'],
      match: policy({
        surnames: ['Merz'],
        bareSurname: 'always',
        givenNames: ['Friedrich'],
        titles: ['Chancellor'],
      }),
    },
    {
      id: 'kushner',
      kind: 'person',
      aliases: ['Jared Kushner'],
      match: policy({ surnames: ['Kushner'], givenNames: ['Jared'], namesakes: ['Charles'] }),
    },
    {
      id: 'putin',
      kind: 'person',
      aliases: ['Vladimir Putin', 'Путин'],
      match: policy({ surnames: ['Putin'], bareSurname: 'always', givenNames: ['Vladimir'] }),
    },
    {
      id: 'witkoff',
      kind: 'person',
      aliases: ['Steve Witkoff'],
      match: policy({ surnames: ['Witkoff'], bareSurname: 'never', givenNames: ['Steve'] }),
    },
    {
      id: 'us-delegation',
      kind: 'group',
      aliases: ['U.S. delegation', 'US delegation'],
      match: policy(),
    },
  ],
};

/** What the background stores for pages (trie included), as storage hands it back: plain JSON. */
export function stored(dict: Dictionary): unknown {
  return JSON.parse(JSON.stringify(storedDictionary(dict)));
}

/** A dictionary as a page uses it: stored by the background's code, read back by the page's. */
export function onPage(dict: Dictionary): PageDictionary {
  const read = readDictionary(stored(dict));
  if (!read) throw new Error(`the page refused dictionary ${dict.version}`);
  return read;
}
