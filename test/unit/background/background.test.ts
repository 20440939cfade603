import { beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import background from '@/entrypoints/background';
import { requestSchemas } from '@/utils/messaging';
import { backgroundMessenger } from '@/utils/messengers';

const ID = 'test-extension-id';
const page = { id: ID, url: `chrome-extension://${ID}/popup.html` };
const contentScript = { id: ID, url: 'https://news.example/', tab: { id: 4, index: 0 } };

/** Delivers a message in the messaging library's wire format and returns the reply. */
async function deliver(type: string, data: unknown, sender: object): Promise<unknown> {
  // The library's listener answers through `sendResponse` (it returns `true` to say so).
  return new Promise((resolve) => {
    void fakeBrowser.runtime.onMessage.trigger(
      { id: 1, type, data, timestamp: Date.now() },
      sender,
      resolve,
    );
  });
}

describe('background wiring', () => {
  beforeEach(() => {
    // The fake browser does not implement `commands`; the forwarder only needs to subscribe.
    Object.assign(fakeBrowser, { commands: { onCommand: { addListener: vi.fn() } } });
    backgroundMessenger.removeAllListeners();
  });

  it('installs the built-in pack at start and answers through the checked handlers', async () => {
    background.main();
    const actors = (await deliver('listActors', {}, page)) as {
      res: { ok: true; value: { actors: { kind: string }[] } };
    };
    expect(actors.res.ok).toBe(true);
    expect(actors.res.value.actors.filter((a) => a.kind === 'person')).toHaveLength(8);
    expect(await deliver('listPacks', {}, contentScript)).toEqual({
      res: {
        ok: false,
        error:
          'Refused: “listPacks” may only be asked from Standpoint’s own pages, not from a web page.',
      },
    });
    expect(await deliver('getCards', { actorIds: ['merz'] }, { id: 'another-extension' })).toEqual({
      res: { ok: false, error: 'Refused: only Standpoint itself may ask its background.' },
    });
  });

  it('registers a handler for every message of the protocol', () => {
    const onMessage = vi.spyOn(backgroundMessenger, 'onMessage');
    background.main();
    const registered = onMessage.mock.calls.map(([type]) => type).sort();
    expect(registered).toEqual(Object.keys(requestSchemas).sort());
  });
});
