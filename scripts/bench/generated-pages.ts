/**
 * Pages the bench writes itself: a 2 MB article with a name about every 2 KB (the page that shows
 * whether the scan scales), and a page that keeps changing (the cost of following a live page).
 * Text is made from a fixed seed, so every run measures the same pages.
 */

/** Size of the long article's text, characters. */
const LONG_PAGE_CHARS = 2_000_000;
/** Distance between two names in the long article, characters. */
const NAME_EVERY_CHARS = 2_000;
/** The changing page appends one paragraph this often, ms. */
const APPEND_EVERY_MS = 50;
/** … for this long, ms. */
export const CHANGING_FOR_MS = 10_000;

const WORDS = (
  'the talks in the capital went on late into the night while officials from both sides weighed ' +
  'a draft that would freeze the front line and open a path to elections observers said the ' +
  'proposal left key questions open about security guarantees sanctions relief and the return ' +
  'of prisoners a spokesman declined to comment on the details but said progress had been made ' +
  'markets rose on the news energy prices fell and analysts cautioned that previous rounds had ' +
  'collapsed at the last minute over the sequencing of steps and the role of outside monitors'
).split(' ');

/** A small deterministic generator (a linear congruential one), so pages are identical per run. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

function sentence(rnd: () => number, words: number): string {
  const out: string[] = [];
  for (let i = 0; i < words; i++) out.push(WORDS[Math.floor(rnd() * WORDS.length)]!);
  const s = out.join(' ');
  return s[0]!.toUpperCase() + s.slice(1) + '.';
}

/** Text only; the generators below write it as HTML text, never as markup. */
function escapeText(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** Paragraph bodies of about `chars` characters with one name, wrapped the ways pages do it. */
function paragraph(rnd: () => number, names: readonly string[], chars: number, i: number): string {
  const before: string[] = [];
  let length = 0;
  while (length < chars / 2) {
    const s = sentence(rnd, 8 + Math.floor(rnd() * 14));
    before.push(s);
    length += s.length + 1;
  }
  const after: string[] = [];
  while (length < chars) {
    const s = sentence(rnd, 8 + Math.floor(rnd() * 14));
    after.push(s);
    length += s.length + 1;
  }
  const name = escapeText(names[i % names.length]!);
  // Every third name sits in a link, every fifth in emphasis: inline edges the scanner joins across.
  const tagged =
    i % 3 === 0 ? `<a href="#p${i}">${name}</a>` : i % 5 === 0 ? `<em>${name}</em>` : name;
  return `${escapeText(before.join(' '))} ${tagged} said on ${escapeText(after.join(' '))}`;
}

const HEAD = (title: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeText(title)}</title>` +
  '<style>body{font:17px/1.6 Georgia,serif;max-width:42em;margin:2em auto;padding:0 1em}</style></head>';

/** The long article: `LONG_PAGE_CHARS` of text in paragraphs, a name every `NAME_EVERY_CHARS`. */
export function longArticleHtml(names: readonly string[]): string {
  const rnd = random(20251130);
  const parts: string[] = [
    HEAD('A very long article'),
    '<body><article><h1>A very long article</h1>',
  ];
  let chars = 0;
  for (let i = 0; chars < LONG_PAGE_CHARS; i++) {
    if (i % 40 === 0) parts.push(`<h2>Part ${i / 40 + 1}</h2>`);
    const p = paragraph(rnd, names, NAME_EVERY_CHARS, i);
    parts.push(`<p id="p${i}">${p}</p>`);
    chars += p.length;
  }
  parts.push('</article></body></html>');
  return parts.join('\n');
}

/**
 * A page that appends a paragraph every `APPEND_EVERY_MS` for `CHANGING_FOR_MS`, like a live
 * blog or an infinite feed; half the paragraphs name someone. When it stops it sets
 * `data-bench-done` on <html>.
 */
export function changingPageHtml(names: readonly string[]): string {
  const rnd = random(7);
  const texts: string[] = [];
  const count = Math.ceil(CHANGING_FOR_MS / APPEND_EVERY_MS);
  for (let i = 0; i < count; i++) {
    texts.push(
      i % 2 === 0 ? paragraph(rnd, names, 600, i).replace(/<[^>]+>/g, '') : sentence(rnd, 90),
    );
  }
  const intro: string[] = [];
  for (let i = 0; i < 20; i++) intro.push(`<p>${paragraph(rnd, names, 800, i)}</p>`);
  // The script is the page's own; it adds text with textContent, never as markup.
  const script = `
const texts = ${JSON.stringify(texts)};
let i = 0;
const feed = document.getElementById('feed');
const timer = setInterval(() => {
  const p = document.createElement('p');
  p.textContent = texts[i++];
  feed.append(p);
  if (i >= texts.length) { clearInterval(timer); document.documentElement.dataset.benchDone = ''; }
}, ${APPEND_EVERY_MS});`;
  return [
    HEAD('Live: a page that keeps changing'),
    '<body><article><h1>Live updates</h1>',
    ...intro,
    '<section id="feed"></section></article>',
    `<script>${script}</script></body></html>`,
  ].join('\n');
}
