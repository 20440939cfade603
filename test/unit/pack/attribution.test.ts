/**
 * The editorial judgements of the built-in pack, pinned so that a later edit cannot quietly
 * change who is said to have said what. Each test names the sentence of the source it rests on.
 */
import { describe, expect, it } from 'vitest';
import type { Position } from '@/utils/pack/schema';
import { builtinPack } from './helpers';

const pack = builtinPack();
const text = pack.sources[0]!.text!;
const actor = (id: string) => {
  const found = pack.actors.find((a) => a.id === id);
  if (!found) throw new Error(`no actor ${id}`);
  return found;
};
const positionsOf = (id: string) => pack.positions.filter((p) => p.actor === id);
const position = (id: string): Position => {
  const found = pack.positions.find((p) => p.id === id);
  if (!found) throw new Error(`no position ${id}`);
  return found;
};

describe('who the source names', () => {
  it('has the eight persons, with the roles the source gives them', () => {
    const persons = pack.actors.filter((a) => a.kind === 'person');
    expect(Object.fromEntries(persons.map((a) => [a.id, [a.role, a.country]]))).toEqual({
      zelenskyy: ['Ukrainian President', 'UA'],
      witkoff: ['Trump administration special envoy', 'US'],
      kushner: ['U.S. presidential advisor', 'US'],
      merz: ['German Chancellor', 'DE'],
      ushakov: ['Kremlin advisor', 'RU'],
      macron: ['French President', 'FR'],
      putin: ['Russian leader', 'RU'],
      trump: ['U.S. President', 'US'],
    });
  });

  it('has the groups the source gives positions to, and their members', () => {
    const groups = pack.actors.filter((a) => a.kind === 'group').map((a) => a.id);
    expect(groups.sort()).toEqual(['european-leaders', 'russian-government', 'us-delegation']);
    expect(actor('witkoff').memberOf).toEqual(['us-delegation']);
    expect(actor('kushner').memberOf).toEqual(['us-delegation']);
    expect(actor('macron').memberOf).toEqual(['european-leaders']);
    expect(actor('merz').memberOf).toEqual(['european-leaders']);
    expect(actor('putin').memberOf).toEqual(['russian-government']);
    expect(actor('ushakov').memberOf).toEqual(['russian-government']);
    // Trump heads the administration but is not said to be part of the delegation.
    expect(actor('trump').memberOf).toEqual([]);
  });

  it('mentions every actor in the source under one of its names', () => {
    for (const a of pack.actors) {
      const names = [...a.aliases, ...a.match.surnames];
      expect(
        names.some((n) => text.includes(n)),
        a.id,
      ).toBe(true);
    }
  });
});

describe('who stated what', () => {
  it('gives no position to persons the source quotes on nothing', () => {
    for (const id of ['putin', 'trump', 'kushner', 'witkoff'])
      expect(positionsOf(id), id).toEqual([]);
  });

  it("keeps Merz's warning about Putin as Merz's", () => {
    const warnings = positionsOf('merz');
    expect(warnings.map((p) => `${p.topic} ${p.stance} ${p.evidence.kind}`).sort()).toEqual([
      'russian-expansionism warns paraphrase',
      'russian-expansionism warns quote',
    ]);
    expect(
      pack.positions.filter((p) => p.topic === 'russian-expansionism').map((p) => p.actor),
    ).toEqual(['merz', 'merz']);
  });

  it("gives the U.S. delegation's report and proposal to the group, not to its members", () => {
    const report = position('us-delegation-talks-progress');
    expect(report).toMatchObject({ actor: 'us-delegation', stance: 'supports' });
    expect(report.evidence).toMatchObject({ text: 'a lot of progress was made', kind: 'quote' });
    const proposal = position('us-delegation-donetsk-territory');
    expect(proposal).toMatchObject({ actor: 'us-delegation', stance: 'proposes' });
    expect(proposal.evidence.text).toBe(
      'U.S.-proposed territorial concessions in the Donetsk region',
    );
  });

  it("gives Moscow's cited security concern to the Russian government, not to Putin or Ushakov", () => {
    const concern = position('russian-government-nato-membership-bid');
    expect(concern.actor).toBe('russian-government');
    expect(concern.evidence.text).toContain('Moscow’s primary security concerns');
  });

  it("keeps the European leaders' support apart from Macron's own vow", () => {
    expect(position('european-leaders-european-backing')).toMatchObject({
      actor: 'european-leaders',
      evidence: { kind: 'paraphrase', text: 'European leaders reinforced their support' },
    });
    expect(position('macron-european-backing')).toMatchObject({
      actor: 'macron',
      evidence: { kind: 'quote' },
    });
  });

  it("records Zelenskyy's and Ushakov's positions as the source reports them", () => {
    const stances = (id: string) =>
      Object.fromEntries(positionsOf(id).map((p) => [p.topic, p.stance]));
    expect(stances('zelenskyy')).toEqual({
      'nato-membership-bid': 'conditional',
      'security-guarantees': 'supports',
      'donetsk-territory': 'opposes',
      'donetsk-economic-zone': 'opposes',
      'mutual-withdrawal': 'supports',
    });
    expect(stances('ushakov')).toEqual({
      'russian-forces-in-donetsk': 'supports',
      'european-contributions': 'opposes',
    });
  });

  it('records no proposer for the economic zones, which the source leaves unattributed', () => {
    const onZones = pack.positions.filter((p) => p.topic === 'donetsk-economic-zone');
    expect(onZones.map((p) => p.actor)).toEqual(['zelenskyy']);
  });

  it('has fourteen positions in all, every one on a known topic', () => {
    expect(pack.positions).toHaveLength(14);
    const topics = new Set(pack.topics.map((t) => t.id));
    for (const p of pack.positions) expect(topics.has(p.topic)).toBe(true);
  });
});

describe('quote or paraphrase', () => {
  it('marks as quotes exactly the words the source puts in quotation marks', () => {
    for (const p of pack.positions) {
      const { start, end } = p.evidence;
      const opens = text[start - 1] === '‘';
      const closes = text[end] === '’' || text.slice(end, end + 2) === '.’';
      expect(opens && closes, p.id).toBe(p.evidence.kind === 'quote');
    }
  });

  it('has every quotation of the source as a quote of someone', () => {
    const quoted = [...text.matchAll(/‘([^‘]*?)\.?’(?![a-z])/g)].map((m) => m[1]);
    const quotes = pack.positions
      .filter((p) => p.evidence.kind === 'quote')
      .map((p) => p.evidence.text);
    expect(quotes.sort()).toEqual([...quoted].sort());
  });
});

describe('dates', () => {
  it('dates the message sent "prior to negotiations" on the first day of talks and the rest on the report', () => {
    for (const p of pack.positions)
      expect(p.date, p.id).toBe(
        p.id === 'zelenskyy-security-guarantees' ? '2025-12-14' : '2025-12-15',
      );
    expect(text.slice(0, position('zelenskyy-security-guarantees').evidence.start)).toMatch(
      /Prior to negotiations, Zelenskyy communicated via WhatsApp audio messages that $/,
    );
  });
});

describe('how names are matched', () => {
  const forms = (id: string) => [...actor(id).aliases, ...actor(id).match.surnames];

  it('knows the common spellings of Zelenskyy, in Latin and Cyrillic scripts', () => {
    for (const form of [
      'Zelensky',
      'Zelenskiy',
      'Zelenskyi',
      'Selenskyj',
      'Selenskyjs',
      'Zelenski',
      'Zełenski',
      'Зеленський',
      'Зеленский',
    ])
      expect(forms('zelenskyy'), form).toContain(form);
  });

  it('knows other scripts for every person', () => {
    const cyrillic = /[\u0400-\u04FF]/;
    for (const a of pack.actors.filter((x) => x.kind === 'person'))
      expect(
        a.aliases.some((n) => cyrillic.test(n)),
        a.id,
      ).toBe(true);
    expect(forms('putin')).toContain('Путин');
    expect(forms('ushakov')).toContain('Ушаков');
    expect(forms('merz')).toContain('Мерц');
    expect(forms('macron')).toContain('Макрон');
    expect(forms('trump')).toContain('Трамп');
    expect(forms('witkoff')).toEqual(expect.arrayContaining(['Уиткофф', 'Віткофф']));
  });

  it('treats "Trump" as a common word and his namesakes as other people', () => {
    const { match } = actor('trump');
    expect(match.commonWord).toBe(true);
    expect(match.givenNames).toContain('Donald');
    expect(match.givenNames).not.toContain('Ivanka');
    expect(match.exclude).toEqual(expect.arrayContaining(['Donald Trump Jr.', 'Trump Jr.']));
  });

  it('tells Jared Kushner from his father', () => {
    const { match } = actor('kushner');
    expect(match.givenNames).not.toContain('Charles');
    expect(match.bareSurname).toBe('in-context');
    expect(match.exclude).toContain('Ambassador Kushner');
  });

  it('matches bare surnames that are unambiguous in the news, and Merz after a title', () => {
    expect(actor('putin').match.bareSurname).toBe('always');
    expect(actor('zelenskyy').match.bareSurname).toBe('always');
    expect(actor('macron').match.bareSurname).toBe('always');
    expect(actor('merz').match.bareSurname).toBe('in-context');
    expect(actor('merz').match.titles).toEqual(expect.arrayContaining(['Chancellor', 'Kanzler']));
    for (const group of pack.actors.filter((a) => a.kind === 'group'))
      expect(group.match.bareSurname, group.id).toBe('never');
  });
});
