import { describe, expect, it, vi } from 'vitest';
import { forwardCardCommands } from '@/utils/card/commands';
import { CARD_COMMAND_MANIFEST } from '@/utils/card/command-manifest';
import { CARD_COMMANDS } from '@/utils/tab-message';

function fakeCommands() {
  let listener: ((command: string, tab?: { id?: number }) => void) | undefined;
  return {
    api: { onCommand: { addListener: (l: typeof listener) => (listener = l) } },
    fire: (command: string, tab?: { id?: number }) => listener!(command, tab),
  };
}

const flush = () => new Promise((r) => setTimeout(r, 0));

describe('card commands', () => {
  it('declares a key for every card command', () => {
    expect(Object.keys(CARD_COMMAND_MANIFEST).sort()).toEqual([...CARD_COMMANDS].sort());
  });

  it("forwards card commands to the command's tab, or the active tab, and ignores others", async () => {
    const c = fakeCommands();
    const send = vi.fn(async () => undefined);
    forwardCardCommands(c.api as never, send, async () => 7);
    c.fire('next-name', { id: 3 });
    c.fire('open-card');
    c.fire('_execute_action', { id: 3 });
    await flush();
    expect(send.mock.calls).toEqual([
      ['next-name', 3],
      ['open-card', 7],
    ]);
  });

  it('does nothing when the tab has no content script to answer', async () => {
    const c = fakeCommands();
    const send = vi.fn(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    forwardCardCommands(c.api as never, send, async () => undefined);
    c.fire('previous-name', { id: 5 });
    c.fire('open-card');
    await flush();
    expect(send).toHaveBeenCalledTimes(1);
  });
});
