import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '@/entrypoints/options/App';
import type { OptionsDeps } from '@/entrypoints/options/api';
import type { Message, Reply } from '@/utils/pages/ask';
import type { Settings } from '@/utils/settings';
import { DEFAULT_SETTINGS } from '@/utils/settings-reader';
import { ok, type PackInfo } from '@/utils/views';
import { fakeAsk } from '../pages/fake-ask';

const KEY = 'xknKQRvU/oVEY86eu861uPF8fCXAVpp3jkBrxPPjVe0=';
const PACK: PackInfo = {
  id: 'berlin-talks-2025',
  version: 2,
  title: 'Berlin talks',
  publishedAt: '2025-12-15',
  installedAt: '2026-11-30T12:00:00.000Z',
  origin: 'feed',
  verified: true,
  previousVersion: 1,
  feedUrl: 'https://news.example.org/feed/index.json',
};

let root: HTMLElement;
let calls: { type: string; req?: unknown }[];
let grant: boolean;
let settings: Settings;
/** Canned replies set by a test; other messages get the fake's defaults. */
const replies: { [K in Message]?: Reply<K> } = {};

function deps(): OptionsDeps {
  const fake = fakeAsk({
    getSyncStatus: () => ok({ last: null, intervalMinutes: 360, feeds: [] }),
    listPacks: () => ok([PACK]),
  });
  return {
    ask: (type, req) => {
      calls.push({ type, req });
      const canned = replies[type];
      return canned ? Promise.resolve(canned) : fake(type, req);
    },
    requestOrigin: async (pattern) => {
      calls.push({ type: 'requestOrigin', req: pattern });
      return grant;
    },
    settings: {
      load: async () => settings,
      save: async (patch) => (settings = { ...settings, ...patch }),
    },
    watchSync: () => () => {},
  };
}

const flush = async () => {
  for (let i = 0; i < 5; i++) await act(() => new Promise((r) => setTimeout(r, 0)));
};

function type(input: HTMLInputElement, value: string) {
  input.value = value;
  input.dispatchEvent(new Event('input', { bubbles: true }));
}

function button(text: string): HTMLButtonElement {
  const b = [...root.querySelectorAll('button')].find((x) => x.textContent?.trim() === text);
  if (!b) throw new Error(`no button "${text}"`);
  return b;
}

async function fillAndSubmitFeed(url: string, key: string) {
  const form = root.querySelector<HTMLFormElement>('form.add-feed')!;
  const [urlInput, keyInput] = form.querySelectorAll('input');
  type(urlInput!, url);
  type(keyInput!, key);
  await flush();
  form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  await flush();
}

beforeEach(async () => {
  calls = [];
  grant = true;
  settings = { ...DEFAULT_SETTINGS };
  for (const k of Object.keys(replies)) delete replies[k as Message];
  root = document.createElement('div');
  document.body.append(root);
  await act(() => render(<OptionsApp deps={deps()} />, root));
  await flush();
});

afterEach(() => {
  render(null, root);
  root.remove();
});

describe('options page: feeds', () => {
  it('asks for the feed origin only, before anything else, and explains a refusal', async () => {
    grant = false;
    calls = [];
    await fillAndSubmitFeed('https://news.example.org/feed/', KEY);
    expect(calls).toEqual([{ type: 'requestOrigin', req: 'https://news.example.org/*' }]);
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(
      'Standpoint needs your permission to contact news.example.org to read this feed. Permission was not given, so the feed was not added.',
    );
  });

  it('checks the URL and key before asking the browser', async () => {
    calls = [];
    await fillAndSubmitFeed('https://news.example.org/feed/', 'not-a-key');
    expect(calls).toEqual([]);
    expect(root.querySelector('[role="alert"]')?.textContent).toContain(
      'That public key is not valid',
    );
  });

  it('adds the feed once allowed and syncs it right away, showing the outcome', async () => {
    replies.addFeed = {
      ok: true,
      value: {
        url: 'https://news.example.org/feed/index.json',
        name: 'news.example.org',
        publicKey: KEY,
        addedAt: '',
        lastResult: null,
        nextAttemptAt: null,
      },
    };
    replies.syncNow = {
      ok: true,
      value: [
        {
          at: '',
          ok: false,
          message:
            'The feed at news.example.org answered with an error (HTTP 500); your packs are unchanged.',
          updated: [],
        },
      ],
    };
    calls = [];
    await fillAndSubmitFeed('https://news.example.org/feed/', KEY);
    expect(calls.slice(0, 3)).toEqual([
      { type: 'requestOrigin', req: 'https://news.example.org/*' },
      { type: 'addFeed', req: { url: 'https://news.example.org/feed/index.json', publicKey: KEY } },
      { type: 'syncNow', req: { url: 'https://news.example.org/feed/index.json' } },
    ]);
    expect(root.querySelector('[role="alert"]')?.textContent).toBe(
      'The feed at news.example.org answered with an error (HTTP 500); your packs are unchanged.',
    );
  });
});

describe('options page: packs', () => {
  it('lists installed packs and rolls one back', async () => {
    const row = root.querySelector('tr[data-pack-id="berlin-talks-2025"]')!;
    expect(row.textContent).toContain('Berlin talks');
    expect(row.textContent).toContain('Verified');
    replies.rollbackPack = { ok: true, value: { packId: PACK.id, version: 1, rolledBack: 2 } };
    await act(() => button('Roll back to version 1').click());
    await flush();
    expect(calls).toContainEqual({ type: 'rollbackPack', req: { packId: PACK.id } });
    expect(root.textContent).toContain('“Berlin talks” is back to version 1.');
  });

  it('removes a pack that is not built in, after the reader confirms', async () => {
    const row = root.querySelector('tr[data-pack-id="berlin-talks-2025"]')!;
    await act(() => row.querySelector<HTMLButtonElement>('button.remove')!.click());
    await flush();
    expect(calls.some((c) => c.type === 'removePack')).toBe(false);
    expect(root.querySelector('[role="alertdialog"]')?.textContent).toContain(
      'Remove “Berlin talks” with all its positions, names and history?',
    );
    replies.removePack = {
      ok: true,
      value: { packId: PACK.id, title: 'Berlin talks', feedUrl: PACK.feedUrl },
    };
    await act(() => button('Remove pack').click());
    await flush();
    expect(calls).toContainEqual({ type: 'removePack', req: { packId: PACK.id } });
    expect(root.textContent).toContain('“Berlin talks” was removed. Its feed still offers it');
  });

  it('imports a file only after the reader confirms installing it unverified', async () => {
    const input = root.querySelector<HTMLInputElement>('input[type="file"]')!;
    const file = new File(['{"format":1}'], 'pack.json', { type: 'application/json' });
    Object.defineProperty(input, 'files', { value: [file], configurable: true });
    input.dispatchEvent(new Event('change', { bubbles: true }));
    await flush();
    expect(calls.some((c) => c.type === 'importPack')).toBe(false);
    expect(root.querySelector('[role="alertdialog"]')?.textContent).toContain(
      'Install “pack.json” as an unverified pack?',
    );
    replies.importPack = {
      ok: false,
      error: '“pack.json” is not a valid pack: (pack) is missing. Nothing was changed.',
    };
    await act(() => button('Install unverified').click());
    await flush();
    expect(calls).toContainEqual({
      type: 'importPack',
      req: { text: '{"format":1}', fileName: 'pack.json', confirmUnverified: true },
    });
    expect(root.querySelector('[role="alert"]')?.textContent).toContain('is not a valid pack');
  });
});

describe('options page: reading settings', () => {
  it('saves the highlight style and the disabled sites', async () => {
    const select = [...root.querySelectorAll('select')].find((s) =>
      s.querySelector('option[value="underline"]'),
    )!;
    select.value = 'background';
    select.dispatchEvent(new Event('change', { bubbles: true }));
    await flush();
    expect(settings.highlightStyle).toBe('background');
    const siteInput = root.querySelector<HTMLInputElement>('input[placeholder="example.com"]')!;
    type(siteInput, 'https://www.Example.com/news');
    await flush();
    siteInput.form!.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await flush();
    expect(settings.disabledSites).toEqual(['www.example.com']);
  });
});
