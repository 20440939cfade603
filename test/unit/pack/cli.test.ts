/**
 * The two commands as an editor runs them: real files in a temporary folder; the file checks run
 * in-process, and a few real processes prove the commands' output and exit codes.
 */
import { spawnSync } from 'node:child_process';
import {
  cpSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { validatePackFile } from '@/scripts/pack/validate-file';
import { serializePack } from '@/utils/pack/canonical';
import { LIMITS } from '@/utils/pack/schema';
import { BUILTIN_DIR, REPO_ROOT, builtinPack, repoPath } from './helpers';

const tmp = mkdtempSync(join(tmpdir(), 'standpoint-pack-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(script: string, args: string[]) {
  const result = spawnSync(repoPath('node_modules/.bin/tsx'), [repoPath(script), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}
const validate = (...files: string[]) => run('scripts/pack-validate.ts', files);
const build = (...args: string[]) => run('scripts/pack-build.ts', args);

function file(name: string, content: string | Uint8Array): string {
  const path = join(tmp, name);
  writeFileSync(path, content);
  return path;
}

const packText = serializePack(builtinPack());

describe('npm run pack:validate', { timeout: 60_000 }, () => {
  it('prints the summary line and exits 0 for a good pack', () => {
    const result = validate(file('good.json', packText));
    expect(result).toMatchObject({
      code: 0,
      stdout: 'ok berlin-talks-2025 v2: 11 actors, 10 topics, 14 positions\n',
    });
  });

  const bad: [string, () => string, RegExp][] = [
    [
      'a missing file',
      () => join(tmp, 'absent.json'),
      /^\(file\): ".*absent.json" does not exist$/,
    ],
    ['a folder', () => tmp, /^\(file\): ".*" is a folder, not a pack file$/],
    ['an empty file', () => file('empty.json', ''), /^\(file\): is empty/],
    ['a file that is not JSON', () => file('yaml.json', 'id: x\n'), /^\(file\): is not valid JSON/],
    [
      'the annotations instead of the built pack',
      () => repoPath(`${BUILTIN_DIR}/pack.yaml`),
      /^\(file\): is YAML, not a pack file: pack\.yaml is built with `npm run pack:build`/,
    ],
    [
      'a file that is not UTF-8',
      () => file('latin1.json', Uint8Array.from([0x7b, 0xe9, 0x7d])),
      /^\(file\): is not UTF-8 text$/,
    ],
    [
      'an oversize file',
      () => file('huge.json', `{"x":"${'a'.repeat(LIMITS.packBytes)}"}`),
      /^\(file\): is larger than the 8 MiB a pack may be; it was not read$/,
    ],
    [
      'a wrong format version',
      () => file('v2.json', packText.replace('"format": 1', '"format": 2')),
      /^format: must be 1/m,
    ],
    [
      'an unknown key',
      () => file('key.json', packText.replace('"format": 1,', '"format": 1, "extra": true,')),
      /^extra: is not a field/m,
    ],
    [
      'a __proto__ key',
      () => file('proto.json', packText.replace('"format": 1,', '"format": 1, "__proto__": {},')),
      /^__proto__: "__proto__" is not allowed/m,
    ],
    [
      'a dangling reference',
      () => file('dangling.json', packText.replace('"actor": "macron"', '"actor": "marcon"')),
      /^positions\[\d+\]\.actor: names no actor of this pack \("marcon"\)$/m,
    ],
    [
      'a duplicate id',
      () => file('dup.json', packText.replace('"id": "trump"', '"id": "putin"')),
      /^actors\[\d+\]\.id: "putin" is already the id of actors\[\d+\]/m,
    ],
    [
      'evidence that does not match',
      () =>
        file(
          'evidence.json',
          packText.replace(
            '"text": "a lot of progress was made"',
            '"text": "a lot of progress was mode"',
          ),
        ),
      /^positions\[\d+\]\.evidence\.text: does not match source/m,
    ],
    [
      'a control character',
      () =>
        file(
          'control.json',
          packText.replace('"name": "Donald Trump"', '"name": "Donald\\u0000Trump"'),
        ),
      /^actors\[\d+\]\.name: contains a control character$/m,
    ],
    [
      'a lone surrogate',
      () =>
        file(
          'surrogate.json',
          packText.replace('"name": "Donald Trump"', '"name": "Donald \\ud83d"'),
        ),
      /^actors\[\d+\]\.name: contains a lone surrogate/m,
    ],
    [
      'an absurdly long string',
      () =>
        file(
          'long.json',
          packText.replace('"name": "Donald Trump"', `"name": "${'D'.repeat(5000)}"`),
        ),
      /^actors\[\d+\]\.name: is too long/m,
    ],
  ];
  it.each(bad)('refuses %s with one line per problem', (_name, target, expected) => {
    const result = validatePackFile(target());
    expect(result.code).toBe(1);
    expect(result.lines.join('\n')).toMatch(expected);
    for (const line of result.lines) expect(line).toMatch(/^\S+: \S[^\n]*$/);
  });

  it('prints problems as lines and exits 1, without a stack trace', () => {
    for (const target of [join(tmp, 'absent.json'), tmp, file('proto2.json', '{"__proto__": 1}')]) {
      const result = validate(target);
      expect(result.code).toBe(1);
      expect(result.stdout).toMatch(/^\S+: \S/);
      expect(`${result.stdout}${result.stderr}`).not.toMatch(/\n\s+at /);
    }
  });

  it('explains how to call it when no file is given', () => {
    const result = validate();
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/usage: npm run pack:validate -- FILE/);
  });
});

describe('npm run pack:build', { timeout: 60_000 }, () => {
  it('writes the same bytes on two runs, and the built-in pack beside the pack', () => {
    const outA = join(tmp, 'out-a');
    const outB = join(tmp, 'out-b');
    const a = build('--out', outA);
    const b = build('--out', outB);
    expect(a.code).toBe(0);
    expect(b.code).toBe(0);
    expect(a.stdout).toMatch(/^built berlin-talks-2025 v2: 11 actors, 10 topics, 14 positions -> /);
    expect(readdirSync(outA).sort()).toEqual(['berlin-talks-2025.json', 'builtin-pack.json']);
    const first = readFileSync(join(outA, 'builtin-pack.json'));
    expect(readFileSync(join(outB, 'builtin-pack.json')).equals(first)).toBe(true);
    expect(readFileSync(join(outA, 'berlin-talks-2025.json')).equals(first)).toBe(true);
    expect(first.toString('utf8')).toBe(packText);

    const again = build('--out', outA);
    expect(again.stdout).toMatch(/\(unchanged\)/);
    expect(readFileSync(join(outA, 'builtin-pack.json')).equals(first)).toBe(true);
  });

  it('refuses a pack whose evidence is not in its source, and writes nothing', () => {
    const packs = join(tmp, 'packs');
    mkdirSync(packs);
    cpSync(repoPath(BUILTIN_DIR), join(packs, 'berlin-talks-2025'), { recursive: true });
    const yamlPath = join(packs, 'berlin-talks-2025', 'pack.yaml');
    writeFileSync(
      yamlPath,
      readFileSync(yamlPath, 'utf8').replace(
        'text: a lot of progress was made',
        'text: no progress at all',
      ),
    );
    const out = join(tmp, 'out-refused');
    const result = build('--packs', packs, '--out', out);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /pack\.yaml: positions\[\d+\]\.evidence\.text: is not in source "berlin-talks-report"/,
    );
    expect(result.stderr).toMatch(/refused; nothing was written/);
    expect(() => readdirSync(out)).toThrow();
  });
});
