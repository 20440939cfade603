import { describe, expect, it } from 'vitest';
import { cardCommandOf, onTabMessage, sendToTab, type MessageEvents } from '@/utils/tab-message';

describe('sendToTab', () => {
  it("sends { type, data } and returns the handler's answer", async () => {
    const sent: unknown[] = [];
    const answer = await sendToTab(7, 'cardCommand', { command: 'next-name' }, async (tab, msg) => {
      sent.push([tab, msg]);
      return { res: { ok: true, value: true } };
    });
    expect(answer).toEqual({ ok: true, value: true });
    expect(sent).toEqual([[7, { type: 'cardCommand', data: { command: 'next-name' } }]]);
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

/** A runtime.onMessage stand-in that delivers like the browser: every listener, first answer wins. */
function fakeEvents() {
  const listeners = new Set<Parameters<MessageEvents['addListener']>[0]>();
  const events: MessageEvents = {
    addListener: (l) => listeners.add(l),
    removeListener: (l) => listeners.delete(l),
  };
  const deliver = (message: unknown, sender: { id?: string } = { id: 'ours' }) => {
    let reply: unknown;
    for (const l of listeners) l(message, sender, (r) => (reply ??= r));
    return reply;
  };
  return { events, deliver, listeners };
}

describe('onTabMessage', () => {
  it('answers its own type only, with the data the sender gave', () => {
    const { events, deliver } = fakeEvents();
    const seen: unknown[] = [];
    onTabMessage(
      'cardCommand',
      (data) => {
        seen.push(data);
        return { ok: true, value: true };
      },
      events,
      'ours',
    );
    expect(deliver({ type: 'cardCommand', data: { command: 'open-card' } })).toEqual({
      res: { ok: true, value: true },
    });
    expect(deliver({ type: 'getPageReport' })).toBeUndefined();
    expect(deliver('cardCommand')).toBeUndefined();
    expect(deliver(null)).toBeUndefined();
    expect(seen).toEqual([{ command: 'open-card' }]);
  });

  it('ignores another extension, and answers what the handler threw as an error', () => {
    const { events, deliver } = fakeEvents();
    onTabMessage(
      'getPageReport',
      () => {
        throw new Error('no page');
      },
      events,
      'ours',
    );
    expect(deliver({ type: 'getPageReport' }, { id: 'someone-else' })).toBeUndefined();
    expect(deliver({ type: 'getPageReport' })).toEqual({ err: { message: 'no page' } });
  });

  it('is removed by the function it returns', () => {
    const { events, listeners } = fakeEvents();
    const remove = onTabMessage('getPageReport', () => ({ ok: false, error: 'x' }), events, 'ours');
    expect(listeners.size).toBe(1);
    remove();
    expect(listeners.size).toBe(0);
  });
});

describe('cardCommandOf', () => {
  it('takes exactly one known command and nothing else', () => {
    expect(cardCommandOf({ command: 'next-name' })).toBe('next-name');
    expect(cardCommandOf({ command: 'rm -rf' })).toBeNull();
    expect(cardCommandOf({ command: 'next-name', extra: 1 })).toBeNull();
    expect(cardCommandOf('next-name')).toBeNull();
  });
});
