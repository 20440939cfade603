import { describe, expect, it } from 'vitest';
import { sendToTab } from '@/utils/tab-message';

describe('sendToTab', () => {
  it("sends the messaging library's envelope and returns the handler's answer", async () => {
    const sent: unknown[] = [];
    const answer = await sendToTab(7, 'cardCommand', { command: 'next-name' }, async (tab, msg) => {
      sent.push([tab, msg]);
      return { res: { ok: true, value: true } };
    });
    expect(answer).toEqual({ ok: true, value: true });
    expect(sent).toEqual([
      [
        7,
        expect.objectContaining({
          type: 'cardCommand',
          data: { command: 'next-name' },
          id: expect.any(Number),
          timestamp: expect.any(Number),
        }),
      ],
    ]);
  });

  it('rejects, for the caller to handle, when no content script is in the tab', async () => {
    const noReceiver = () =>
      Promise.reject(new Error('Could not establish connection. Receiving end does not exist.'));
    await expect(sendToTab(3, 'getPageReport', undefined, noReceiver)).rejects.toThrow(
      /Receiving end does not exist/,
    );
    await expect(sendToTab(3, 'getPageReport', undefined, async () => undefined)).rejects.toThrow(
      /No content script answered "getPageReport"/,
    );
  });

  it("turns the handler's thrown error into a rejection with its message", async () => {
    const failed = async () => ({ err: { message: 'boom', name: 'Error', stack: '' } });
    await expect(sendToTab(3, 'getPageReport', undefined, failed)).rejects.toThrow('boom');
  });
});
