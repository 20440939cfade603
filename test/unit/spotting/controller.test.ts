import { describe, expect, it } from 'vitest';
import { createSpotting } from '@/utils/spotting/controller';
import { Highlighter, type HighlightLike } from '@/utils/spotting/highlight';
import { FakeHighlight, useStaticRange } from './dom-fakes';
import { onPage, testDictionary } from './dict';

useStaticRange();

/** A page whose idle callbacks the test runs by hand, with the idle time left it chooses. */
function idlePage(text: string) {
  const p = document.createElement('p');
  p.textContent = text;
  document.body.replaceChildren(p);
  const waiting: ((deadline: IdleDeadline) => void)[] = [];
  const win = {
    requestIdleCallback: (cb: (deadline: IdleDeadline) => void) => waiting.push(cb),
    cancelIdleCallback: () => undefined,
    setTimeout: window.setTimeout.bind(window),
    clearTimeout: window.clearTimeout.bind(window),
    performance: window.performance,
    MutationObserver: window.MutationObserver,
  } as unknown as Window & typeof globalThis;
  const abort = new AbortController();
  const spotting = createSpotting(abort.signal, {
    highlighter: new Highlighter(new Map<string, HighlightLike>(), FakeHighlight),
    scanOptions: { rendered: () => true },
    win,
  });
  const deadline = (left: number, didTimeout = false): IdleDeadline => ({
    didTimeout,
    timeRemaining: () => left,
  });
  /** Runs the oldest waiting idle callback with `left` ms left. */
  const idle = (left: number, didTimeout = false) => waiting.shift()?.(deadline(left, didTimeout));
  const found = () => spotting.index.all().map((m) => m.text);
  return { spotting, waiting, deadline, idle, found, abort };
}

/** A newer version of the test dictionary: the same names, so the scan finds the same. */
const updated = { ...testDictionary, version: `${testDictionary.version}-next` };
/** Lets the timers queued so far run (the slices of a scan a reader waits for). */
const tasks = () => new Promise((resolve) => setTimeout(resolve, 20));
/** Waits for the scan's slices (timers) to find the page's two names, however busy the machine. */
const scanned = (page: { found: () => string[] }) =>
  expect.poll(page.found).toEqual(['Friedrich Merz', 'Volodymyr Zelenskyy']);

describe('spotting controller: when the matcher is made and the page scanned', () => {
  it("makes the page's first matcher at once and scans in tasks of their own, not in idle time", async () => {
    const page = idlePage('Friedrich Merz met Volodymyr Zelenskyy.');
    page.spotting.setDictionary(onPage(testDictionary));
    // The trie came built with the dictionary: nothing is left to build in a later task.
    expect(page.spotting.dictionaryVersion).toBe(testDictionary.version);
    expect(page.found()).toEqual([]);
    await scanned(page);
    // No idle callback was asked for: a page that never idles still gets its names.
    expect(page.waiting).toHaveLength(0);
    page.abort.abort();
  });

  it('takes a later version at once and rescans in idle time, first slice in the same period', async () => {
    const page = idlePage('Friedrich Merz met Volodymyr Zelenskyy.');
    page.spotting.setDictionary(onPage(testDictionary));
    await scanned(page);
    page.spotting.setDictionary(onPage(updated));
    expect(page.spotting.dictionaryVersion).toBe(updated.version);
    expect(page.waiting).toHaveLength(1);
    await tasks();
    expect(page.found()).toEqual([]);
    page.idle(40);
    expect(page.found()).toEqual(['Friedrich Merz', 'Volodymyr Zelenskyy']);
    page.abort.abort();
  });

  it('keeps the scan when the same version comes again, and clears everything on none', async () => {
    const page = idlePage('Friedrich Merz met Volodymyr Zelenskyy.');
    page.spotting.setDictionary(onPage(testDictionary));
    await scanned(page);
    page.spotting.setDictionary(onPage(testDictionary));
    expect(page.waiting).toHaveLength(0);
    expect(page.found()).toEqual(['Friedrich Merz', 'Volodymyr Zelenskyy']);
    page.spotting.setDictionary(null);
    expect(page.spotting.dictionaryVersion).toBeNull();
    expect(page.found()).toEqual([]);
    // The next dictionary is a first one again: the reader waits for it.
    page.spotting.setDictionary(onPage(updated));
    await scanned(page);
    expect(page.waiting).toHaveLength(0);
    page.abort.abort();
  });

  it("follows the page's changes in idle time once the first scan is done", async () => {
    const page = idlePage('Friedrich Merz met Volodymyr Zelenskyy.');
    page.spotting.setDictionary(onPage(testDictionary));
    await scanned(page);
    const p = document.createElement('p');
    p.textContent = 'Later Donald Trump spoke.';
    document.body.append(p);
    await tasks();
    expect(page.found()).toEqual(['Friedrich Merz', 'Volodymyr Zelenskyy']);
    expect(page.waiting).toHaveLength(1);
    page.idle(40);
    expect(page.found()).toEqual(['Friedrich Merz', 'Volodymyr Zelenskyy', 'Donald Trump']);
    page.abort.abort();
  });

  it('scans at once again when the site is switched back on', async () => {
    const page = idlePage('Friedrich Merz met Volodymyr Zelenskyy.');
    page.spotting.setDictionary(onPage(testDictionary));
    await scanned(page);
    page.spotting.setEnabled(false);
    expect(page.found()).toEqual([]);
    page.spotting.setEnabled(true);
    await scanned(page);
    expect(page.waiting).toHaveLength(0);
    page.abort.abort();
  });
});
