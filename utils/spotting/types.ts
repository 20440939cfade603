/**
 * What the spotter hands to the rest of the content script: the mentions it found and a way to
 * find the one under the pointer. The card controller depends only on this interface.
 */
export interface Mention {
  actorId: string;
  /** The exact text on the page, across nodes when the name spans inline elements. */
  text: string;
  /** Static, so page edits stay fast; may span several text nodes. */
  range: StaticRange;
}

export interface MentionIndex {
  /**
   * The mention under a viewport point, or null. Must cost well under 1 ms. `target`, when
   * given, is the element a pointer event at that point was dispatched to (not captured): the
   * index may answer from it alone when no name's text is in it.
   */
  mentionAt(clientX: number, clientY: number, target?: EventTarget | null): Mention | null;
  /**
   * False when `target`, the element a pointer is over, holds no name's text among its child
   * nodes: no point of it is on a name, wherever the pointer is in it. True when unsure.
   */
  mayHoldMention(target: EventTarget | null): boolean;
  /** Every current mention in document order. */
  all(): readonly Mention[];
  /** Called with no arguments whenever the set of mentions changes; returns the unsubscribe. */
  subscribe(cb: () => void): () => void;
}
