import { describe, expect, it, vi } from 'vitest';
import { createAsk } from '@/utils/pages/ask';
import { ok } from '@/utils/views';
import { fakeAsk } from './fake-ask';

describe('ask', () => {
  it('passes the message and request through and returns the reply', async () => {
    const sent: unknown[] = [];
    const ask = createAsk(async (type, request) => {
      sent.push([type, request]);
      return ok({ actorIds: ['merz'] }) as never;
    });
    expect(await ask('getChangedActors', {})).toEqual(ok({ actorIds: ['merz'] }));
    expect(sent).toEqual([['getChangedActors', {}]]);
  });

  it('turns a failed delivery into an error sentence naming what the page was doing', async () => {
    const ask = createAsk(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    expect(await ask('getMatrix', { actorIds: ['merz'] })).toEqual({
      ok: false,
      error:
        "Could not reach Standpoint's background while comparing positions; try again in a moment.",
    });
    // The browser's own words go to the console only.
    expect(String(logged.mock.calls[0]?.[1])).toContain('Receiving end does not exist');
    logged.mockRestore();
  });

  it('turns an empty answer into an error sentence', async () => {
    const ask = createAsk(async () => undefined);
    expect(await ask('listPacks', {})).toEqual({
      ok: false,
      error: "No answer from Standpoint's background while listing packs.",
    });
  });
});

describe('fakeAsk', () => {
  it('refuses a request the background would refuse, so a page test fails on it', async () => {
    const ask = fakeAsk({ getSource: () => ok(null as never) });
    await expect(ask('getSource', { sourceId: 'Not An Id' })).rejects.toThrow();
    expect(ask.calls).toEqual([]);
  });

  it('records requests and answers unknown messages with an error result', async () => {
    const ask = fakeAsk();
    expect((await ask('listPacks', {})).ok).toBe(false);
    expect(ask.requests('listPacks')).toEqual([{}]);
  });
});
