/**
 * An article's text cut into the pieces a draft reasons about, all as UTF-16 offsets into the
 * unchanged text: paragraphs (lines), sentences (`Intl.Segmenter`, built into every engine) and
 * quotations (typographic and straight marks, nested quotes kept inside their outer quote).
 */

export interface Span {
  start: number;
  end: number;
}

export interface Sentence extends Span {
  /** 1-based paragraph number, for the review comments (¶2). */
  paragraph: number;
}

export interface Quote extends Span {
  /** The words inside the marks, without a final full stop or comma that sits inside them. */
  inner: Span;
}

/** Every sentence of the text in order, trimmed of surrounding white space. */
export function sentencesOf(text: string, language = 'en'): Sentence[] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  const out: Sentence[] = [];
  let paragraph = 0;
  let lineStart = 0;
  for (const line of text.split('\n')) {
    const lineEnd = lineStart + line.length;
    if (line.trim() !== '') {
      paragraph++;
      for (const seg of segmenter.segment(line)) {
        const span = trim(text, lineStart + seg.index, lineStart + seg.index + seg.segment.length);
        if (span.end > span.start) out.push({ ...span, paragraph });
      }
    }
    lineStart = lineEnd + 1;
  }
  return mergeInsideQuotes(text, out);
}

/** `start`/`end` moved inward past white space. */
export function trim(text: string, start: number, end: number): Span {
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}

const isLetter = (ch: string | undefined) => ch !== undefined && /[\p{L}\p{N}]/u.test(ch);

/**
 * The top-level quotations of a text, in order. A quote inside a quote belongs to the outer one
 * (it is the speaker quoting someone, not a quote of its own). An apostrophe (a ’ or ' between
 * letters, as in "Ukraine’s") closes nothing. Quotes left open at a line end are dropped.
 */
export function quotesOf(text: string): Quote[] {
  const out: Quote[] = [];
  const stack: { mark: 'double' | 'single'; at: number }[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const prev = text[i - 1];
    const next = text[i + 1];
    if (ch === '\n') {
      stack.length = 0;
      continue;
    }
    let kind: 'open' | 'close' | null = null;
    let mark: 'double' | 'single' = 'double';
    if (ch === '“' || ch === '„' || ch === '«') kind = 'open';
    else if (ch === '”' || ch === '»') kind = 'close';
    else if (ch === '"') {
      const top = stack.at(-1);
      kind = top?.mark === 'double' && !isLetter(next) ? 'close' : isLetter(prev) ? null : 'open';
    } else if (ch === '‘' || ch === '’' || ch === "'") {
      mark = 'single';
      const top = stack.at(-1);
      if (isLetter(prev) && isLetter(next))
        kind = null; // an apostrophe
      else if (ch === '‘') kind = 'open';
      else if (top?.mark === 'single' && !isLetter(next)) kind = 'close';
      else if (!isLetter(prev) && isLetter(next)) kind = 'open';
    }
    if (kind === 'open') stack.push({ mark, at: i });
    else if (kind === 'close') {
      const idx = stack.map((s) => s.mark).lastIndexOf(mark);
      if (idx < 0) continue;
      const open = stack[idx]!;
      stack.length = idx;
      if (idx === 0) out.push({ start: open.at, end: i + 1, inner: innerOf(text, open.at + 1, i) });
    }
  }
  return out;
}

function innerOf(text: string, start: number, end: number): Span {
  let s = trim(text, start, end);
  while (s.end > s.start && /[.,;:]/.test(text[s.end - 1]!)) s = trim(text, s.start, s.end - 1);
  return s;
}

/**
 * Joins sentences the segmenter cut inside a quotation (“We will not yield. Never,” she said.),
 * so a quote and its attribution stay in one sentence.
 */
function mergeInsideQuotes(text: string, sentences: Sentence[]): Sentence[] {
  const quotes = quotesOf(text);
  const out: Sentence[] = [];
  for (const s of sentences) {
    const last = out.at(-1);
    const inside = quotes.some((q) => q.start < s.start && q.end > s.start);
    if (last && inside && last.paragraph === s.paragraph) last.end = s.end;
    else out.push({ ...s });
  }
  return out;
}
