import { describe, expect, it } from 'vitest';
import { createSpotting } from '@/utils/spotting/controller';
import { Highlighter, type HighlightLike } from '@/utils/spotting/highlight';
import { FakeHighlight, useStaticRange } from './dom-fakes';
import { testDictionary } from './dict';

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

describe('spotting controller in idle time', () => {
  it('builds the matcher and scans the first slice in the idle period it was given, when it has room', () => {
    const page = idlePage('Friedrich Merz met Volodymyr Zelenskyy.');
    page.spotting.setDictionary(testDictionary, page.deadline(40));
    expect(page.spotting.dictionaryVersion).toBe(testDictionary.version);
    expect(page.found()).toEqual(['Friedrich Merz', 'Volodymyr Zelenskyy']);
    page.abort.abort();
  });

  it('leaves the build to the next idle period when the one it was given is nearly over', () => {
    const page = idlePage('Friedrich Merz met Volodymyr Zelenskyy.');
    page.spotting.setDictionary(testDictionary, page.deadline(1));
    expect(page.spotting.dictionaryVersion).toBeNull();
    expect(page.waiting).toHaveLength(1);
    page.idle(40);
    expect(page.spotting.dictionaryVersion).toBe(testDictionary.version);
    expect(page.found()).toEqual(['Friedrich Merz', 'Volodymyr Zelenskyy']);
    page.abort.abort();
  });

  it('runs one step per callback that the timeout forced: the build, then the scan in another', () => {
    const page = idlePage('Friedrich Merz met Volodymyr Zelenskyy.');
    page.spotting.setDictionary(testDictionary, page.deadline(40, true));
    expect(page.spotting.dictionaryVersion).toBeNull();
    page.idle(40, true);
    expect(page.spotting.dictionaryVersion).toBe(testDictionary.version);
    expect(page.found()).toEqual([]);
    page.idle(40);
    expect(page.found()).toEqual(['Friedrich Merz', 'Volodymyr Zelenskyy']);
    page.abort.abort();
  });
});
