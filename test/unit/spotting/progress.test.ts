import { describe, expect, it } from 'vitest';
import { createSpotting } from '@/utils/spotting/controller';
import { Highlighter, type HighlightLike } from '@/utils/spotting/highlight';
import {
  FIRST_HIGHLIGHT_STAMP,
  SCAN_DONE_STAMP,
  SPOTTING_PROGRESS_NAME,
  type SpottingProgress,
} from '@/utils/spotting/progress';
import { FakeHighlight, useStaticRange } from './dom-fakes';
import { onPage, testDictionary } from './dict';

useStaticRange();

/**
 * A page of `text` spotted with a window that records the trace's time stamps and any
 * performance mark (the page's timeline, which nothing of ours may reach).
 */
function spotted(text: string) {
  const p = document.createElement('p');
  p.textContent = text;
  document.body.replaceChildren(p);
  const stamps: string[] = [];
  const marks: string[] = [];
  const win = {
    setTimeout: window.setTimeout.bind(window),
    clearTimeout: window.clearTimeout.bind(window),
    performance: {
      now: () => performance.now(),
      mark: (name: string) => marks.push(name),
    },
    MutationObserver: window.MutationObserver,
    console: { timeStamp: (label: string) => stamps.push(label) },
  } as unknown as Window & typeof globalThis;
  const abort = new AbortController();
  const spotting = createSpotting(abort.signal, {
    highlighter: new Highlighter(new Map<string, HighlightLike>(), FakeHighlight),
    scanOptions: { rendered: () => true },
    win,
  });
  spotting.setDictionary(onPage(testDictionary));
  const progress = () =>
    (win as unknown as Record<symbol, SpottingProgress | undefined>)[
      Symbol.for(SPOTTING_PROGRESS_NAME)
    ];
  return { spotting, stamps, marks, progress, abort };
}

describe("the spotter's progress", () => {
  it('tells the first name drawn and each full scan to its own global and the trace, never the page timeline', async () => {
    const page = spotted('Friedrich Merz met Volodymyr Zelenskyy.');
    await expect.poll(page.progress).toEqual({ firstHighlight: true, scansDone: 1 });
    expect([...page.stamps].sort()).toEqual([FIRST_HIGHLIGHT_STAMP, SCAN_DONE_STAMP]);

    // A rescan (a client-side navigation) is one more full scan; the first name was drawn once.
    page.spotting.rescan();
    await expect.poll(page.progress).toEqual({ firstHighlight: true, scansDone: 2 });
    expect(page.stamps.filter((s) => s === FIRST_HIGHLIGHT_STAMP)).toHaveLength(1);
    expect(page.stamps.filter((s) => s === SCAN_DONE_STAMP)).toHaveLength(2);
    expect(page.marks).toEqual([]);
    page.abort.abort();
  });

  it('on a page that names nobody, tells only the end of the scan', async () => {
    const page = spotted('Rain is expected over the weekend.');
    await expect.poll(page.progress).toEqual({ firstHighlight: false, scansDone: 1 });
    expect(page.stamps).toEqual([SCAN_DONE_STAMP]);
    expect(page.marks).toEqual([]);
    page.abort.abort();
  });
});
