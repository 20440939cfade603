import { describe, expect, it } from 'vitest';
import { createSpotting, type SpottingController } from '@/utils/spotting/controller';
import { Highlighter, type HighlightLike } from '@/utils/spotting/highlight';
import { FakeHighlight, useStaticRange } from './dom-fakes';
import { onPage, testDictionary } from './dict';

useStaticRange();

function setup(html: string, rendered: (el: Element) => boolean = () => true) {
  const doc = document;
  const parsed = new DOMParser().parseFromString(html, 'text/html');
  doc.body.replaceChildren(...[...parsed.body.childNodes].map((n) => doc.importNode(n, true)));
  const registry = new Map<string, HighlightLike>();
  const abort = new AbortController();
  const spotting = createSpotting(abort.signal, {
    highlighter: new Highlighter(registry, FakeHighlight),
    scanOptions: { rendered },
  });
  return { doc, registry, abort, spotting };
}

const texts = (s: SpottingController) => s.index.all().map((m) => `${m.actorId}:${m.text}`);

describe('spotting controller', () => {
  it('scans the page, highlights, and reports first-mention order and counts', async () => {
    const { registry, spotting, abort } = setup(
      '<h1>Merz meets Zelenskyy</h1><p>Volodymyr Zelenskyy and Chancellor Merz.</p>',
    );
    let notified = 0;
    spotting.index.subscribe(() => notified++);
    spotting.setDictionary(onPage(testDictionary));
    await expect
      .poll(() => texts(spotting))
      .toEqual(['merz:Merz', 'zelenskyy:Zelenskyy', 'zelenskyy:Volodymyr Zelenskyy', 'merz:Merz']);
    expect(registry.get('standpoint-mention')!.size).toBe(4);
    expect(notified).toBeGreaterThan(0);
    expect(spotting.summary()).toEqual({
      actorIds: ['merz', 'zelenskyy'],
      counts: { merz: 2, zelenskyy: 2 },
    });
    abort.abort();
    expect(registry.size).toBe(0);
  });

  it('draws the first name as soon as a slice holds it, and the rest in later slices', async () => {
    const many = Array.from({ length: 200 }, (_, i) => `<p>Line ${i}: Friedrich Merz spoke.</p>`);
    const { spotting, abort } = setup(many.join(''));
    const seen: number[] = [];
    spotting.index.subscribe(() => seen.push(spotting.index.all().length));
    spotting.setDictionary(onPage(testDictionary));
    await expect.poll(() => texts(spotting).length).toBe(200);
    // The slice that found the first name stopped at its next budget check (every 16 text
    // nodes), long before its time was up.
    expect(seen[0]).toBeGreaterThan(0);
    expect(seen[0]).toBeLessThanOrEqual(16);
    abort.abort();
  });

  it('follows added, changed and removed text', async () => {
    const { doc, spotting, abort } = setup('<div id="feed"><p>Friedrich Merz spoke.</p></div>');
    spotting.setDictionary(onPage(testDictionary));
    await expect.poll(() => texts(spotting)).toEqual(['merz:Friedrich Merz']);

    const p = doc.createElement('p');
    p.append('Later ', Object.assign(doc.createElement('b'), { textContent: 'Donald' }), ' Trump');
    doc.getElementById('feed')!.append(p);
    await expect.poll(() => texts(spotting)).toEqual(['merz:Friedrich Merz', 'trump:Donald Trump']);

    doc.querySelector('p')!.remove();
    await expect.poll(() => texts(spotting)).toEqual(['trump:Donald Trump']);

    (p.lastChild as Text).data = ' Duck';
    await expect.poll(() => texts(spotting)).toEqual([]);
    abort.abort();
  });

  it('switching off clears every highlight; on scans again; a new dictionary rescans', async () => {
    const { registry, spotting, abort } = setup('<p>Friedrich Merz and Donald Trump</p>');
    spotting.setDictionary(onPage(testDictionary));
    await expect.poll(() => texts(spotting).length).toBe(2);
    spotting.setEnabled(false);
    expect(texts(spotting)).toEqual([]);
    expect(registry.get('standpoint-mention')!.size).toBe(0);
    spotting.setEnabled(true);
    await expect.poll(() => texts(spotting).length).toBe(2);
    spotting.setDictionary(
      onPage({
        ...testDictionary,
        version: 'only-trump',
        actors: testDictionary.actors.filter((a) => a.id === 'trump'),
      }),
    );
    await expect.poll(() => texts(spotting)).toEqual(['trump:Donald Trump']);
    spotting.setStyle('background');
    expect([...registry.keys()]).toEqual(['standpoint-mention-background']);
    abort.abort();
  });

  it('promotes a bare surname once the page names the person in full, even later', async () => {
    const { doc, spotting, abort } = setup('<p>Zelenskyy arrived.</p>');
    spotting.setDictionary(onPage(testDictionary));
    await new Promise((r) => setTimeout(r, 50));
    expect(texts(spotting)).toEqual([]);
    doc.body.append(Object.assign(doc.createElement('p'), { textContent: 'Volodymyr Zelenskyy' }));
    await expect
      .poll(() => texts(spotting))
      .toEqual(['zelenskyy:Zelenskyy', 'zelenskyy:Volodymyr Zelenskyy']);
    abort.abort();
  });

  it('does not change the page', async () => {
    const html = '<main><p>Friedrich <i>Merz</i> met Donald Trump.</p></main>';
    const { doc, spotting, abort } = setup(html);
    const before = new XMLSerializer().serializeToString(doc);
    spotting.setDictionary(onPage(testDictionary));
    await expect.poll(() => texts(spotting).length).toBe(2);
    expect(new XMLSerializer().serializeToString(doc)).toBe(before);
    abort.abort();
  });

  it('finds a hidden name once the page shows it by a class change', async () => {
    const { doc, spotting, abort } = setup(
      '<p>Donald Trump</p><div class="collapsed"><p>Friedrich Merz</p></div>',
      (el) => !el.closest('.collapsed'),
    );
    spotting.setDictionary(onPage(testDictionary));
    await expect.poll(() => texts(spotting)).toEqual(['trump:Donald Trump']);
    doc.querySelector('.collapsed')!.className = 'expanded';
    await expect.poll(() => texts(spotting)).toEqual(['trump:Donald Trump', 'merz:Friedrich Merz']);
    abort.abort();
  });

  it('starts over on a client-side navigation, forgetting who the old page named', async () => {
    const { doc, spotting, abort } = setup(
      '<main><p>Volodymyr Zelenskyy. Zelenskyy said.</p></main>',
    );
    spotting.setDictionary(onPage(testDictionary));
    await expect.poll(() => texts(spotting).length).toBe(2);

    // A jump to an anchor is the same page: the context stays.
    history.pushState({}, '', '#details');
    doc
      .querySelector('main')!
      .append(Object.assign(doc.createElement('p'), { textContent: 'Zelenskyy' }));
    await expect.poll(() => texts(spotting).length).toBe(3);

    history.pushState({}, '', '/next-story');
    const p = Object.assign(doc.createElement('p'), { textContent: 'Zelenskyy arrived.' });
    doc.querySelector('main')!.replaceChildren(p);
    await new Promise((r) => setTimeout(r, 100));
    await expect.poll(() => texts(spotting)).toEqual([]);
    abort.abort();
  });
});
