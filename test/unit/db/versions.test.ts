/** The one version rule the store and the sync share (utils/db/versions.ts). */
import { describe, expect, it } from 'vitest';
import type { PackRow } from '@/utils/db/database';
import { updateDecision, type IncomingVersion } from '@/utils/db/versions';

const row = (over: Partial<PackRow> = {}): PackRow => ({
  id: 'p',
  version: 3,
  sha256: 'a',
  title: 'P',
  publishedAt: '2025-01-01',
  installedAt: '2025-01-02T00:00:00.000Z',
  origin: 'feed',
  verified: true,
  previous: null,
  highestVersion: 3,
  highestSha256: 'a',
  ...over,
});

const next = (over: Partial<IncomingVersion> = {}): IncomingVersion => ({
  id: 'p',
  title: 'P',
  version: 4,
  sha256: 'b',
  origin: 'feed',
  verified: true,
  ...over,
});

describe('updateDecision', () => {
  it('installs what is absent or newer, and skips what is already there', () => {
    expect(updateDecision(undefined, next())).toEqual({ kind: 'install' });
    expect(updateDecision(row(), next())).toEqual({ kind: 'install' });
    expect(updateDecision(row(), next({ version: 3, sha256: 'a' }))).toEqual({ kind: 'same' });
  });

  it('refuses an older version and the same version with other bytes', () => {
    expect(updateDecision(row(), next({ version: 2 }))).toMatchObject({
      kind: 'refuse',
      code: 'older',
    });
    expect(updateDecision(row(), next({ version: 3 }))).toMatchObject({
      kind: 'refuse',
      code: 'changed-bytes',
    });
  });

  it('never lets a file replace a verified pack, whatever its version', () => {
    for (const origin of ['builtin', 'feed'] as const) {
      expect(
        updateDecision(
          row({ origin }),
          next({ origin: 'file', verified: false, version: Number.MAX_SAFE_INTEGER }),
        ),
      ).toMatchObject({ kind: 'refuse', code: 'unverified-over-verified' });
    }
  });

  it('lets a verified source replace what a file claimed, whatever the numbers', () => {
    const file = row({ origin: 'file', verified: false, version: 9e15, highestVersion: 9e15 });
    expect(updateDecision(file, next({ version: 2 }))).toEqual({ kind: 'install' });
    expect(updateDecision(file, next({ origin: 'builtin', version: 1 }))).toEqual({
      kind: 'install',
    });
    // A file over a file follows the ordinary rule.
    expect(updateDecision(file, next({ origin: 'file', verified: false }))).toMatchObject({
      kind: 'refuse',
      code: 'older',
    });
  });

  it('keeps the built-in copy of a version against a feed, and lets the extension rebuild it', () => {
    const builtin = row({ origin: 'builtin' });
    expect(updateDecision(builtin, next({ version: 3 }))).toEqual({ kind: 'same' });
    expect(updateDecision(builtin, next({ version: 3, origin: 'builtin' }))).toEqual({
      kind: 'install',
    });
  });

  it('leaves a rollback alone unless the reader imports the version again', () => {
    const rolledBack = row({
      origin: 'file',
      verified: false,
      version: 2,
      sha256: 'old',
      highestVersion: 3,
      highestSha256: 'a',
    });
    const again = { version: 3, sha256: 'a', verified: false };
    expect(updateDecision(rolledBack, next({ ...again, origin: 'file' }))).toEqual({
      kind: 'install',
    });
    expect(
      updateDecision(row({ version: 2, sha256: 'old' }), next({ version: 3, sha256: 'a' })),
    ).toEqual({ kind: 'same' });
  });
});
