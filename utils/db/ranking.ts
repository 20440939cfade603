/**
 * Ranking topics by what a page is about: a topic scores one point per keyword whose every word
 * appears among the page's frequent words. Light stemming lets `sanction` meet `sanctions`.
 */
import { normalizeName } from '../fold';

/** A page word may extend a keyword word by at most this many letters (plural, -ed, -ing). */
const MAX_SUFFIX_CHARS = 3;
/** Keyword words shorter than this must match exactly: short words extend into unrelated ones. */
const MIN_STEM_CHARS = 4;

/** The page's words, folded, as a set for scoring. */
export function pageWordSet(pageWords: readonly string[] | undefined): Set<string> {
  return new Set((pageWords ?? []).map(normalizeName).filter(Boolean));
}

function wordMatches(keywordWord: string, page: Set<string>, pageList: string[]): boolean {
  if (page.has(keywordWord)) return true;
  if (keywordWord.length < MIN_STEM_CHARS) return false;
  return pageList.some(
    (w) => w.startsWith(keywordWord) && w.length - keywordWord.length <= MAX_SUFFIX_CHARS,
  );
}

/** How strongly a page (its word set) is about a topic with these keywords; 0 = not at all. */
export function topicScore(keywords: readonly string[], page: Set<string>): number {
  if (page.size === 0) return 0;
  const pageList = [...page];
  let score = 0;
  for (const keyword of keywords) {
    const words = normalizeName(keyword)
      .split(/[^\p{L}\p{N}]+/u)
      .filter(Boolean);
    if (words.length > 0 && words.every((w) => wordMatches(w, page, pageList))) score += 1;
  }
  return score;
}
