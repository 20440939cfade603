import { describe, expect, it } from 'vitest';
import {
  isUnseenChange,
  markChangesSeen,
  readLastSeenChanges,
  updatedActorIds,
} from '@/utils/sync/changes-seen';
import type { PositionView } from '@/utils/views';

const position = (over: Partial<PositionView>): PositionView =>
  ({ id: 'p', actorId: 'merz', packId: 'pack', packVersion: 2, ...over }) as PositionView;
const changed = { kind: 'changed' as const, history: [] };

describe('changes seen', () => {
  it('starts with nothing seen and remembers the versions shown', async () => {
    expect((await readLastSeenChanges()).packs).toEqual({});
    await markChangesSeen([{ id: 'pack', version: 2 }], () => Date.parse('2026-11-30T12:00:00Z'));
    expect(await readLastSeenChanges()).toEqual({
      packs: { pack: 2 },
      at: '2026-11-30T12:00:00.000Z',
    });
  });

  it('counts a changed position as unseen only while its pack version is newer', () => {
    const seen = { packs: { pack: 1 }, at: '' };
    expect(isUnseenChange(position({ change: changed }), seen)).toBe(true);
    expect(isUnseenChange(position({}), seen)).toBe(false);
    expect(isUnseenChange(position({ change: changed }), { packs: { pack: 2 }, at: '' })).toBe(
      false,
    );
    expect(
      updatedActorIds([position({ change: changed }), position({ actorId: 'macron' })], seen),
    ).toEqual(new Set(['merz']));
  });
});
