/**
 * What a pack may not hide in its text and its JSON, and one byte gate for every way a pack file
 * arrives (docs/threat-model.md, "Rules and the tests that hold them").
 */
import { describe, expect, it } from 'vitest';
import { forbiddenFormatCharacter } from '@/utils/pack/schema';
import { findDuplicateKey } from '@/utils/pack/duplicate-keys';
import {
  decodePackBytes,
  parsePackBytes,
  parsePackText,
  validatePack,
} from '@/utils/pack/validate';
import { serializePack } from '@/utils/pack/canonical';
import { builtinPack, clone } from './helpers';

const pack = builtinPack();

describe('invisible format characters', () => {
  it('refuses bidi controls and other invisible format characters in any pack string', () => {
    const cases: [string, string][] = [
      ['\u202E', 'U+202E'],
      ['\u202A', 'U+202A'],
      ['\u2066', 'U+2066'],
      ['\u2069', 'U+2069'],
      ['\u200B', 'U+200B'],
      ['\u200F', 'U+200F'],
      ['\u00AD', 'U+00AD'],
      ['\uFEFF', 'U+FEFF'],
      ['\u2060', 'U+2060'],
    ];
    for (const [c, name] of cases) {
      const copy = clone(pack);
      copy.actors[0]!.name = `Vladimir ${c}Putin`;
      const r = validatePack(copy);
      expect(r.ok).toBe(false);
      if (!r.ok) {
        expect(r.problems[0]!.path).toBe('actors[0].name');
        expect(r.problems[0]!.message).toContain(`invisible format character ${name}`);
      }
    }
    // A summary that reads backwards on screen is refused too.
    const copy = clone(pack);
    copy.positions[0]!.summary = 'Supports \u202Edesoppo\u202C the plan.';
    const r = validatePack(copy);
    expect(r.ok ? [] : r.problems.map((p) => p.path)).toEqual(['positions[0].summary']);
  });

  it('allows ZWNJ and ZWJ only inside words of scripts that need them', () => {
    expect(forbiddenFormatCharacter('می\u200Cخواهم')).toBeNull(); // Persian
    expect(forbiddenFormatCharacter('क्\u200Dष')).toBeNull(); // Devanagari
    expect(forbiddenFormatCharacter('Put\u200Cin')).toBe('U+200C'); // Latin
    expect(forbiddenFormatCharacter('\u200Dमोदी')).toBe('U+200D'); // at the start
    expect(forbiddenFormatCharacter('Olaf Scholz')).toBeNull();
  });
});

describe('duplicate JSON keys', () => {
  it('refuses a file that gives a key twice, naming where', () => {
    const text = serializePack(pack).replace(
      '"title": ',
      '"title": "A title a reviewer reads first",\n  "title": ',
    );
    expect(JSON.parse(text)).toBeTruthy(); // what JSON.parse alone would accept
    const r = parsePackText(text);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.problems).toEqual([
        { path: 'title', message: 'is given twice in the same object; every key may appear once' },
      ]);
  });

  it('finds duplicates deep inside, and not in strings or across objects', () => {
    expect(findDuplicateKey('{"a":[{"b":1},{"b":2,"c":{"d":1,"d":2}}]}')).toEqual({
      path: 'a[1].c.d',
      message: 'is given twice in the same object; every key may appear once',
    });
    expect(findDuplicateKey('{"a":"{\\"a\\":1,\\"a\\":2}","b":{"a":1}}')).toBeNull();
    expect(findDuplicateKey('{"\\u0061":1,"a":2}')?.path).toBe('a');
  });
});

describe('one byte gate for the command line, the options page and the feed sync', () => {
  it('refuses bytes that are not UTF-8 and files over the size cap, before parsing', () => {
    const latin1 = new Uint8Array([0x7b, 0x22, 0x74, 0xe9, 0x22, 0x3a, 0x31, 0x7d]); // {"té":1}
    expect(decodePackBytes(latin1)).toEqual({
      ok: false,
      problem: { path: '(file)', message: 'is not UTF-8 text' },
    });
    expect(decodePackBytes(new Uint8Array(11), { maxBytes: 10 })).toMatchObject({
      ok: false,
      problem: { path: '(file)', message: expect.stringContaining('is larger than the') },
    });
    const good = new TextEncoder().encode(serializePack(pack));
    expect(parsePackBytes(good).ok).toBe(true);
  });
});
