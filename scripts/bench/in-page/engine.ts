/**
 * The measurements that run inside a page, bundled into one script by ../page-bundle.ts and
 * injected into the page's main world. It uses the very modules the content script uses
 * (matcher, scanner, mention store, highlighter), so the scan measured here is the extension's
 * scan, minus the slicing between idle periods (measured on the real extension elsewhere).
 *
 * Each run starts from a fresh copy of the page's body (see `freshBody`), so runs do not see each
 * other's marks, splits or highlights, and times one thing once: the timer has 5 µs steps on the
 * bench's cross-origin-isolated pages.
 */
import type { Dictionary } from '@/utils/views';
import { buildMatcher, type Matcher } from '@/utils/spotting/matcher';
import { SubtreeScan } from '@/utils/spotting/scan';
import { MentionStore } from '@/utils/spotting/mentions';
import { Highlighter } from '@/utils/spotting/highlight';

/** The global the bundle defines: the Node side calls these through `page.evaluate`. */
export interface BenchEngine {
  /** Builds the matcher and the baselines' pattern, and keeps an untouched copy of the body. */
  prepare(dictionary: Dictionary, terms: string[]): void;
  /** On a fresh copy of the body: one timed run of `what`. */
  run(what: Measured): { ms: number; found: number };
}

/**
 * What can be timed: the floor, Standpoint's scan, the plain approach, mark.js, and the page's
 * own text edits with no highlights, with our (static) highlights, or with live-Range ones.
 */
export type Measured =
  'floor' | 'scan' | 'plain' | 'markjs' | 'edits-none' | 'edits-static' | 'edits-live';

/** Text nodes the DOM-edit script splits and edits: enough to dominate timer steps, bounded for 2 MB pages. */
const MAX_EDITED_NODES = 4_000;
/** The shortest text node worth splitting, in characters. */
const MIN_EDITED_LENGTH = 8;
/** Registry name for the baselines' highlights, apart from the extension's own names. */
const BENCH_HIGHLIGHT = 'standpoint-bench';

interface MarkInstance {
  mark(terms: string[], options: Record<string, unknown>): void;
}
type MarkCtor = new (root: Element) => MarkInstance;

let matcher: Matcher | null = null;
let terms: string[] = [];
let pristine: HTMLElement | null = null;
let plainRe: RegExp | null = null;

const now = () => performance.now();

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Every text node under `root`, without any rules. */
function walkText(root: Node, visit: (t: Text) => void): void {
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) visit(n as Text);
}

/**
 * Puts back an untouched copy of the body, drops every highlight, and brings style and layout
 * up to date, as they are on a page that has been shown (the content script starts at
 * `document_idle`): no run pays for the previous run's leftovers.
 */
function freshBody(): void {
  if (!pristine) throw new Error('prepare() first');
  CSS.highlights.clear();
  document.body.replaceWith(pristine.cloneNode(true));
  void document.body.getBoundingClientRect();
}

/** The floor: a TreeWalker reading every text node's value, nothing else. */
function floor(): number {
  let chars = 0;
  const walker = document.createTreeWalker(document, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) chars += n.nodeValue!.length;
  return chars;
}

/** Standpoint's scan of the whole document into its highlight, as the content script does it. */
function scan(): { highlighter: Highlighter; mentions: number } {
  const highlighter = new Highlighter();
  const store = new MentionStore(highlighter, document);
  new SubtreeScan(document, matcher!).step((f) => store.offer(f));
  store.notifyIfChanged();
  return { highlighter, mentions: store.all().length };
}

/** One precompiled RegExp over each text node, ranges into CSS.highlights, no rules. */
function plain(): number {
  const re = plainRe!;
  const highlight = new Highlight();
  walkText(document.body, (node) => {
    const text = node.data;
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const end = m.index + m[0].length;
      highlight.add(
        new StaticRange({
          startContainer: node,
          startOffset: m.index,
          endContainer: node,
          endOffset: end,
        }),
      );
    }
  });
  CSS.highlights.set(BENCH_HIGHLIGHT, highlight);
  return highlight.size;
}

/** mark.js as its documentation suggests for whole names: no word splitting, exact word bounds. */
function markJs(): number {
  const Mark = (globalThis as unknown as { Mark?: MarkCtor }).Mark;
  if (!Mark) throw new Error('mark.js is not loaded');
  let marks = 0;
  new Mark(document.body).mark(terms, {
    separateWordSearch: false,
    accuracy: { value: 'exactly', limiters: [...',.;:!?\'"()[]{}«»“”‘’—–/'] },
    done: (count: number) => (marks = count),
  });
  return marks;
}

/** Puts highlights on the page for the edit runs: ours (static ranges) or the same as live ranges. */
function highlightFor(what: Measured): void {
  // Every variant scans first, so all three edit text the scanner has already read.
  const { highlighter } = scan();
  if (what === 'edits-none') {
    highlighter.dispose();
    return;
  }
  if (what === 'edits-static') return;
  const live = new Highlight();
  for (const r of CSS.highlights.get('standpoint-mention') ?? []) {
    const range = document.createRange();
    range.setStart(r.startContainer, r.startOffset);
    range.setEnd(r.endContainer, r.endOffset);
    live.add(range);
  }
  highlighter.dispose();
  CSS.highlights.set(BENCH_HIGHLIGHT, live);
}

/** The text nodes the edit script works on, found before timing starts. */
function editableNodes(): Text[] {
  const nodes: Text[] = [];
  walkText(document.body, (node) => {
    const parent = node.parentElement?.localName;
    if (nodes.length >= MAX_EDITED_NODES || node.length < MIN_EDITED_LENGTH) return;
    if (parent !== 'script' && parent !== 'style') nodes.push(node);
  });
  return nodes;
}

/** A page's own edits: split a text node, type into both halves, delete, merge back. */
function edit(nodes: readonly Text[]): number {
  for (const node of nodes) {
    const tail = node.splitText(node.length >> 1);
    tail.insertData(0, 'x');
    node.appendData('y');
    tail.deleteData(0, 1);
    node.deleteData(node.length - 1, 1);
    node.appendData(tail.data);
    tail.remove();
  }
  return nodes.length;
}

const engine: BenchEngine = {
  prepare(dictionary, aliasTerms) {
    matcher = buildMatcher(dictionary);
    terms = aliasTerms;
    // Longest first, bounded by anything that is not a letter or digit.
    const alternation = [...terms]
      .sort((a, b) => b.length - a.length)
      .map(escapeRegExp)
      .join('|');
    plainRe = new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternation})(?![\\p{L}\\p{N}])`, 'gu');
    pristine = document.body.cloneNode(true) as HTMLElement;
  },

  run(what) {
    freshBody();
    // Setup outside the timing: the edit variants put their highlights up and pick their nodes.
    const nodes = what.startsWith('edits-') ? (highlightFor(what), editableNodes()) : [];
    const t0 = now();
    let found: number;
    if (what === 'floor') found = floor();
    else if (what === 'scan') found = scan().mentions;
    else if (what === 'plain') found = plain();
    else if (what === 'markjs') found = markJs();
    else found = edit(nodes);
    const ms = now() - t0;
    CSS.highlights.clear();
    return { ms, found };
  },
};

(globalThis as unknown as { standpointBench: BenchEngine }).standpointBench = engine;
