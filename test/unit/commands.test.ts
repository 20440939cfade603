// @vitest-environment node
/**
 * The commands as a publisher or an editor runs them, as real processes: a mistake on the command
 * line is one line and the usage with a non-zero exit, never a stack trace; `spot` refuses a page
 * too large to read; `pack:serve` refuses a folder that is not there; `pack:publish` refuses to
 * sign an existing feed with another key unless told to rotate it.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { keygen } from '@/scripts/pack-keygen';
import { PublishError, publish } from '@/scripts/pack-publish';
import { bytesOf, packVersion } from './sync/fixtures';

const REPO = resolve(__dirname, '../..');
const tmp = mkdtempSync(join(tmpdir(), 'standpoint-commands-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(script: string, args: string[]) {
  const r = spawnSync(join(REPO, 'node_modules/.bin/tsx'), [join(REPO, script), ...args], {
    cwd: REPO,
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

/** No stack trace: no line that looks like `    at fn (file:line)`. */
const noStack = (text: string) => expect(text).not.toMatch(/^\s+at /m);

describe('command-line mistakes', { timeout: 120_000 }, () => {
  const cases: [string, string[], RegExp][] = [
    [
      'scripts/pack-publish.ts',
      ['--bogus'],
      /^pack:publish: unknown option '--bogus'\nUsage: npm run pack:publish -- --key/,
    ],
    [
      'scripts/pack-serve.ts',
      ['--bogus', 'x'],
      /^pack:serve: unknown option '--bogus'\nUsage: npm run pack:serve -- DIR/,
    ],
    [
      'scripts/pack-keygen.ts',
      ['--out'],
      /^pack:keygen: option '--out <value>' argument missing\nUsage: npm run pack:keygen/,
    ],
    ['scripts/spot.ts', ['--bogus'], /^spot: unknown option --bogus\nusage: npm run --silent spot/],
    [
      'scripts/pack-build.ts',
      ['--bogus'],
      /^pack:build: unknown option '--bogus'\nusage: npm run pack:build/,
    ],
    [
      'scripts/pack-validate.ts',
      ['--bogus', 'x.json'],
      /^pack:validate: unknown option '--bogus'\nusage: npm run pack:validate -- FILE/,
    ],
    [
      'scripts/pack-diff.ts',
      ['old.json', 'new.json', '--bogus'],
      /^pack:diff: unknown option '--bogus'\nusage: npm run pack:diff -- OLD.json NEW.json/,
    ],
    [
      'scripts/pack-draft.ts',
      ['--bogus', 'a.txt'],
      /^pack:draft: unknown option '--bogus'\nusage: npm run pack:draft -- ARTICLE/,
    ],
  ];
  for (const [script, args, expected] of cases)
    it(`${script} ${args.join(' ')}: one line and the usage, non-zero`, () => {
      const r = run(script, args);
      expect(r.code).not.toBe(0);
      expect(r.stderr).toMatch(expected);
      expect(r.stderr.trim().split('\n')).toHaveLength(2);
      noStack(r.stderr);
    });

  it('pack:serve refuses a folder that does not exist', () => {
    const r = run('scripts/pack-serve.ts', [join(tmp, 'absent')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(
      `pack:serve: ${join(tmp, 'absent')} does not exist; give the folder pack:publish wrote (--out).\n`,
    );
  });

  it('spot refuses a page over its size with one line, without reading it', () => {
    const page = join(tmp, 'huge.html');
    writeFileSync(page, '');
    truncateSync(page, 50 * 1024 * 1024); // sparse: 50 MiB of nothing, written instantly
    const r = run('scripts/spot.ts', [page]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`spot: ${page} is 50 MiB; spot reads files of at most 20 MiB\n`);
  });
});

describe('pack:publish and the feed key', () => {
  it('refuses a different key for an existing feed unless told to rotate it', async () => {
    const out = join(tmp, 'feed');
    const pack = join(tmp, 'next.json');
    writeFileSync(pack, bytesOf(packVersion(2)));
    const first = await keygen(join(tmp, 'key-a'));
    const second = await keygen(join(tmp, 'key-b'));
    const pem = (k: { privateKeyPath: string }) => readFile(k.privateKeyPath, 'utf8');
    await publish({ keyPem: await pem(first), outDir: out, packFiles: [pack] });
    const before = await readFile(join(out, 'index.json.sig'), 'utf8');

    const refused = publish({ keyPem: await pem(second), outDir: out, packFiles: [pack] });
    await expect(refused).rejects.toThrow(PublishError);
    await expect(refused).rejects.toThrow(/was signed with a different key.*--rotate-key/);
    expect(await readFile(join(out, 'index.json.sig'), 'utf8')).toBe(before);

    // The same key again is fine; a deliberate rotation re-signs.
    await publish({ keyPem: await pem(first), outDir: out, packFiles: [pack] });
    await publish({ keyPem: await pem(second), outDir: out, packFiles: [pack], rotateKey: true });
    expect(await readFile(join(out, 'index.json.sig'), 'utf8')).not.toBe(before);
  });
});
