import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildPack, findOccurrences } from '@/utils/pack/build';
import { parseAnnotationsYaml } from '@/utils/pack/annotations';
import { serializePack } from '@/utils/pack/canonical';
import { sha256 } from '@/utils/pack/sha256';
import { buildFolder, builtinAnnotations, builtinSourceBytes, clone, repoPath } from './helpers';

type Mutable = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

const SOURCE_FILE = 'berlin-talks-report.txt';
const files = (extra: Record<string, Uint8Array> = {}) => {
  const all: Record<string, Uint8Array> = { [SOURCE_FILE]: builtinSourceBytes(), ...extra };
  return (name: string) => all[name];
};

/** The built-in annotations with one change, built against the real source file. */
function buildWith(change: (a: Mutable) => void, readFile = files()) {
  const annotations = clone(builtinAnnotations()) as Mutable;
  change(annotations);
  return buildPack(annotations, readFile, 'berlin-talks-2025');
}

const positionIndex = (a: Mutable, id: string) =>
  (a.positions as { id: string }[]).findIndex((p) => p.id === id);

function problemsOf(result: ReturnType<typeof buildPack>) {
  if (result.ok) throw new Error('expected the build to be refused');
  return result.problems;
}

describe('the builder', () => {
  it('builds the built-in pack without problems or warnings', () => {
    const result = buildFolder();
    expect(result.ok ? [] : result.problems).toEqual([]);
    expect(result.warnings).toEqual([]);
  });

  it('finds each evidence text at its offsets in the source', () => {
    const result = buildFolder();
    if (!result.ok) throw new Error('build failed');
    const text = result.pack.sources[0]!.text!;
    for (const position of result.pack.positions) {
      const { start, end, text: quoted } = position.evidence;
      expect(text.slice(start, end)).toBe(quoted);
      expect(findOccurrences(text, quoted)).toEqual([start]);
    }
  });

  it('refuses evidence that is not in its source', () => {
    const result = buildWith((a) => {
      a.positions[0].evidence.text = 'Zelenskyy agreed to give up Donetsk';
    });
    expect(problemsOf(result)).toEqual([
      {
        path: 'positions[0].evidence.text',
        message: expect.stringMatching(
          /is not in source "berlin-talks-report"; evidence must be copied word for word/,
        ),
      },
    ]);
  });

  it('says so when evidence differs from the source only in typographic quotes', () => {
    const i = (a: Mutable) => positionIndex(a, 'macron-european-backing');
    let index = -1;
    const result = buildWith((a) => {
      index = i(a);
      a.positions[index].evidence.text =
        "remain at Ukraine's side to build a robust and lasting peace";
    });
    expect(problemsOf(result)).toEqual([
      {
        path: `positions[${index}].evidence.text`,
        message: expect.stringMatching(/differs in quotes, dashes or spaces/),
      },
    ]);
  });

  it('refuses ambiguous evidence and accepts it once the occurrence is given', () => {
    const ambiguous = buildWith((a) => {
      a.positions[0].evidence.text = 'Zelenskyy';
    });
    expect(problemsOf(ambiguous)).toEqual([
      {
        path: 'positions[0].evidence.text',
        message: expect.stringMatching(
          /appears 4 times in source "berlin-talks-report" \(at \d+, \d+, \d+, \d+\); quote more words or add "occurrence"/,
        ),
      },
    ]);

    const second = buildWith((a) => {
      a.positions[0].evidence.text = 'Zelenskyy';
      a.positions[0].evidence.occurrence = 2;
    });
    if (!second.ok) throw new Error(JSON.stringify(second.problems));
    const text = second.pack.sources[0]!.text!;
    const position = second.pack.positions.find((p) => p.id === 'zelenskyy-nato-membership-bid')!;
    expect(position.evidence.start).toBe(findOccurrences(text, 'Zelenskyy')[1]);

    const tooFar = buildWith((a) => {
      a.positions[0].evidence.text = 'Zelenskyy';
      a.positions[0].evidence.occurrence = 9;
    });
    expect(problemsOf(tooFar)[0]).toEqual({
      path: 'positions[0].evidence.occurrence',
      message: expect.stringMatching(/is 9 but the text appears only 4 time/),
    });
  });

  it('checks explicit offsets against the text instead of searching', () => {
    const text = new TextDecoder().decode(builtinSourceBytes());
    const start = findOccurrences(text, 'Zelenskyy')[2]!;
    const good = buildWith((a) => {
      Object.assign(a.positions[0].evidence, { text: 'Zelenskyy', start, end: start + 9 });
    });
    expect(good.ok).toBe(true);
    const bad = buildWith((a) => {
      Object.assign(a.positions[0].evidence, {
        text: 'Zelenskyy',
        start: start + 1,
        end: start + 10,
      });
    });
    expect(problemsOf(bad)[0]).toEqual({
      path: 'positions[0].evidence.text',
      message: expect.stringMatching(/is not the text of source "berlin-talks-report" at/),
    });
    const half = buildWith((a) => {
      Object.assign(a.positions[0].evidence, { start });
    });
    expect(problemsOf(half)[0]!.path).toBe('positions[0].evidence.end');
  });

  it('refuses a source file that does not match its declared sha256', () => {
    const bytes = builtinSourceBytes();
    bytes[0] = 'u'.charCodeAt(0);
    const result = buildWith(() => {}, files({ [SOURCE_FILE]: bytes }));
    expect(problemsOf(result)).toEqual([
      {
        path: 'sources[0].sha256',
        message: expect.stringMatching(/does not match "berlin-talks-report.txt", whose sha256 is/),
      },
    ]);
  });

  it('refuses a missing source file and a file that is not UTF-8', () => {
    const missing = buildWith((a) => (a.sources[0].file = 'other.txt'));
    expect(problemsOf(missing)).toContainEqual({
      path: 'sources[0].file',
      message: '"other.txt" is not in the pack folder',
    });
    const latin1 = Uint8Array.from([0x4d, 0xe9, 0x72, 0x7a]);
    const notUtf8 = buildWith(
      (a) => {
        a.sources[0].file = 'latin1.txt';
        a.sources[0].sha256 = sha256(latin1);
        a.positions = [];
      },
      files({ 'latin1.txt': latin1 }),
    );
    expect(problemsOf(notUtf8)).toContainEqual({
      path: 'sources[0].file',
      message: '"latin1.txt" is not valid UTF-8',
    });
  });

  it('refuses a source file name that leaves the pack folder', () => {
    const result = buildWith((a) => (a.sources[0].file = '../../package.json'));
    expect(problemsOf(result)[0]!.path).toBe('sources[0].file');
  });

  it('refuses a pack whose id is not its folder name', () => {
    const result = buildWith((a) => (a.id = 'berlin-talks'));
    expect(problemsOf(result)).toContainEqual({
      path: 'id',
      message: expect.stringMatching(/the folder is "berlin-talks-2025"/),
    });
  });

  it('needs sourceId once a pack has two sources', () => {
    const second = new TextEncoder().encode('Another report.');
    const result = buildWith(
      (a) => {
        a.sources.push({ ...a.sources[0], id: 'other', file: 'other.txt', sha256: sha256(second) });
      },
      files({ 'other.txt': second }),
    );
    expect(problemsOf(result)).toContainEqual({
      path: 'positions[0].evidence.sourceId',
      message: expect.stringMatching(/is missing; name the source/),
    });
  });

  it('runs the semantic checks on what it builds', () => {
    const result = buildWith((a) => (a.positions[0].actor = 'nobody'));
    expect(problemsOf(result)).toContainEqual({
      path: 'positions[0].actor',
      message: expect.stringMatching(/names no actor/),
    });
  });

  it('warns about an actor no source mentions, and still builds', () => {
    const result = buildWith((a) => {
      a.actors.push({
        id: 'scholz',
        kind: 'person',
        name: 'Olaf Scholz',
        role: 'Former German Chancellor',
        country: 'DE',
        aliases: ['Olaf Scholz'],
      });
    });
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      {
        path: 'actors[11]',
        message: '"scholz" is not mentioned by any source under any of its names',
      },
    ]);
  });

  it('warns about a topic without positions and a source no position cites', () => {
    const extra = new TextEncoder().encode('Background.');
    const result = buildWith(
      (a) => {
        a.topics.push({
          id: 'sanctions',
          proposition: 'Should sanctions be lifted?',
          label: 'Sanctions',
        });
        a.sources.push({
          ...a.sources[0],
          id: 'background',
          file: 'background.txt',
          sha256: sha256(extra),
        });
        for (const position of a.positions) position.evidence.sourceId = 'berlin-talks-report';
      },
      files({ 'background.txt': extra }),
    );
    expect(result.ok).toBe(true);
    expect(result.warnings).toEqual([
      { path: 'sources[1]', message: '"background" is cited by no position' },
      { path: 'topics[10]', message: '"sanctions" has no position' },
    ]);
  });

  it('refuses forbidden keys in the annotations', () => {
    const yaml = parseAnnotationsYaml('id: x\n__proto__:\n  polluted: true\n');
    expect(yaml.ok).toBe(true);
    if (!yaml.ok) return;
    expect(({} as Mutable).polluted).toBeUndefined();
    const result = buildPack(yaml.data, files());
    expect(problemsOf(result)).toContainEqual({
      path: '__proto__',
      message: expect.stringMatching(/not allowed/),
    });
  });

  it('reports YAML syntax errors and duplicate keys as problems', () => {
    for (const text of ['id: [unclosed\n', 'id: a\nid: b\n']) {
      const yaml = parseAnnotationsYaml(text);
      expect(yaml.ok).toBe(false);
      if (!yaml.ok) expect(yaml.problems[0]!.message).toMatch(/^is not valid YAML: /);
    }
  });

  it('writes the same bytes on every build, whatever the order of the annotations', () => {
    const first = buildFolder();
    const second = buildFolder();
    if (!first.ok || !second.ok) throw new Error('build failed');
    expect(serializePack(second.pack)).toBe(serializePack(first.pack));

    const shuffled = buildWith((a) => {
      a.actors.reverse();
      a.topics.reverse();
      a.positions.reverse();
      for (const actor of a.actors) actor.aliases.reverse();
    });
    if (!shuffled.ok) throw new Error(JSON.stringify(shuffled.problems));
    expect(serializePack(shuffled.pack)).toBe(serializePack(first.pack));
  });

  it('has written the built-in pack the extension bundles from the current annotations', () => {
    // `npm run test:unit` and `npm run build` run `pack:build` first; a stale file fails here.
    const result = buildFolder();
    if (!result.ok) throw new Error('build failed');
    const bundled = readFileSync(repoPath('utils/pack/generated/builtin-pack.json'), 'utf8');
    expect(bundled).toBe(serializePack(result.pack));
  });
});
