import { describe, expect, it } from 'vitest';
import { markChangesSeen, readLastSeenChanges } from '@/utils/sync/changes-seen';

describe('changes seen', () => {
  it('starts with nothing seen and remembers the versions shown', async () => {
    expect((await readLastSeenChanges()).packs).toEqual({});
    await markChangesSeen([{ id: 'pack', version: 2 }], () => Date.parse('2026-11-30T12:00:00Z'));
    expect(await readLastSeenChanges()).toEqual({
      packs: { pack: 2 },
      at: '2026-11-30T12:00:00.000Z',
    });
  });
});
