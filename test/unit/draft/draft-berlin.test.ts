/**
 * `pack:draft` on our source document, with the built-in pack's actors given: it proposes the
 * built-in pack's evidence with the right actors and never a position for someone the report
 * only talks about; the draft, once reviewed, builds.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { buildPack } from '@/utils/pack/build';
import { pendingEntries } from '@/utils/draft/pending';
import { draftToYaml } from '@/utils/draft/write-yaml';
import { builtinPack, repoPath } from '../pack/helpers';
import { BERLIN_TEXT, candidatesOf, draftOf } from './helpers';

const builtin = builtinPack();
const draft = draftOf(BERLIN_TEXT, [builtin], { today: '2025-12-15' });
const candidates = candidatesOf(draft);

/** Drops every `review: pending` line: what an editor does once each entry is checked. */
const finish = (yaml: string) => yaml.replace(/^( *)- review: pending\n\1 {2}/gm, '$1- ');

describe('pack:draft on the Berlin report', () => {
  it('proposes at least 12 of the built-in pack’s 14 evidence texts, each with the same actor', () => {
    const found = builtin.positions.filter((p) =>
      candidates.some((c) => c.actor === p.actor && c.evidence.text.includes(p.evidence.text)),
    );
    const missed = builtin.positions.filter((p) => !found.includes(p)).map((p) => p.id);
    expect(builtin.positions).toHaveLength(14);
    expect(found.length, `missed: ${missed.join(', ')}`).toBeGreaterThanOrEqual(12);
  });

  it('attributes nothing to a person the report only talks about', () => {
    const speakers = new Set(builtin.positions.map((p) => p.actor));
    const wrong = candidates.filter((c) => !speakers.has(c.actor));
    expect(wrong).toEqual([]);
    for (const talkedAbout of ['putin', 'trump', 'witkoff', 'kushner']) {
      expect(candidates.some((c) => c.actor === talkedAbout)).toBe(false);
    }
  });

  it('marks quotes as quotes, without their marks or final full stop', () => {
    const quotes = candidates.filter((c) => c.evidence.kind === 'quote');
    expect(quotes.map((q) => [q.actor, q.evidence.text])).toEqual([
      ['ushakov', 'unlikely to be constructive'],
      ['macron', 'remain at Ukraine’s side to build a robust and lasting peace'],
      ['merz', 'a fundamental change to the borders in Europe'],
      ['us-delegation', 'a lot of progress was made'],
    ]);
  });

  it('lists every sentence in order as a review comment and every position pending', () => {
    expect(draft.sentences).toHaveLength(12);
    const yaml = draftToYaml(draft, 'berlin-talks-report.txt');
    let at = 0;
    for (const s of draft.sentences) {
      const firstWords = s.text.split(' ').slice(0, 4).join(' ');
      const next = yaml.indexOf(firstWords, at);
      expect(next, firstWords).toBeGreaterThan(at);
      at = next;
    }
    const pending = pendingEntries(parse(yaml));
    expect(pending.filter((e) => e.startsWith('positions['))).toHaveLength(candidates.length);
  });

  it('suggests the built-in topic and stance where its words match', () => {
    const rejected = candidates.find((c) =>
      c.evidence.text.startsWith('Zelenskyy firmly rejected'),
    );
    expect(rejected).toMatchObject({
      topic: 'donetsk-territory',
      stance: 'opposes',
      reason: 'rejected',
    });
    const nato = candidates.find((c) => c.evidence.text.startsWith('Zelenskyy expressed'));
    expect(nato).toMatchObject({ topic: 'nato-membership-bid', stance: 'conditional' });
  });

  it('carries the source byte for byte, and builds once every entry is reviewed', () => {
    const bytes = new Uint8Array(readFileSync(repoPath(BERLIN_TEXT)));
    expect(draft.source.sha256).toBe(builtin.sources[0]!.sha256);
    const yaml = draftToYaml(draft, 'berlin-talks-report.txt');
    const read = (name: string) => (name === draft.source.file ? bytes : undefined);
    const refused = buildPack(parse(yaml), read, draft.id);
    expect(refused.ok).toBe(false);
    const built = buildPack(parse(finish(yaml)), read, draft.id);
    expect(built.ok ? [] : built.problems).toEqual([]);
    if (built.ok) expect(built.pack.positions).toHaveLength(candidates.length);
  });
});
