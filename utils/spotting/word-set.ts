/**
 * A word list given as one string and turned into a Set on its first lookup: building sets when
 * the content script is evaluated would put their cost into the page's load task, on pages that
 * may never need them.
 */
export class WordSet {
  private set: ReadonlySet<string> | null = null;

  constructor(private text = '') {}

  /** True when `word` is one of the list's words. */
  has(word: string): boolean {
    this.set ??= new Set(this.text.split(/\s+/).filter(Boolean));
    return this.set.has(word);
  }

  /** Uses another list from now on. */
  reset(text: string): void {
    this.text = text;
    this.set = null;
  }
}
