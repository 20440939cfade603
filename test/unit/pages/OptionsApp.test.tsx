import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OptionsApp } from '@/entrypoints/options/App';
import type { OptionsDeps } from '@/entrypoints/options/api';
import type { Message, Reply } from '@/utils/pages/ask';
import type { Settings } from '@/utils/settings';
import { DEFAULT_SETTINGS } from '@/utils/settings-reader';
import { ok, type PackInfo } from '@/utils/views';
import { fakeAsk } from './fake-ask';

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

  it('adds the feed once allowed and syncs it right away, showing the outcome once, in the feed’s line', async () => {
    const FEED_URL = 'https://news.example.org/feed/index.json';
    const OUTCOME =
      'The feed at news.example.org answered with an error (HTTP 500); your packs are unchanged.';
    const feed = {
      url: FEED_URL,
      name: 'news.example.org',
      publicKey: KEY,
      addedAt: '2026-11-30T12:00:00.000Z',
      lastResult: null,
      nextAttemptAt: null,
    };
    replies.addFeed = { ok: true, value: feed };
    const outcome = { at: '2026-11-30T12:01:00.000Z', ok: false, message: OUTCOME };
    replies.syncNow = { ok: true, value: [{ ...outcome, updated: [] }] };
    replies.getSyncStatus = {
      ok: true,
      value: {
        last: { ...outcome, feedUrl: FEED_URL },
        intervalMinutes: 360,
        feeds: [{ ...feed, lastResult: { ...outcome, updated: [] } }],
      },
    };
    calls = [];
    await fillAndSubmitFeed('https://news.example.org/feed/', KEY);
    expect(calls.filter((c) => !['getSyncStatus', 'listPacks'].includes(c.type))).toEqual([
      { type: 'requestOrigin', req: 'https://news.example.org/*' },
      { type: 'addFeed', req: { url: FEED_URL, publicKey: KEY } },
      { type: 'syncNow', req: { url: FEED_URL } },
    ]);
    const line = root.querySelector(`li.feed[data-feed-url="${FEED_URL}"] .feed-result`)!;
    expect(line.textContent).toBe(OUTCOME);
    expect(line.getAttribute('role')).toBe('alert');
    // Said once: not again in a page-wide line or under another control.
    expect(root.textContent!.split(OUTCOME)).toHaveLength(2);
    expect(root.querySelector('form.add-feed')!.textContent).toContain('Added news.example.org.');
  });

  it('shows that it waits while the permission prompt is open, and cannot be sent twice', async () => {
    let answer!: (granted: boolean) => void;
    const d = deps();
    d.requestOrigin = (pattern) => {
      calls.push({ type: 'requestOrigin', req: pattern });
      return new Promise((r) => (answer = r));
    };
    render(null, root);
    await act(() => render(<OptionsApp deps={d} />, root));
    await flush();
    calls = [];
    await fillAndSubmitFeed('https://news.example.org/feed/', KEY);
    const form = root.querySelector('form.add-feed')!;
    const status = form.querySelector('.notice')!;
    expect(status.textContent).toBe(
      'Waiting for your answer in the browser’s question: may Standpoint contact news.example.org?',
    );
    expect(status.getAttribute('data-pending')).toBe('true');
    expect(form.getAttribute('aria-busy')).toBe('true');
    expect(button('Add feed').disabled).toBe(true);
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
    await flush();
    expect(calls.filter((c) => c.type === 'requestOrigin')).toHaveLength(1);
    await act(() => answer(false));
    await flush();
    expect(status.getAttribute('data-pending')).toBeNull();
    expect(status.textContent).toContain('Permission was not given, so the feed was not added.');
    expect(button('Add feed').disabled).toBe(false);
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
    // Beside the table that holds the button, not under the file import further down.
    expect(root.querySelector('table.packs + .notice')?.textContent).toContain(
      'is back to version 1',
    );
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
