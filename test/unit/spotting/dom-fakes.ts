/**
 * What happy-dom lacks for spotting tests: a highlight to register and `StaticRange`. A test file
 * calls `useStaticRange()` once at its top level.
 */
import { afterEach, beforeEach } from 'vitest';
import type { HighlightLike } from '@/utils/spotting/highlight';

export class FakeHighlight extends Set<AbstractRange> implements HighlightLike {}

/** happy-dom has no StaticRange: a plain stand-in with the same fields. */
class TestStaticRange {
  readonly startContainer: Node;
  readonly startOffset: number;
  readonly endContainer: Node;
  readonly endOffset: number;
  readonly collapsed = false;
  constructor(init: StaticRangeInit) {
    this.startContainer = init.startContainer;
    this.startOffset = init.startOffset;
    this.endContainer = init.endContainer;
    this.endOffset = init.endOffset;
  }
}

/** Installs the stand-in `StaticRange` before each test (and an empty body), restores after. */
export function useStaticRange(): void {
  const g = globalThis as { StaticRange?: unknown };
  const original = g.StaticRange;
  beforeEach(() => {
    g.StaticRange = TestStaticRange;
    document.body.replaceChildren();
  });
  afterEach(() => {
    g.StaticRange = original;
  });
}
