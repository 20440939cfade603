/**
 * The `spot` command end to end: a real process, a real file, the JSON it prints, the message
 * and exit code on bad input.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PACK_FORMAT } from '@/utils/pack/schema';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..', '..', '..');
/** Upper bound for one run of the command (ms): tsx starts cold on a busy machine. A limit only. */
const RUN_LIMIT_MS = 60_000;

async function spot(...args: string[]) {
  try {
    const { stdout, stderr } = await run(
      process.execPath,
      ['--import', 'tsx', path.join(ROOT, 'scripts', 'spot.ts'), ...args],
      { cwd: ROOT, timeout: RUN_LIMIT_MS },
    );
    return { code: 0, stdout, stderr };
  } catch (e) {
    const r = e as { code: number; stdout: string; stderr: string };
    return { code: r.code, stdout: r.stdout, stderr: r.stderr };
  }
}

const sourceText = 'Friedrich Merz spoke.';
const pack = {
  format: PACK_FORMAT,
  id: 'cli-test',
  version: 1,
  title: 'CLI test',
  description: 'A pack for the spot command test.',
  publishedAt: '2025-12-01',
  language: 'en',
  sources: [
    {
      id: 's1',
      title: 'A source',
      publisher: null,
      url: null,
      publishedAt: '2025-12-01',
      language: 'en',
      sha256: '',
    },
  ],
  actors: [
    {
      id: 'merz',
      kind: 'person',
      name: 'Friedrich Merz',
      role: 'German Chancellor',
      country: 'DE',
      aliases: ['Friedrich Merz'],
      match: {
        surnames: ['Merz'],
        bareSurname: 'in-context',
        givenNames: ['Friedrich'],
        titles: ['Chancellor'],
      },
    },
  ],
  topics: [],
  positions: [],
};

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(path.join(tmpdir(), 'spot-cli-'));
  const { createHash } = await import('node:crypto');
  pack.sources[0]!.sha256 = createHash('sha256').update(sourceText).digest('hex');
  await writeFile(path.join(dir, 'pack.json'), JSON.stringify(pack));
  await writeFile(
    path.join(dir, 'page.html'),
    '<h1>Merz in Paris</h1><p><b>Friedrich</b> Merz met Ivanka Merz.</p><script>Friedrich Merz</script>',
  );
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('spot command', () => {
  it(
    'prints the mentions of a page as one JSON array in document order',
    async () => {
      const r = await spot(path.join(dir, 'page.html'), '--pack', path.join(dir, 'pack.json'));
      expect(r.stderr).toBe('');
      expect(r.code).toBe(0);
      expect(JSON.parse(r.stdout)).toEqual([
        { actor: 'merz', text: 'Merz' },
        { actor: 'merz', text: 'Friedrich Merz' },
      ]);
    },
    RUN_LIMIT_MS,
  );

  it(
    'says clearly what is wrong, exits 1 and prints no stack',
    async () => {
      const missing = await spot(
        path.join(dir, 'nope.html'),
        '--pack',
        path.join(dir, 'pack.json'),
      );
      expect(missing.code).toBe(1);
      expect(missing.stdout).toBe('');
      expect(missing.stderr).toMatch(/^spot: cannot read HTML file .*nope\.html: no such file\n$/);

      const badPack = await spot(
        path.join(dir, 'page.html'),
        '--pack',
        path.join(dir, 'page.html'),
      );
      expect(badPack.code).toBe(1);
      expect(badPack.stderr).toMatch(/^spot: the pack .* is not valid/);
      expect(badPack.stderr).not.toMatch(/\n\s+at /);

      const noArgs = await spot();
      expect(noArgs.code).toBe(1);
      expect(noArgs.stderr).toContain('usage: npm run --silent spot -- FILE.html');
    },
    RUN_LIMIT_MS * 3,
  );
});
