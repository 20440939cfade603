/**
 * A word list written as one string and turned into a Set on its first lookup. The always-on
 * content script holds several such lists; building them when the script is evaluated put their
 * cost into the page's load task, on pages that may never need them.
 */
export interface WordSet {
  has(word: string): boolean;
}

/** The words of `text` (split on white space), as a set built on first use. */
export function wordSet(text: string): WordSet {
  let set: ReadonlySet<string> | null = null;
  return {
    has(word) {
      set ??= new Set(text.split(/\s+/).filter(Boolean));
      return set.has(word);
    },
  };
}
