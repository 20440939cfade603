import { describe, expect, it } from 'vitest';
import { buildMatcher } from '@/utils/spotting/matcher';
import { resolveAll } from '@/utils/spotting/context';
import { isPluginElement, isSkippedElement, SubtreeScan, scanAll } from '@/utils/spotting/scan';
import { regionOf } from '@/utils/spotting/regions';
import { testDictionary } from './dict';

const matcher = buildMatcher(testDictionary);

function page(html: string): Document {
  return new DOMParser().parseFromString(html, 'text/html');
}

/**
 * Traps every property a script might read on each `<object>` and `<embed>` of `doc` (own
 * getters shadow the prototype's, as Chromium's plugin interceptor does) and returns the names
 * read by the code under test since, in order. In Chromium any such read may force a layout and
 * set the plugin up. Reads by the DOM implementation itself (happy-dom's own tree walking) are
 * not the scanner's and are left out, as are the test's own before `watchPlugins` returns.
 */
function watchPlugins(doc: Document): () => string[] {
  const read: string[] = [];
  const names = new Set<string>();
  const sample = doc.createElement('object');
  for (let p: object | null = Object.getPrototypeOf(sample); p && p !== Object.prototype;) {
    for (const name of Object.getOwnPropertyNames(p)) if (name !== 'constructor') names.add(name);
    p = Object.getPrototypeOf(p) as object | null;
  }
  for (const el of doc.querySelectorAll('object, embed')) {
    for (const name of names) {
      const real = Reflect.get(el, name) as unknown;
      Object.defineProperty(el, name, {
        configurable: true,
        get: () => {
          // The frame that asked: the line below this getter's own in the stack.
          const caller = new Error().stack?.split('\n')[2] ?? '';
          if (!caller.includes('happy-dom')) read.push(name);
          return typeof real === 'function'
            ? (real as (...a: unknown[]) => unknown).bind(el)
            : real;
        },
      });
    }
  }
  return () => read;
}

/** [actor, text] of every mention of a page, the page's context applied. */
function spot(html: string): [string, string][] {
  const doc = page(html);
  const found = scanAll(doc, matcher).map((f) => ({ ...f.candidate, f }));
  return resolveAll(found).map(({ c, actorId }) => [actorId, c.f.text]);
}

describe('scan', () => {
  it('finds a name split across inline elements as one mention spanning the nodes', () => {
    const doc = page('<p>Talks: <b>Volodymyr</b> <i>Zelen</i>skyy said</p>');
    const [f, ...rest] = scanAll(doc, matcher);
    expect(rest).toEqual([]);
    expect(f!.text).toBe('Volodymyr Zelenskyy');
    expect(f!.startNode.data).toBe('Volodymyr');
    expect(f!.startOffset).toBe(0);
    expect(f!.endNode.data).toBe('skyy said');
    expect(f!.endOffset).toBe(4);
  });

  it('never joins text across block boundaries or line-break elements', () => {
    expect(spot('<div>Volodymyr</div><div>Zelenskyy</div>')).toEqual([]);
    expect(spot('<p>Volodymyr<br>Zelenskyy</p>')).toEqual([]);
    expect(spot('<p>Volodymyr <div>x</div> Zelenskyy</p>')).toEqual([]);
    expect(spot('<ul><li>Friedrich</li><li>Merz</li></ul>')).toEqual([['merz', 'Merz']]);
  });

  it('keeps words on either side of an inline edge apart when they are apart', () => {
    expect(spot('<p><a href="#">Merz</a>ig is a town</p>')).toEqual([]);
    expect(spot('<p>Un<b>Merz</b></p>')).toEqual([]);
  });

  it('takes blank text inside a skipped element like any blank text: it changes nothing', () => {
    const plain = '<div>\n  <p>Friedrich Merz</p>\n  <p>Volodymyr <b>Zelenskyy</b></p></div>';
    const blanks =
      '<div><script>\n  </script><object>\n  <param name="a">\n</object>\n  ' +
      '<p>Friedrich Merz</p><template>\n</template><select>\n</select>\n  ' +
      '<p>Volodymyr <b>Zelenskyy</b></p></div>';
    expect(spot(blanks)).toEqual(spot(plain));
    expect(spot(blanks)).toEqual([
      ['merz', 'Friedrich Merz'],
      ['zelenskyy', 'Volodymyr Zelenskyy'],
    ]);
  });

  it('skips white space that opens a line without looking at its parent element', () => {
    const doc = page('<div><object>\n  <param name="a">\n  </object></div><p>Friedrich Merz</p>');
    const object = doc.querySelector('object')!;
    let looked = 0;
    for (const name of ['localName', 'tagName', 'nodeName', 'hasAttribute', 'getAttribute']) {
      const real = Reflect.get(object, name) as unknown;
      Object.defineProperty(object, name, {
        get: () => {
          looked++;
          return real;
        },
      });
    }
    expect(scanAll(doc, matcher).map((f) => f.text)).toEqual(['Friedrich Merz']);
    expect(looked).toBe(0);
  });

  it('never reads a property of an <object> or <embed>, and skips their fallback text', () => {
    const doc = page(
      '<div><object data="a.swf">Friedrich Merz<param name="a"></object></div>' +
        '<object data="b.swf"><p>Volodymyr <b>Zelenskyy</b></p><span>Donald Trump</span></object>' +
        '<p>Volodymyr Zelenskyy and <b>Friedrich</b> <embed src="c.swf">Merz</p>' +
        '<p>Chancellor Merz</p>',
    );
    // An <embed> ends a line as a <br> does; fallback content is not page text.
    const same = page(
      '<div></div><p>Volodymyr Zelenskyy and <b>Friedrich</b> <br>Merz</p><p>Chancellor Merz</p>',
    );
    const read = watchPlugins(doc);
    const found = scanAll(doc, matcher).map((f) => f.text);
    expect(found).toEqual(scanAll(same, matcher).map((f) => f.text));
    expect(found).toEqual(['Volodymyr Zelenskyy', 'Merz', 'Merz']);
    expect(read()).toEqual([]);
  });

  it('tells plugin elements by their prototype alone', () => {
    const doc = page('<object></object><embed><p>x</p><iframe></iframe>');
    const els = [...doc.body.children];
    const read = watchPlugins(doc);
    expect(els.map((el) => isPluginElement(el))).toEqual([true, true, false, false]);
    expect(isPluginElement(doc.createTextNode('x'))).toBe(false);
    expect(els.map((el) => isSkippedElement(el))).toEqual([true, true, false, true]);
    expect(read()).toEqual([]);
  });

  it('gives no change region for a plugin element or the text inside one, without reading it', () => {
    const doc = page(
      '<p>Friedrich <span>Merz</span></p><object>fallback<span>text</span></object><embed>',
    );
    const [p, object, embed] = [...doc.body.children];
    const [fallback, span] = [...object!.childNodes];
    const read = watchPlugins(doc);
    expect(regionOf(p!.lastChild!.firstChild!, doc.body)).toBe(p);
    expect(regionOf(object!, doc.body)).toBeNull();
    expect(regionOf(embed!, doc.body)).toBeNull();
    expect(regionOf(fallback!, doc.body)).toBeNull();
    expect(regionOf(span!.firstChild!, doc.body)).toBeNull();
    expect(read()).toEqual([]);
  });

  it('skips scripts, styles, form controls, templates, editable and hidden regions', () => {
    const html = `<body>
      <script>var s = "Friedrich Merz";</script><style>/* Friedrich Merz */</style>
      <noscript>Friedrich Merz</noscript><template>Friedrich Merz</template>
      <textarea>Friedrich Merz</textarea><select><option>Friedrich Merz</option></select>
      <div contenteditable="true"><p>Friedrich Merz</p></div>
      <div contenteditable="false">Friedrich Merz (a)</div>
      <section hidden><p>Friedrich Merz</p></section>
      <standpoint-card-host>Friedrich Merz</standpoint-card-host>
      <p title="Friedrich Merz" data-name="Friedrich Merz">no name here</p>
      <p aria-hidden="true">Friedrich Merz (b)</p>
    </body>`;
    expect(spot(html)).toEqual([
      ['merz', 'Friedrich Merz'],
      ['merz', 'Friedrich Merz'],
    ]);
  });

  it('skips content that is not rendered, as far as the DOM can tell', () => {
    const html = '<p style="display:none">Friedrich Merz</p><p>Chancellor Merz</p>';
    const doc = page(html);
    const found = scanAll(doc, matcher, {
      rendered: (el) => el.getAttribute('style') !== 'display:none',
    });
    expect(found.map((f) => f.text)).toEqual(['Merz']);
  });

  it('applies the page context across blocks (a full name later makes a surname count)', () => {
    expect(
      spot('<h1>Zelenskyy in Berlin</h1><p>Volodymyr Zelenskyy met Friedrich Merz.</p>'),
    ).toEqual([
      ['zelenskyy', 'Zelenskyy'],
      ['zelenskyy', 'Volodymyr Zelenskyy'],
      ['merz', 'Friedrich Merz'],
    ]);
  });

  it('reads entities, no-break spaces and soft hyphens the page carries', () => {
    expect(spot('<p>Volodymyr&nbsp;Zelen&shy;skyy&rsquo;s aide</p>')).toEqual([
      ['zelenskyy', 'Volodymyr\u00A0Zelen\u00ADskyy'],
    ]);
  });

  it('does not change the document', () => {
    const doc = page('<main><p>Friedrich <b>Merz</b> met Donald Trump.</p></main>');
    const before = new XMLSerializer().serializeToString(doc);
    scanAll(doc, matcher);
    expect(new XMLSerializer().serializeToString(doc)).toBe(before);
  });

  it('works in slices and resumes where it stopped', () => {
    const paragraphs = Array.from({ length: 200 }, (_, i) => `<p>Item ${i}: Friedrich Merz.</p>`);
    const doc = page(paragraphs.join(''));
    const scan = new SubtreeScan(doc, matcher);
    const found: string[] = [];
    let slices = 0;
    while (
      !scan.step(
        (f) => found.push(f.text),
        () => true,
      )
    )
      slices++;
    expect(slices).toBeGreaterThan(3);
    expect(found).toHaveLength(200);
  });

  it('checks its budget on long runs of skipped text too', () => {
    const hidden = Array.from({ length: 100 }, (_, i) => `<script>var x${i} = 1;</script>`);
    const doc = page(`${hidden.join('')}<p>Friedrich Merz.</p>`);
    const scan = new SubtreeScan(doc.body, matcher);
    let checks = 0;
    const done = scan.step(
      () => undefined,
      () => {
        checks++;
        return false;
      },
    );
    expect(done).toBe(true);
    expect(checks).toBeGreaterThanOrEqual(100 / 16 - 1);
  });

  it('starts over when the page removed the node it stopped at', () => {
    const paragraphs = Array.from({ length: 100 }, (_, i) => `<p>${i} Friedrich Merz</p>`);
    const doc = page(paragraphs.join(''));
    const scan = new SubtreeScan(doc.body, matcher);
    const found = new Set<Text>();
    scan.step(
      (f) => found.add(f.startNode),
      () => true,
    );
    const stoppedAt = scan['walker'].currentNode as Text;
    stoppedAt.parentNode!.parentNode!.removeChild(stoppedAt.parentNode!);
    while (
      !scan.step(
        (f) => found.add(f.startNode),
        () => true,
      )
    );
    expect(found.size).toBeGreaterThanOrEqual(99);
    expect([...found].filter((t) => t.isConnected)).toHaveLength(99);
  });
});
