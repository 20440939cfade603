/**
 * `pack:draft` on an article of our own (invented town, invented people) full of attribution
 * traps: a quote inside a quote, a speaker named after the quote, "he" for the last named
 * speaker, statements about someone, a group's statement, a person named who says nothing.
 */
import { describe, expect, it } from 'vitest';
import { articleFromText } from '@/utils/draft/article';
import { candidatesOf, draftOf, HARBOUR_KNOWN, HARBOUR_TEXT, knownFromYaml } from './helpers';

const draft = draftOf(HARBOUR_TEXT, [knownFromYaml(HARBOUR_KNOWN)], { today: '2026-03-02' });
const candidates = candidatesOf(draft);

describe('pack:draft on the Nordhaven harbour article', () => {
  it('gives every candidate its right speaker', () => {
    expect(candidates.map((c) => [c.actor, c.evidence.kind, c.evidence.text])).toEqual([
      [
        'varga',
        'paraphrase',
        'Mayor Ilse Varga rejected calls to delay the vote, saying the town could not afford another year of waiting',
      ],
      ['varga', 'paraphrase', 'saying the town could not afford another year of waiting'],
      // "she" after the quote: the mayor, the last named speaker.
      ['varga', 'quote', 'We have talked for long enough'],
      [
        'lind',
        'paraphrase',
        'Harbour engineer Tomas Lind warned that dredging the channel would disturb the seabed for years',
      ],
      // Speaker named after the quote.
      ['lind', 'quote', 'Nobody should pretend this is free'],
      // About the mayor, by Lind; "Varga had already promised" is what Lind warned of, not Varga's word.
      ['lind', 'paraphrase', 'Lind also criticised the mayor’s timetable'],
      [
        'lind',
        'paraphrase',
        'he warned that Varga had already promised contracts to a dredging firm',
      ],
      // "He" after a sentence that last named Varga: still Lind, the last named speaker.
      ['lind', 'paraphrase', 'He added that the union had not been consulted'],
      ['varga', 'paraphrase', 'Varga dismissed the criticism'],
      // A quote inside a quote: the outer speaker's words, named after it by role.
      [
        'varga',
        'quote',
        'When Lind says ‘nobody was consulted’, he forgets the four public meetings we held',
      ],
      // A group's statement goes to the group.
      [
        'fishers-union',
        'paraphrase',
        'The Nordhaven Fishers’ Union said it would oppose any dredging during the spawning season',
      ],
      // "that Varga proposed" is inside Brandt's statement.
      [
        'brandt',
        'paraphrase',
        'Ferry operator Jonas Brandt called the fare increase that Varga proposed last spring “a mistake we are still paying for”',
      ],
      ['brandt', 'quote', 'a mistake we are still paying for'],
      ['brandt', 'paraphrase', 'He said he would back the harbour plan if fares were frozen'],
    ]);
  });

  it('adds the people the article introduces with a role, marked new, and the named packs’ actors', () => {
    expect(draft.actors.map((a) => [a.actor.id, a.introduced])).toEqual([
      ['varga', null],
      ['fishers-union', null],
      ['lind', 'Harbour engineer Tomas Lind'],
      ['kovac', 'Union chair Marta Kovac'],
      ['brandt', 'Ferry operator Jonas Brandt'],
    ]);
    const lind = draft.actors.find((a) => a.actor.id === 'lind')!.actor;
    expect(lind).toMatchObject({
      name: 'Tomas Lind',
      role: 'Harbour engineer',
      aliases: ['Tomas Lind'],
    });
    // Named, but says nothing: no position.
    expect(candidates.some((c) => c.actor === 'kovac')).toBe(false);
  });

  it('suggests the given pack’s topics by their words, a stub otherwise, and stances with reasons', () => {
    const fares = candidates.find((c) => c.evidence.text === 'a mistake we are still paying for')!;
    expect(fares.topic).toBe('ferry-fares');
    const rejected = candidates[0]!;
    expect(rejected).toMatchObject({
      topic: 'harbour-expansion',
      stance: 'opposes',
      reason: 'rejected',
    });
    const conditional = candidates.at(-1)!;
    expect(conditional.stance).toBe('supports');
    const stub = draft.topics.find((t) => t.isNew)!;
    expect(stub.topic.proposition).toMatch(/^What does the article say about: .+\?$/);
  });
});

describe('articles pack:draft refuses, with one clear sentence', () => {
  const refused = (bytes: Uint8Array) => () => articleFromText(bytes, 'a.txt');
  it('refuses a file that is not UTF-8 text, an empty one and one too long for a pack', () => {
    expect(refused(new Uint8Array([0xff, 0xfe, 0x00]))).toThrow('a.txt is not UTF-8 text');
    expect(refused(new TextEncoder().encode('a\u0000b'))).toThrow('a.txt is not a text file');
    expect(refused(new TextEncoder().encode(' \n '))).toThrow('a.txt is empty');
    const long = new TextEncoder().encode('Varga said so. '.repeat(140_000));
    expect(refused(long)).toThrow(
      /^a\.txt has 2100000 characters; a pack's source may have at most 2000000$/,
    );
  });
});
