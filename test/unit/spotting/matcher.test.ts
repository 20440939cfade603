import { describe, expect, it } from 'vitest';
import { buildMatcher } from '@/utils/spotting/matcher';
import { resolveAll } from '@/utils/spotting/context';
import { foldKey } from '@/utils/spotting/normalize';
import { testDictionary } from './dict';

const matcher = buildMatcher(testDictionary);

/** Mentions a whole page of text yields: [actor, exact text]. */
function spot(text: string): [string, string][] {
  return resolveAll(matcher.find(text)).map(({ c, actorId }) => [
    actorId,
    text.slice(c.start, c.end),
  ]);
}

describe('foldKey', () => {
  it('folds case, apostrophes, white space and invisible characters', () => {
    expect(foldKey('  Zelenskyy’s ')).toBe("zelenskyy's");
    expect(foldKey('Volodymyr\u00A0\n Zelen\u00ADsky\u200By')).toBe('volodymyr zelenskyy');
    expect(foldKey('ЗЕЛЕНСЬКИЙ')).toBe('зеленський');
    expect(foldKey('Jean\u2011Pierre')).toBe('jean-pierre');
  });
});

describe('matcher: forms', () => {
  it('takes the longest form as one mention', () => {
    expect(spot('Volodymyr Zelenskyy spoke.')).toEqual([['zelenskyy', 'Volodymyr Zelenskyy']]);
  });

  it('matches possessives with any apostrophe, leaving the apostrophe out', () => {
    expect(spot("Volodymyr Zelenskyy's plan; Zelenskyy’s aides; Zelenskyy‘s office")).toEqual([
      ['zelenskyy', 'Volodymyr Zelenskyy'],
      ['zelenskyy', 'Zelenskyy'],
      ['zelenskyy', 'Zelenskyy'],
    ]);
    expect(spot('Friedrich Merz spoke. Merz’ plan')).toEqual([
      ['merz', 'Friedrich Merz'],
      ['merz', 'Merz'],
    ]);
  });

  it('matches across no-break spaces, line breaks and runs of white space', () => {
    expect(spot('Volodymyr\u00A0Zelenskyy')).toEqual([['zelenskyy', 'Volodymyr\u00A0Zelenskyy']]);
    expect(spot('Volodymyr\n   Zelenskyy')).toEqual([['zelenskyy', 'Volodymyr\n   Zelenskyy']]);
    expect(spot('Volodymyr\u202FZelenskyy')).toEqual([['zelenskyy', 'Volodymyr\u202FZelenskyy']]);
  });

  it('steps over soft hyphens and zero-width characters inside a name', () => {
    const text = 'Volo\u00ADdymyr Zelen\u200Bskyy said';
    expect(spot(text)).toEqual([['zelenskyy', 'Volo\u00ADdymyr Zelen\u200Bskyy']]);
  });

  it('matches all-caps headlines', () => {
    expect(spot('VOLODYMYR ZELENSKYY VISITS BERLIN')).toEqual([
      ['zelenskyy', 'VOLODYMYR ZELENSKYY'],
    ]);
  });

  it('matches Cyrillic aliases and inflected forms listed as aliases', () => {
    expect(spot('Володимир Зеленський заявив. Зустріч Зеленського з Путин')).toEqual([
      ['zelenskyy', 'Володимир Зеленський'],
      ['zelenskyy', 'Зеленського'],
      ['putin', 'Путин'],
    ]);
  });

  it('never matches inside another word', () => {
    expect(spot('Rasputin played a Trumpet in Merzig; Putinism; unMerz')).toEqual([]);
    expect(spot('Путину')).toEqual([]);
  });

  it('matches group aliases that end in punctuation', () => {
    expect(spot('The U.S. delegation left.')).toEqual([['us-delegation', 'U.S. delegation']]);
  });
});

describe('matcher: disambiguation', () => {
  it('takes bare surnames in context only where the page names the person in full', () => {
    expect(spot('Zelenskyy said no.')).toEqual([]);
    expect(spot('Zelenskyy said no. Later Volodymyr Zelenskyy agreed.')).toEqual([
      ['zelenskyy', 'Zelenskyy'],
      ['zelenskyy', 'Volodymyr Zelenskyy'],
    ]);
  });

  it('takes a bare surname after a title of the actor', () => {
    expect(spot('a call with President Zelenskyy on Monday')).toEqual([['zelenskyy', 'Zelenskyy']]);
    expect(spot('Chancellor Merz said')).toEqual([['merz', 'Merz']]);
  });

  it('takes bareSurname "always" alone and "never" not at all', () => {
    expect(spot('In Berlin, Merz said.')).toEqual([['merz', 'Merz']]);
    expect(spot('Steve Witkoff flew in; Witkoff said.')).toEqual([['witkoff', 'Steve Witkoff']]);
  });

  it('leaves a namesake with a different given name alone', () => {
    const page =
      'Donald Trump spoke. Ivanka Trump and Charles Kushner listened; Jared Kushner too.';
    expect(spot(page)).toEqual([
      ['trump', 'Donald Trump'],
      ['kushner', 'Jared Kushner'],
    ]);
  });

  it('keeps a given name listed by the pack, and a matching initial', () => {
    // An initial that fits names the person as fully as the given name would.
    expect(spot('V. Zelenskyy and J. Zelenskyy')).toEqual([['zelenskyy', 'Zelenskyy']]);
    expect(spot('Volodymyr Zelenskyy. V. Zelenskyy and J. Zelenskyy')).toEqual([
      ['zelenskyy', 'Volodymyr Zelenskyy'],
      ['zelenskyy', 'Zelenskyy'],
    ]);
  });

  it('does not take a sentence-opening adverb for a given name', () => {
    expect(spot('Friedrich Merz left. Later Merz said. Yesterday Merz wrote.')).toEqual([
      ['merz', 'Friedrich Merz'],
      ['merz', 'Merz'],
      ['merz', 'Merz'],
    ]);
  });

  it('reads Title Case headlines: a verb before a surname is not a given name', () => {
    expect(spot('Chancellor Merz Meets Volodymyr Zelenskyy; Europe Backs Zelenskyy')).toEqual([
      ['merz', 'Merz'],
      ['zelenskyy', 'Volodymyr Zelenskyy'],
      ['zelenskyy', 'Zelenskyy'],
    ]);
    // ...but a capitalised pair opening the headline is still someone else's name.
    expect(spot('Ivanka Trump Speaks About Donald Trump')).toEqual([['trump', 'Donald Trump']]);
  });

  it('does not take "Donald Trump Jr." for Donald Trump', () => {
    expect(spot('Donald Trump Jr. said')).toEqual([]);
  });

  it('ignores common-word surnames in lower case, even in context', () => {
    expect(spot('Donald Trump played his trump card.')).toEqual([['trump', 'Donald Trump']]);
  });

  it('takes a capitalised common-word surname at a sentence start only in context', () => {
    expect(spot('Trump said no.')).toEqual([]);
    expect(spot('Trump said no. Donald Trump later agreed.')).toEqual([
      ['trump', 'Trump'],
      ['trump', 'Donald Trump'],
    ]);
    expect(spot('“Trump is right,” said Donald Trump.')).toEqual([
      ['trump', 'Trump'],
      ['trump', 'Donald Trump'],
    ]);
  });

  it('treats an all-caps common-word surname as needing context', () => {
    expect(spot('TRUMP CARD WINS')).toEqual([]);
  });

  it('does not end a sentence at an abbreviation', () => {
    // "Mr." does not make "Trump" sentence-initial, but in-context still needs the full name.
    expect(spot('Mr. Trump said.')).toEqual([]);
    expect(spot('Mr. Trump said. Donald Trump did.')).toEqual([
      ['trump', 'Trump'],
      ['trump', 'Donald Trump'],
    ]);
  });

  it('keeps possessive country words before a surname', () => {
    expect(spot('Germany’s Merz and Ukraine’s Zelenskyy, with Volodymyr Zelenskyy')).toEqual([
      ['merz', 'Merz'],
      ['zelenskyy', 'Zelenskyy'],
      ['zelenskyy', 'Volodymyr Zelenskyy'],
    ]);
  });

  it('needs a capitalised surname', () => {
    expect(spot('Friedrich Merz; merz')).toEqual([['merz', 'Friedrich Merz']]);
  });
});

describe('matcher: build', () => {
  it('counts distinct forms and ignores empty ones', () => {
    const m = buildMatcher({
      version: 'x',
      actors: [
        {
          id: 'a',
          kind: 'person',
          aliases: ['Ann Lee', 'ANN  LEE', ' '],
          match: {
            surnames: ['Lee'],
            bareSurname: 'always',
            givenNames: [],
            titles: [],
            commonWord: false,
          },
        },
      ],
    });
    expect(m.aliasCount).toBe(2);
    expect(m.version).toBe('x');
  });

  it('matches nothing with an empty dictionary', () => {
    expect(buildMatcher({ version: 'e', actors: [] }).find('Donald Trump')).toEqual([]);
  });

  it('stays correct with many aliases sharing prefixes', () => {
    const actors = Array.from({ length: 3000 }, (_, i) => ({
      id: `p${i}`,
      kind: 'person' as const,
      aliases: [`Name${i} Surname${i}`],
      match: {
        surnames: [],
        bareSurname: 'never' as const,
        givenNames: [],
        titles: [],
        commonWord: false,
      },
    }));
    const m = buildMatcher({ version: 'big', actors });
    const found = m.find('Name12 Surname12 met Name1 Surname1 and Name120 Surname1200.');
    expect(found.map((c) => c.actorIds[0])).toEqual(['p12', 'p1']);
  });
});

describe('matcher: excluded phrases', () => {
  const m = buildMatcher({
    version: 'x',
    actors: [
      {
        id: 'kushner',
        kind: 'person',
        aliases: ['Jared Kushner'],
        match: {
          surnames: ['Kushner'],
          bareSurname: 'always',
          givenNames: ['Jared'],
          titles: [],
          commonWord: false,
          exclude: ['Ambassador Kushner', 'Kushner Companies'],
        },
      },
    ],
  });
  const texts = (t: string) => m.find(t).map((c) => t.slice(c.start, c.end));

  it('drops a match inside an excluded phrase, case aside', () => {
    expect(texts('Ambassador Kushner met the ambassador Kushner; Kushner Companies.')).toEqual([]);
    expect(texts('Later, Kushner said.')).toEqual(['Kushner']);
  });
});

describe('matcher: pack forms', () => {
  const m = buildMatcher({
    version: 'x',
    actors: [
      {
        id: 'merz',
        kind: 'person',
        aliases: ['Friedrich Merz', 'Фрідріх Мерц'],
        match: {
          surnames: ['Merz', "Merz'", 'Мерцу'],
          bareSurname: 'in-context',
          givenNames: ['Friedrich', 'Фрідріх'],
          titles: [],
          commonWord: false,
        },
      },
    ],
  });
  const texts = (t: string) => resolveAll(m.find(t)).map(({ c }) => t.slice(c.start, c.end));

  it('highlights a genitive form without its apostrophe', () => {
    expect(texts('Friedrich Merz. Merz’ office')).toEqual(['Friedrich Merz', 'Merz']);
  });

  it('takes an inflected given name before an inflected surname for the person', () => {
    expect(texts('Зеленський подякував Фрідріху Мерцу.')).toEqual(['Мерцу']);
  });
});

describe('matcher: start filter', () => {
  it('finds the same with invisible characters about', () => {
    const text =
      'ZELENSKYY: Volodymyr\u00A0Zelenskyy’s aides met Chancellor Merz, Donald Trump and the U.S. ' +
      'delegation. Ivanka Trump and Charles Kushner listened; Путин and Зеленського too. ' +
      'Rasputin, Trumpet. Merz’ plan; Jared\nKushner said; Trump said.';
    const plain = matcher.find(text);
    // An invisible character is stepped over wherever it stands.
    const walked = matcher.find(`${text}\u200B`);
    expect(plain.length).toBeGreaterThan(8);
    expect(walked).toEqual(plain);
  });
});

describe('matcher: line-end hyphens and tags', () => {
  it('joins a name split by a hyphen at a line end, and only there', () => {
    expect(spot('Volodymyr Zelen-\nskyy spoke')).toEqual([['zelenskyy', 'Volodymyr Zelen-\nskyy']]);
    expect(spot('Volodymyr Zelen-\n    skyy spoke')).toEqual([
      ['zelenskyy', 'Volodymyr Zelen-\n    skyy'],
    ]);
    expect(spot('Volodymyr Zelen- skyy spoke')).toEqual([]);
  });

  it('ends a name inside a hashtag or handle where the next capitalised word starts', () => {
    const m = buildMatcher({
      version: 'x',
      actors: [
        {
          id: 'putin',
          kind: 'person',
          aliases: ['Vladimir Putin'],
          match: {
            surnames: ['Putin'],
            bareSurname: 'always',
            givenNames: [],
            titles: [],
            commonWord: false,
          },
        },
      ],
    });
    const texts = (t: string) => m.find(t).map((c) => t.slice(c.start, c.end));
    expect(texts('#PutinWarCriminal and @PutinFan')).toEqual(['Putin', 'Putin']);
    expect(texts('PutinWarCriminal, #Putinism')).toEqual([]);
  });

  it('reads each capitalised part of a hashtag or handle as a word', () => {
    const m = buildMatcher({
      version: 'x',
      actors: [
        {
          id: 'trump',
          kind: 'person',
          aliases: ['Donald Trump'],
          match: {
            surnames: ['Trump'],
            bareSurname: 'always',
            givenNames: ['Donald'],
            titles: [],
            commonWord: true,
          },
        },
      ],
    });
    const texts = (t: string) => m.find(t).map((c) => t.slice(c.start, c.end));
    expect(texts('@realDonaldTrump posted')).toEqual(['Trump']);
    expect(texts('#StandWithTrump and @realDonaldTrumpNews')).toEqual(['Trump', 'Trump']);
    // Outside a tag, and before a lower-case letter, a capital inside a word starts nothing.
    expect(texts('realDonaldTrump, #NoTrumpism, #nevertrump')).toEqual([]);
  });
});

describe('page context', () => {
  it('takes an in-context surname once another actor is named, not after a namesake', () => {
    expect(spot('Merz met Kushner.')).toEqual([
      ['merz', 'Merz'],
      ['kushner', 'Kushner'],
    ]);
    // Charles Kushner (a namesake the pack lists) is someone else: the text's later bare
    // "Kushner" is his, not Jared's.
    expect(spot('Merz met Charles Kushner. Kushner said.')).toEqual([['merz', 'Merz']]);
  });
});
