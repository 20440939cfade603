/**
 * The page's frequent words, for ranking topics by what the page is about. Only lower-case
 * words (names and sentence starts say little about the topic), read from the same text the
 * scanner reads, bounded in length and count. The words stay on the machine: they go to the
 * extension's own background only.
 */
import { isSkippedElement } from './scan';
import { PAGE_STOP_WORDS as STOP_WORDS } from './rule-words';

/** Characters of page text read for the word list: enough to know the topic of an article. */
const PAGE_WORDS_MAX_CHARS = 300_000;
/** Words reported, most frequent first. */
const PAGE_WORDS_COUNT = 100;

const WORD_RE = /[a-zà-ÿа-яёіїєґ]{4,30}/g;

/**
 * The most frequent lower-case words of the page's readable text: at most `limit` words of 4 to 30
 * letters, within what the background's request schema (`pageHintSchema`) accepts.
 */
export function pageWords(root: Node = document, limit = PAGE_WORDS_COUNT): string[] {
  const doc = root.nodeType === 9 ? (root as Document) : root.ownerDocument!;
  const walker = doc.createTreeWalker(doc.body ?? root, 4 /* SHOW_TEXT */);
  const counts = new Map<string, number>();
  const skipped = new Map<Element, boolean>();
  const isSkipped = (el: Element | null): boolean => {
    if (!el) return false;
    let v = skipped.get(el);
    if (v === undefined) {
      v = isSkippedElement(el) || isSkipped(el.parentElement);
      skipped.set(el, v);
    }
    return v;
  };
  let read = 0;
  for (let n = walker.nextNode(); n && read < PAGE_WORDS_MAX_CHARS; n = walker.nextNode()) {
    if (isSkipped(n.parentElement)) continue;
    const text = (n as Text).data;
    read += text.length;
    for (const m of text.matchAll(WORD_RE)) {
      const w = m[0];
      // Part of a capitalised word ("Merz" -> "erz"): not a lower-case word.
      const before = m.index > 0 ? text[m.index - 1]! : ' ';
      if (before !== before.toLowerCase() || STOP_WORDS.has(w)) continue;
      counts.set(w, (counts.get(w) ?? 0) + 1);
    }
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([w]) => w);
}
