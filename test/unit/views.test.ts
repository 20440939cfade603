import { describe, expect, it } from 'vitest';
import { comparePeople, err, ok } from '@/utils/views';

describe('comparePeople', () => {
  it('puts people before groups, then orders names as a reader does', () => {
    const actors = [
      { kind: 'group' as const, name: 'Allied delegation' },
      { kind: 'person' as const, name: 'zoe Brandt' },
      { kind: 'person' as const, name: 'Émile Roux' },
      { kind: 'person' as const, name: 'anna Berg' },
      { kind: 'person' as const, name: 'Bernd Arndt' },
    ];
    expect(actors.sort(comparePeople).map((a) => a.name)).toEqual([
      'anna Berg',
      'Bernd Arndt',
      'Émile Roux',
      'zoe Brandt',
      'Allied delegation',
    ]);
  });
});

describe('Result', () => {
  it('builds both sides', () => {
    expect(ok(1)).toEqual({ ok: true, value: 1 });
    expect(err('no')).toEqual({ ok: false, error: 'no' });
  });
});
