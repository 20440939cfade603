/**
 * The draft commands as an editor runs them, in real processes over files in a temporary
 * folder: `pack:draft` from a saved page and from text, `pack:build` refusing a draft until
 * every entry is reviewed, and `pack:publish` refusing an unfinished draft, naming each entry.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { generateKeyPairSync } from 'node:crypto';
import { publish, PublishError } from '@/scripts/pack-publish';
import { REPO_ROOT, builtinPack, repoPath } from '../pack/helpers';
import { packDiffText } from '@/utils/draft/pack-diff';
import { serializePack } from '@/utils/pack/canonical';
import type { Pack } from '@/utils/pack/schema';
import { HARBOUR_KNOWN, HARBOUR_TEXT } from './helpers';

const tmp = mkdtempSync(join(tmpdir(), 'standpoint-draft-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

function run(script: string, args: string[]) {
  const result = spawnSync(repoPath('node_modules/.bin/tsx'), [repoPath(script), ...args], {
    cwd: REPO_ROOT,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const PAGE = `<!doctype html>
<html lang="en-GB"><head>
<title>Harbour vote | Nordhaven Courier</title>
<meta property="og:title" content="Nordhaven mayor rejects delay to harbour vote">
<meta property="og:site_name" content="Nordhaven Courier">
<meta property="article:published_time" content="2026-03-02T08:00:00Z">
<link rel="canonical" href="https://courier.example/harbour-vote">
<script>document.title = "Varga said nothing";</script>
<style>p { color: black }</style>
</head><body>
<nav><p>Home · Politics · Mayor Ilse Varga said sign up now</p></nav>
<article>
  <h1>Nordhaven mayor rejects delay to harbour vote</h1>
  <p>Mayor Ilse Varga rejected calls to   delay the vote, saying the town could not afford another year of waiting.</p>
  <p hidden>Varga vowed hidden things.</p>
  <p>Harbour engineer Tomas Lind warned that dredging the channel would disturb the seabed for years.</p>
</article>
<footer><p>Varga welcomed our cookie policy.</p></footer>
</body></html>`;

describe('npm run pack:draft', { timeout: 120_000 }, () => {
  it('drafts from a saved page: the visible article text, title, date, language, address', () => {
    const page = join(tmp, 'harbour-vote.html');
    writeFileSync(page, PAGE);
    const out = join(tmp, 'page-draft', 'pack.yaml');
    const result = run('scripts/pack-draft.ts', [
      page,
      '--pack',
      repoPath(HARBOUR_KNOWN),
      '--out',
      out,
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^drafted .*pack\.yaml: 3 sentences, 3 candidate positions/);
    const text = readFileSync(join(tmp, 'page-draft', 'harbour-vote.txt'), 'utf8');
    expect(text).toBe(
      'Nordhaven mayor rejects delay to harbour vote\n' +
        'Mayor Ilse Varga rejected calls to delay the vote, saying the town could not afford another year of waiting.\n' +
        'Harbour engineer Tomas Lind warned that dredging the channel would disturb the seabed for years.\n',
    );
    const yaml = readFileSync(out, 'utf8');
    expect(yaml).toContain('title: "Nordhaven mayor rejects delay to harbour vote"');
    expect(yaml).toContain('publishedAt: 2026-03-02');
    expect(yaml).toContain('publisher: Nordhaven Courier');
    expect(yaml).toContain('url: https://courier.example/harbour-vote');
    expect(yaml).not.toMatch(/hidden things|cookie|sign up/);
  });

  it('refuses to replace an existing draft without --force', () => {
    const out = join(tmp, 'page-draft', 'pack.yaml');
    const result = run('scripts/pack-draft.ts', [join(tmp, 'harbour-vote.html'), '--out', out]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^pack:draft: .*pack\.yaml exists; pass --force to replace it\n$/,
    );
  });

  it('pack:build refuses the draft while entries are pending, naming each; builds it once reviewed', () => {
    const packs = join(tmp, 'packs');
    const out = join(packs, 'harbour-vote', 'pack.yaml');
    const drafted = run('scripts/pack-draft.ts', [
      repoPath(HARBOUR_TEXT),
      '--pack',
      repoPath(HARBOUR_KNOWN),
      '--out',
      out,
      '--date',
      '2026-03-02',
    ]);
    expect(drafted.code).toBe(0);
    const build = () =>
      run('scripts/pack-build.ts', [
        '--packs',
        packs,
        '--out',
        join(tmp, 'built'),
        '--builtin',
        'harbour-vote',
      ]);
    const refused = build();
    expect(refused.code).toBe(1);
    const lines = refused.stderr.trim().split('\n');
    expect(lines.at(-1)).toBe('pack:build: refused; nothing was written');
    const pending = lines.filter((l) =>
      l.endsWith('still marked "review: pending"; review it, then delete that line'),
    );
    expect(
      pending.some((l) =>
        l.endsWith(
          ': positions[0] (varga-harbour-expansion): still marked "review: pending"; review it, then delete that line',
        ),
      ),
    ).toBe(true);
    // Every position, every new person, the new topic stubs and the source (no title in a text file).
    expect(pending.filter((l) => /: positions\[\d+\]/.test(l))).toHaveLength(14);
    expect(pending.filter((l) => /: actors\[\d+\] \((lind|kovac|brandt)\)/.test(l))).toHaveLength(
      3,
    );
    expect(pending.filter((l) => /: sources\[0\]/.test(l))).toHaveLength(1);
    writeFileSync(
      out,
      readFileSync(out, 'utf8').replace(/^( *)- review: pending\n\1 {2}/gm, '$1- '),
    );
    const built = build();
    expect(built.stderr).not.toMatch(/refused/);
    expect(built.stdout).toMatch(/^built harbour-vote v1: 5 actors, \d+ topics, 14 positions/);
  });
});

describe('pack:publish and a draft', () => {
  it('refuses a pack file with entries still pending, naming each', async () => {
    mkdirSync(join(tmp, 'feed'), { recursive: true });
    const draft = join(tmp, 'draft.json');
    writeFileSync(
      draft,
      JSON.stringify({
        id: 'x',
        positions: [
          { id: 'a-b', review: 'pending' },
          { id: 'c-d' },
          { id: 'e-f', review: 'pending' },
        ],
      }),
    );
    const { privateKey } = generateKeyPairSync('ed25519');
    const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const attempt = publish({ keyPem, outDir: join(tmp, 'feed'), packFiles: [draft] });
    await expect(attempt).rejects.toBeInstanceOf(PublishError);
    await expect(attempt).rejects.toThrow(
      `${draft} is an unfinished draft:\n` +
        '  positions[0] (a-b): still marked "review: pending"; review it, then delete that line\n' +
        '  positions[2] (e-f): still marked "review: pending"; review it, then delete that line',
    );
  });

  it('prints what changes for readers for each pack it updates', async () => {
    const feed = join(tmp, 'feed-diff');
    const { privateKey } = generateKeyPairSync('ed25519');
    const keyPem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    const v1 = builtinPack();
    const v2 = { ...structuredClone(v1), version: v1.version + 1 };
    v2.positions[0]!.stance = v2.positions[0]!.stance === 'opposes' ? 'supports' : 'opposes';
    const write = (name: string, pack: Pack) => {
      writeFileSync(join(tmp, name), serializePack(pack));
      return join(tmp, name);
    };
    const reports: string[] = [];
    const report = (diff: string) => reports.push(diff);
    await publish({ keyPem, outDir: feed, packFiles: [write('v1.json', v1)], report });
    expect(reports).toEqual([]); // a first version changes nothing for anyone yet
    await publish({ keyPem, outDir: feed, packFiles: [write('v2.json', v2)], report });
    expect(reports).toEqual([packDiffText(v1, v2)]);
    expect(reports[0]).toContain(`Changed in update v${v2.version}`);
  });
});
