import { describe, expect, it } from 'vitest';
import { readPageStatus } from '@/utils/pages/page-report';
import type { PageReport } from '@/utils/messaging';

const report: PageReport = {
  host: 'news.example.com',
  enabled: true,
  actorIds: ['merz'],
  counts: { merz: 2 },
  pageWords: ['nato'],
};

describe('readPageStatus', () => {
  it('returns a valid report', async () => {
    const status = await readPageStatus(1, async () => ({ ok: true, value: report }));
    expect(status).toEqual({ kind: 'report', report });
  });

  it('explains a tab without a content script', async () => {
    const status = await readPageStatus(1, () => Promise.reject(new Error('No response')));
    expect(status).toEqual({ kind: 'unreachable', detail: 'No response' });
  });

  it('gives up on a tab that never answers', async () => {
    const status = await readPageStatus(1, () => new Promise(() => {}), 5);
    expect(status.kind).toBe('unreachable');
  });

  it('passes on a content script error as a sentence', async () => {
    const status = await readPageStatus(1, async () => ({ ok: false, error: 'Scan failed.' }));
    expect(status).toEqual({ kind: 'error', message: 'Scan failed.' });
  });

  it('refuses a malformed report', async () => {
    const bad = { ...report, actorIds: ['<b>x</b>'] };
    const status = await readPageStatus(1, async () => ({ ok: true, value: bad }));
    expect(status.kind).toBe('error');
  });

  it('knows when there is no tab', async () => {
    expect(await readPageStatus(null, async () => ({ ok: true, value: report }))).toEqual({
      kind: 'none',
    });
  });
});
