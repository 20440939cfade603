import { describe, expect, it } from 'vitest';
import { LIMITS, type Pack } from '@/utils/pack/schema';
import { parsePackText, utf8ByteLength, validatePack } from '@/utils/pack/validate';
import { serializePack } from '@/utils/pack/canonical';
import { builtinPack, clone } from './helpers';

const pack = builtinPack();
const indexOf = (list: { id: string }[], id: string) => {
  const i = list.findIndex((x) => x.id === id);
  if (i < 0) throw new Error(`no ${id}`);
  return i;
};
const A = (id: string) => indexOf(pack.actors, id);
const P = (id: string) => indexOf(pack.positions, id);
const T = (id: string) => indexOf(pack.topics, id);

type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

/** A copy of the valid pack with one change applied. */
function broken(change: (p: Mutable) => void): Mutable {
  const copy = clone(pack) as unknown as Mutable;
  change(copy);
  return copy;
}

describe('the built-in pack', () => {
  it('validates, as data and as its canonical file text', () => {
    const asData = validatePack(clone(pack));
    expect(asData.ok ? [] : asData.problems).toEqual([]);
    const asText = parsePackText(serializePack(pack));
    expect(asText.ok ? [] : asText.problems).toEqual([]);
  });

  it('is well inside the size cap', () => {
    expect(utf8ByteLength(serializePack(pack))).toBeLessThan(LIMITS.packBytes / 10);
  });
});

describe('parsePackText refuses a broken file with one plain line', () => {
  const fileCases: [string, string, RegExp][] = [
    ['an empty file', '', /is empty/],
    ['a file of blanks', ' \n\t ', /is empty/],
    ['text that is not JSON', 'id: berlin', /is not valid JSON/],
    ['JSON cut short', '{"format": 1, "id": ', /is not valid JSON/],
    ['a JSON list', '[]', /must hold a JSON object/],
    ['a JSON number', '42', /must hold a JSON object/],
    ['JSON null', 'null', /must hold a JSON object/],
  ];
  it.each(fileCases)('%s', (_name, text, message) => {
    const result = parsePackText(text);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]!.path).toBe('(file)');
    expect(result.problems[0]!.message).toMatch(message);
  });

  it('refuses an oversize file before parsing it', () => {
    const huge = `{"padding": "${'x'.repeat(LIMITS.packBytes)}"}`;
    const result = parsePackText(huge);
    expect(result).toEqual({
      ok: false,
      problems: [{ path: '(file)', message: expect.stringMatching(/larger than the 8 MiB/) }],
    });
  });

  it('counts the cap in UTF-8 bytes, not characters', () => {
    const text = serializePack(pack);
    expect(utf8ByteLength(text)).toBeGreaterThan(text.length); // the pack has non-ASCII text
    expect(parsePackText(text, { maxBytes: text.length }).ok).toBe(false);
    expect(parsePackText(text, { maxBytes: utf8ByteLength(text) }).ok).toBe(true);
    expect(utf8ByteLength('é€😀')).toBe(2 + 3 + 4);
    expect(utf8ByteLength('\uD800')).toBe(3);
  });

  it('refuses a value that is not text, from a careless caller', () => {
    expect(parsePackText(undefined as unknown as string).ok).toBe(false);
  });

  it('accepts a leading byte-order mark', () => {
    expect(parsePackText(`\uFEFF${serializePack(pack)}`).ok).toBe(true);
  });

  it('refuses data nested absurdly deep', () => {
    const deep = `{"format":1,"x":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const result = parsePackText(deep);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/nested more than/);
  });
});

describe('forbidden keys are refused anywhere, even where JSON.parse makes them own keys', () => {
  const text = serializePack(pack);
  const cases: [string, string, string][] = [
    ['__proto__ at the top', text.replace('{\n', '{\n  "__proto__": {"x": 1},\n'), '__proto__'],
    [
      '__proto__ inside an actor',
      text.replace('"id": "berlin-talks-report"', '"__proto__": {}, "id": "berlin-talks-report"'),
      'sources[0].__proto__',
    ],
    [
      'constructor inside a match policy',
      text.replace('"bareSurname":', '"constructor": {"prototype": 1}, "bareSurname":'),
      `actors[0].match.constructor`,
    ],
    ['prototype at the top', text.replace('{\n', '{\n  "prototype": 1,\n'), 'prototype'],
  ];
  it.each(cases)('%s', (_name, hostile, path) => {
    const result = parsePackText(hostile);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual({
      path,
      message: expect.stringMatching(/is not allowed as a key anywhere/),
    });
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });
});

describe('validatePack refuses a malformed pack with the path and the reason', () => {
  const cases: [string, (p: Mutable) => void, string, RegExp][] = [
    // format
    [
      'a wrong format version',
      (p) => (p.format = 2),
      'format',
      /must be 1: the pack format version/,
    ],
    ['a missing format version', (p) => delete p.format, 'format', /^is missing; it must be 1/],
    ['a format version as text', (p) => (p.format = '1'), 'format', /must be 1/],
    ['a version of zero', (p) => (p.version = 0), 'version', /must be at least 1/],
    ['a fractional version', (p) => (p.version = 1.5), 'version', /whole number/],
    ['a missing title', (p) => delete p.title, 'title', /is missing/],
    ['an empty title', (p) => (p.title = ''), 'title', /must not be empty/],
    // unknown keys
    [
      'an unknown top-level key',
      (p) => (p.author = 'x'),
      'author',
      /is not a field of the pack format/,
    ],
    [
      'an unknown key in an actor',
      (p) => (p.actors[0].nickname = 'x'),
      'actors[0].nickname',
      /is not a field/,
    ],
    [
      'an unknown key in evidence',
      (p) => (p.positions[0].evidence.page = 3),
      'positions[0].evidence.page',
      /is not a field/,
    ],
    // types and enums
    ['no actors', (p) => (p.actors = []), 'actors', /at least 1 entry/],
    ['actors not a list', (p) => (p.actors = {}), 'actors', /must be a list, not an object/],
    [
      'an unknown stance',
      (p) => (p.positions[0].stance = 'likes'),
      'positions[0].stance',
      /must be one of "supports", "opposes"/,
    ],
    ['an unknown actor kind', (p) => (p.actors[0].kind = 'party'), 'actors[0].kind', /one of/],
    [
      'an impossible date',
      (p) => (p.positions[0].date = '2025-02-30'),
      'positions[0].date',
      /not a real calendar date/,
    ],
    ['a date in another form', (p) => (p.publishedAt = '15.12.2025'), 'publishedAt', /YYYY-MM-DD/],
    [
      'an id that is not a slug',
      (p) => (p.topics[0].id = 'NATO Bid'),
      'topics[0].id',
      /lower-case ASCII slug/,
    ],
    [
      'a country that is no code',
      (p) => (p.actors[0].country = 'Germany'),
      'actors[0].country',
      /ISO 3166/,
    ],
    [
      'a fractional offset',
      (p) => (p.positions[0].evidence.start = 1.5),
      'positions[0].evidence.start',
      /whole number/,
    ],
    [
      'a url that is not http',
      (p) => (p.sources[0].url = 'javascript:alert(1)'),
      'sources[0].url',
      /http/,
    ],
    [
      'an evidence kind outside the enum',
      (p) => (p.positions[0].evidence.kind = 'rumour'),
      'positions[0].evidence.kind',
      /"quote", "paraphrase"/,
    ],
    // text hygiene
    [
      'a control character in a name',
      (p) => (p.actors[0].name = 'Friedrich\u0007Merz'),
      'actors[0].name',
      /control character/,
    ],
    [
      'a lone surrogate in a name',
      (p) => (p.actors[0].name = 'Merz\uD800'),
      'actors[0].name',
      /lone surrogate/,
    ],
    [
      'a lone surrogate in an alias',
      (p) => p.actors[0].aliases.push('\uDC00Merz'),
      `actors[0].aliases[${pack.actors[0]!.aliases.length}]`,
      /lone surrogate/,
    ],
    ['a line break in a role', (p) => (p.actors[0].role = 'a\nb'), 'actors[0].role', /single line/],
    [
      'a C1 control in a summary',
      (p) => (p.positions[0].summary = 'x\u0085y'),
      'positions[0].summary',
      /control/,
    ],
    // absurd lengths
    [
      'an absurdly long name',
      (p) => (p.actors[0].name = 'M'.repeat(LIMITS.shortText + 1)),
      'actors[0].name',
      /too long: at most 200 characters/,
    ],
    [
      'an absurdly long summary',
      (p) => (p.positions[0].summary = 'x'.repeat(100_000)),
      'positions[0].summary',
      /too long/,
    ],
    [
      'absurdly many aliases',
      (p) => (p.actors[0].aliases = Array.from({ length: 201 }, (_, i) => `Alias ${i}`)),
      'actors[0].aliases',
      /too many entries: at most 200/,
    ],
    [
      'absurdly many keywords',
      (p) => (p.topics[0].keywords = Array.from({ length: 101 }, (_, i) => `k${i}`)),
      'topics[0].keywords',
      /too many entries/,
    ],
    ['an absurdly long id', (p) => (p.id = 'a'.repeat(65)), 'id', /too long/],
    // duplicate ids
    [
      'two actors with one id',
      (p) => (p.actors[A('trump')].id = 'putin'),
      `actors[${Math.max(A('trump'), A('putin'))}].id`,
      /"putin" is already the id of actors\[\d+\]/,
    ],
    [
      'two topics with one id',
      (p) => (p.topics[1].id = p.topics[0].id),
      'topics[1].id',
      /already the id of topics\[0\]/,
    ],
    [
      'two positions with one id',
      (p) => (p.positions[1].id = p.positions[0].id),
      'positions[1].id',
      /already the id of positions\[0\]/,
    ],
    [
      'two sources with one id',
      (p) => p.sources.push(clone(p.sources[0])),
      'sources[1].id',
      /already the id of sources\[0\]/,
    ],
    // dangling references
    [
      'a position by an unknown actor',
      (p) => (p.positions[0].actor = 'nobody'),
      'positions[0].actor',
      /names no actor of this pack \("nobody"\)/,
    ],
    [
      'a position on an unknown topic',
      (p) => (p.positions[0].topic = 'weather'),
      'positions[0].topic',
      /names no topic/,
    ],
    [
      'evidence from an unknown source',
      (p) => (p.positions[0].evidence.sourceId = 'tabloid'),
      'positions[0].evidence.sourceId',
      /names no source/,
    ],
    [
      'membership of an unknown group',
      (p) => (p.actors[A('merz')].memberOf = ['nato']),
      `actors[${A('merz')}].memberOf[0]`,
      /names no actor/,
    ],
    [
      'membership of a person',
      (p) => (p.actors[A('witkoff')].memberOf = ['trump']),
      `actors[${A('witkoff')}].memberOf[0]`,
      /is a person; memberOf must name a group actor/,
    ],
    [
      'membership of itself',
      (p) => (p.actors[A('us-delegation')].memberOf = ['us-delegation']),
      `actors[${A('us-delegation')}].memberOf[0]`,
      /member of itself/,
    ],
    // aliases
    [
      'one alias on two actors',
      (p) => p.actors[A('trump')].aliases.push('VLADIMIR  PUTIN'),
      `actors[${A('trump')}].aliases[${pack.actors[A('trump')]!.aliases.length}]`,
      /is also an alias of actors\[\d+\] \("putin"\)/,
    ],
    [
      'one alias on two actors in another Unicode form',
      (p) => p.actors[A('trump')].aliases.push('Ｖｌａｄｉｍｉｒ Ｐｕｔｉｎ'),
      `actors[${A('trump')}].aliases[${pack.actors[A('trump')]!.aliases.length}]`,
      /also an alias of/,
    ],
    [
      'one alias on two actors with another apostrophe and spacing, as the matcher folds them',
      (p) => {
        p.actors[A('putin')].aliases.push('Putin’s  men');
        p.actors[A('trump')].aliases.push("PUTIN'S\u00A0MEN");
      },
      `actors[${A('trump')}].aliases[${pack.actors[A('trump')]!.aliases.length}]`,
      /also an alias of/,
    ],
    // evidence and provenance
    [
      'evidence that does not match its source',
      (p) => {
        const e = p.positions[P('merz-russian-expansionism-borders')].evidence;
        e.text = e.text.replace('fundamental', 'fundamentel');
      },
      `positions[${P('merz-russian-expansionism-borders')}].evidence.text`,
      /does not match source "berlin-talks-report" at \d+\.\.\d+, which reads "a fundamental change/,
    ],
    [
      'evidence at shifted offsets',
      (p) => {
        p.positions[0].evidence.start += 1;
        p.positions[0].evidence.end += 1;
      },
      'positions[0].evidence.text',
      /does not match source/,
    ],
    [
      'evidence whose offsets do not span its text',
      (p) => (p.positions[0].evidence.end += 3),
      'positions[0].evidence.text',
      /start\.\.end spans/,
    ],
    [
      'evidence with start after end',
      (p) => {
        const e = p.positions[0].evidence;
        [e.start, e.end] = [e.end, e.start];
      },
      'positions[0].evidence.end',
      /must be greater than start/,
    ],
    [
      'evidence past the end of its source',
      (p) => {
        const e = p.positions[0].evidence;
        e.start = 100_000;
        e.end = 100_000 + e.text.length;
      },
      'positions[0].evidence.end',
      /past the end of source/,
    ],
    [
      'a source text that does not match its sha256',
      (p) => (p.sources[0].text = p.sources[0].text.replace('Berlin', 'Bonn')),
      'sources[0].sha256',
      /does not match the source text, whose sha256 is [0-9a-f]{64}/,
    ],
    [
      'a malformed sha256',
      (p) => (p.sources[0].sha256 = 'abc'),
      'sources[0].sha256',
      /64 lower-case hex/,
    ],
  ];

  it.each(cases)('%s', (_name, change, path, message) => {
    const result = validatePack(broken(change));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems).toContainEqual({ path, message: expect.stringMatching(message) });
    for (const problem of result.problems) {
      expect(problem.message).not.toMatch(/\n/);
      expect(problem.path).not.toBe('');
    }
  });

  it('names the topic problem by the topic, not by position', () => {
    const result = validatePack(broken((p) => (p.topics[T('talks-progress')].label = '')));
    expect(result).toEqual({
      ok: false,
      problems: [{ path: `topics[${T('talks-progress')}].label`, message: 'must not be empty' }],
    });
  });

  it('accepts a pack whose sources carry no text, checking only offsets and hashes it can', () => {
    const result = validatePack(broken((p) => delete p.sources[0].text));
    expect(result.ok).toBe(true);
  });

  it('lists many problems but not without end', () => {
    const result = validatePack(
      broken((p: Mutable) => {
        for (const position of p.positions as Pack['positions']) position.actor = 'nobody';
        for (let i = 0; i < 200; i++) p.positions.push({ ...clone(p.positions[0]), id: `x${i}` });
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.problems.length).toBe(101);
    expect(result.problems.at(-1)!.message).toMatch(/more problems not listed/);
  });

  it('never throws, whatever it is given', () => {
    for (const value of [undefined, null, 0, 'pack', [], [pack], new Date(), () => 1]) {
      expect(validatePack(value).ok).toBe(false);
    }
  });
});
