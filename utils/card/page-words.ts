/**
 * The page's frequent words, sent with a card request so the background can put the topics the
 * page is about first. Only these words leave the content script, and only to the background.
 */

/** Characters of page text read at most: bounds the cost on very long pages. */
const MAX_TEXT_CHARS = 200_000;
/** Words sent at most (the message schema allows 400). */
export const MAX_PAGE_WORDS = 150;
/** Shorter words carry little topic signal. */
const MIN_WORD_CHARS = 4;
/** Longer tokens are not words (the message schema allows 60). */
const MAX_WORD_CHARS = 40;

/** Frequent English function words that say nothing about a topic. */
const STOP_WORDS = new Set(
  (
    'about after again against also although among another because been before being between ' +
    'both could does doing down during each even every from further have having here into ' +
    'itself just like more most much must never only other over said same says should since ' +
    'some such than that their them themselves then there these they this those through under ' +
    'until upon very were what when where which while will with would your yours year years'
  ).split(' '),
);

/** The most frequent content words of `root`'s text, most frequent first, lower case. */
export function pageWords(root: Node | null = document.body, limit = MAX_PAGE_WORDS): string[] {
  const text = (root?.textContent ?? '').slice(0, MAX_TEXT_CHARS).toLowerCase();
  const counts = new Map<string, number>();
  for (const [word] of text.matchAll(/\p{L}[\p{L}\p{M}'’-]*/gu)) {
    const w = word.replace(/['’-]+$/u, '');
    if (w.length < MIN_WORD_CHARS || w.length > MAX_WORD_CHARS || STOP_WORDS.has(w)) continue;
    counts.set(w, (counts.get(w) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1))
    .slice(0, limit)
    .map(([w]) => w);
}
