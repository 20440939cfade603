import { describe, expect, it, vi } from 'vitest';
import type { HoverBundle } from '@/utils/spotting/bundle-slot';
import { Highlighter, type HighlightLike } from '@/utils/spotting/highlight';
import { FakeHighlight, useStaticRange } from './dom-fakes';
import { startOnPage, type PageStorage, type StorageListener } from '@/utils/spotting/on-page';
import { SETTINGS_KEY } from '@/utils/settings-reader';
import { DICTIONARY_KEY } from '@/utils/spotting/storage-keys';
import { openEarly, PAGE_KEYS } from '@/utils/spotting/early-storage';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { stored, testDictionary } from './dict';

useStaticRange();

/** Puts `html` into the test document's body. */
function setBody(html: string, append = false) {
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  const nodes = [...parsed.body.childNodes].map((n) => document.importNode(n, true));
  if (append) document.body.append(...nodes);
  else document.body.replaceChildren(...nodes);
}

/** A `storage.local` with its change event, as the page side reads it. */
function fakeStore(initial: Record<string, unknown>) {
  const data = { ...initial };
  const listeners = new Set<StorageListener>();
  const store: PageStorage = {
    get: async (keys) => Object.fromEntries(keys.filter((k) => k in data).map((k) => [k, data[k]])),
    onChanged: {
      addListener: (cb) => listeners.add(cb),
      removeListener: (cb) => listeners.delete(cb),
    },
  };
  const set = (key: string, value: unknown) => {
    data[key] = value;
    for (const cb of listeners) cb({ [key]: { newValue: value } }, 'local');
  };
  return { store, set, listeners };
}

function fakeContext() {
  const abort = new AbortController();
  const onEnd: (() => void)[] = [];
  abort.signal.addEventListener('abort', () => onEnd.forEach((f) => f()));
  return {
    abort,
    ctx: {
      signal: abort.signal,
      get isInvalid() {
        return abort.signal.aborted;
      },
      onInvalidated: (cb: () => void) => {
        onEnd.push(cb);
        return () => undefined;
      },
      addEventListener: ((target: EventTarget, type: string, handler: EventListener) =>
        target.addEventListener(type, handler)) as never,
    },
  };
}

/** Starts the page side on `html` with fakes; the hover bundle is a counting stand-in. */
async function start(
  html: string,
  stored: Record<string, unknown>,
  loadHover?: () => Promise<HoverBundle>,
  /** What happens between the loader's early read and the bundle's start. */
  whileLoading?: (set: (key: string, value: unknown) => void) => void,
) {
  setBody(html);
  const registry = new Map<string, HighlightLike>();
  const { store: area, set, listeners } = fakeStore(stored);
  // The loader opens storage early (utils/spotting/early-storage.ts); the bundle takes it over.
  const store = openEarly(area, PAGE_KEYS);
  whileLoading?.(set);
  const { ctx, abort } = fakeContext();
  const hoverStarts = vi.fn();
  const hover: HoverBundle = {
    start: (index) => {
      hoverStarts(index.all().length);
      return { controller: {} as never, card: { packsChanged: vi.fn() } as never };
    },
  };
  const load = vi.fn(loadHover ?? (async () => hover));
  await startOnPage(ctx, {
    store,
    highlighter: new Highlighter(registry, FakeHighlight),
    loadHover: load,
  });
  const reply = () =>
    new Promise<unknown>((resolve) =>
      fakeBrowser.runtime.onMessage.trigger(
        { type: 'getPageReport' },
        { id: fakeBrowser.runtime.id },
        (r: unknown) => resolve(r),
      ),
    );
  const highlighted = () => registry.get('standpoint-mention')?.size ?? 0;
  return { set, listeners, abort, load, hoverStarts, highlighted, reply, hover };
}

const NAMES = '<p>Chancellor Friedrich Merz met Volodymyr Zelenskyy in Berlin.</p>';
const NO_NAMES = '<p>Rain is expected over the weekend.</p>';

describe('the page side of spotting', () => {
  it('highlights the names of a switched-on page, then loads the hover side once', async () => {
    const page = await start(NAMES, { [DICTIONARY_KEY]: stored(testDictionary) });
    await expect.poll(page.highlighted).toBeGreaterThan(0);
    await expect.poll(() => page.hoverStarts.mock.calls.length).toBe(1);
    expect(page.load).toHaveBeenCalledTimes(1);
    expect(page.hoverStarts.mock.calls[0]![0]).toBeGreaterThan(0);
  });

  it('never loads the hover side on a page that names nobody', async () => {
    const page = await start(NO_NAMES, { [DICTIONARY_KEY]: stored(testDictionary) });
    await new Promise((r) => setTimeout(r, 50));
    expect(page.highlighted()).toBe(0);
    expect(page.load).not.toHaveBeenCalled();
  });

  it('tries the hover side again after a failed load, on the next change of names', async () => {
    let fail = true;
    const page = await start(NAMES, { [DICTIONARY_KEY]: stored(testDictionary) }, async () => {
      if (fail) throw new Error('gone');
      return { start: () => ({ controller: {} as never, card: { packsChanged() {} } as never }) };
    });
    await expect.poll(() => page.load.mock.calls.length).toBe(1);
    fail = false;
    setBody('<p>Steve Witkoff arrived later.</p>', true);
    await expect.poll(() => page.load.mock.calls.length).toBe(2);
  });

  it('does nothing on a switched-off site until the reader switches it on', async () => {
    const host = location.hostname;
    const off = {
      highlightStyle: 'underline',
      hoverDelayMs: 400,
      disabledSites: [host],
      importedOnPages: true,
    };
    const page = await start(NAMES, {
      [DICTIONARY_KEY]: stored(testDictionary),
      [SETTINGS_KEY]: off,
    });
    await new Promise((r) => setTimeout(r, 50));
    expect(page.highlighted()).toBe(0);
    expect(await page.reply()).toMatchObject({
      res: { ok: true, value: { host, enabled: false, actorIds: [] } },
    });
    page.set(SETTINGS_KEY, { ...off, disabledSites: [] });
    await expect.poll(page.highlighted).toBeGreaterThan(0);
    await expect.poll(page.reply).toMatchObject({
      res: { ok: true, value: { enabled: true, actorIds: ['merz', 'zelenskyy'] } },
    });
  });

  it('waits for a dictionary that is not stored yet, and takes it when it arrives', async () => {
    const page = await start(NAMES, {});
    await new Promise((r) => setTimeout(r, 50));
    expect(page.highlighted()).toBe(0);
    page.set(DICTIONARY_KEY, stored(testDictionary));
    await expect.poll(page.highlighted).toBeGreaterThan(0);
  });

  it('takes a dictionary published after the early read, before the bundle listened', async () => {
    const page = await start(NAMES, {}, undefined, (set) =>
      set(DICTIONARY_KEY, stored(testDictionary)),
    );
    await expect.poll(page.highlighted).toBeGreaterThan(0);
  });

  it('ignores a malformed dictionary and keeps the page as it is', async () => {
    const page = await start(NAMES, { [DICTIONARY_KEY]: { version: 1, actors: 'all' } });
    await new Promise((r) => setTimeout(r, 50));
    expect(page.highlighted()).toBe(0);
    expect(page.load).not.toHaveBeenCalled();
  });

  it('lets go of storage and the page when the content script is invalidated', async () => {
    const page = await start(NAMES, { [DICTIONARY_KEY]: stored(testDictionary) });
    await expect.poll(page.highlighted).toBeGreaterThan(0);
    page.abort.abort();
    expect(page.listeners.size).toBe(0);
    expect(page.highlighted()).toBe(0);
  });
});
