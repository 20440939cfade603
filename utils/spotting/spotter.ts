/**
 * The spotting engine of one page: runs scans in slices, follows the page's changes through a
 * MutationObserver, and feeds the mention store. A scan a reader waits for (the page's first, one
 * after the site is switched back on or after a client-side navigation) runs in slices that are
 * tasks of their own, one after another; every other (following the page's changes, a new
 * dictionary) runs in idle time. Every timer and observer ends with the AbortSignal it is given.
 */
import { hasRoom, IDLE_TIMEOUT_MS } from '../idle';
import type { Matcher } from './matcher';
import type { MentionStore } from './mentions';
import { reportFirstHighlight, reportScanDone } from './progress';
import { pageUrl, regionOf } from './regions';
import { SubtreeScan, isRendered, type ScanOptions } from './scan';

/**
 * Longest slice of scanning in one task, ms. Far under the 50 ms that makes a long task, so even
 * a 2 MB page never blocks input; checked every few dozen text nodes.
 */
const SLICE_BUDGET_MS = 8;
/** Shortest slice: a slice with less idle time left than this waits for the next idle period. */
const MIN_SLICE_MS = 2;
/**
 * Main-thread time following page changes may take per second, ms (10 %): a page that mutates
 * without end costs at most this much; the rest waits for the next second.
 */
const MUTATION_BUDGET_MS_PER_SECOND = 100;
/** The window the mutation budget is counted over, ms. */
const BUDGET_WINDOW_MS = 1000;
/** Changed regions kept between two slices; beyond it one rescan of the whole page is cheaper. */
const MAX_PENDING_REGIONS = 200;
/**
 * Hidden elements holding a name that are checked again when the page toggles a class, a style
 * or `<details open>` (a "read more" that reveals text without changing it). Bounded so the check
 * stays cheap; beyond it, hidden names wait for a change of their own text.
 */
const MAX_WATCHED_HIDDEN = 100;

/**
 * When a full scan's slices run: 'soon' (tasks of their own, for a scan a reader waits for),
 * 'idle' (idle time), or the idle period the caller runs in (its first slice there).
 */
export type ScanStart = 'soon' | 'idle' | IdleDeadline;

export interface SpotterEnv {
  doc?: Document;
  win?: Window & typeof globalThis;
  scanOptions?: ScanOptions;
  /** Called when the page's URL changed without a load (client-side navigation). */
  onNavigate?: () => void;
}

export class Spotter {
  private readonly doc: Document;
  private readonly win: Window & typeof globalThis;
  private matcher: Matcher | null = null;
  private jobs: SubtreeScan[] = [];
  private regions = new Set<Node>();
  private sawRemovals = false;
  private fullRescan = false;
  /** The slice waiting to run: an idle callback's id or a timer's (their ids are apart). */
  private scheduled: { idle: boolean; id: number } | null = null;
  /** The scan under way is one a reader waits for: its slices do not wait for idle time. */
  private soon = false;
  private observer: MutationObserver | null = null;
  private windowStart = 0;
  private spentInWindow = 0;
  private initialDone = false;
  private highlightMarked = false;
  private href: string;
  private readonly hidden = new Set<Element>();
  private recheckHidden = false;
  private readonly scanOptions: ScanOptions;

  constructor(
    private readonly store: MentionStore,
    private readonly signal: AbortSignal,
    private readonly env: SpotterEnv = {},
  ) {
    this.doc = env.doc ?? document;
    this.win = env.win ?? window;
    this.href = pageUrl(this.doc);
    this.scanOptions = {
      ...env.scanOptions,
      onHidden: (el) => {
        if (this.hidden.size < MAX_WATCHED_HIDDEN) this.hidden.add(el);
      },
    };
    signal.addEventListener('abort', () => this.stop(), { once: true });
  }

  /**
   * Starts (or restarts) spotting with a matcher: clears what was found, scans the whole page.
   * `when` is 'soon' for a scan a reader waits for (slices in tasks of their own), or the idle
   * period it is called from (the first slice runs in what is left of it, the rest in idle time).
   */
  start(matcher: Matcher, when: ScanStart = 'soon'): void {
    if (this.signal.aborted) return;
    this.matcher = matcher;
    this.restart(when);
    this.observe();
  }

  /** Stops scanning and watching, and removes every highlight. */
  stop(): void {
    this.matcher = null;
    this.observer?.disconnect();
    this.observer = null;
    this.cancel();
    this.jobs = [];
    this.regions.clear();
    this.hidden.clear();
    this.store.clear();
    this.store.notifyIfChanged();
  }

  /**
   * Forgets the page's mentions and scans it again: 'soon' after a client-side navigation, in
   * idle time when the page's own changes were too many to follow one by one.
   */
  restart(when: ScanStart = 'soon'): void {
    if (!this.matcher) return;
    this.store.clear();
    this.hidden.clear();
    this.jobs = [new SubtreeScan(this.doc, this.matcher, this.scanOptions)];
    this.regions.clear();
    this.fullRescan = false;
    this.initialDone = false;
    this.soon = when === 'soon';
    this.cancel();
    // The first slice runs in what is left of the caller's idle period, if anything is.
    if (typeof when === 'object' && hasRoom(when, MIN_SLICE_MS)) this.slice(when);
    else this.schedule();
  }

  /** True while scanning work is queued. */
  get busy(): boolean {
    return this.jobs.length > 0 || this.regions.size > 0 || this.fullRescan;
  }

  private observe(): void {
    if (this.observer) return;
    const Observer = this.win.MutationObserver;
    this.observer = new Observer((records) => this.onMutations(records));
    this.observer.observe(this.doc, {
      childList: true,
      characterData: true,
      subtree: true,
      attributes: true,
      // Attributes that change what the scanner skips or what is rendered (see docs).
      attributeFilter: ['hidden', 'contenteditable', 'class', 'style', 'open'],
    });
  }

  /** Only records what changed; all work happens later, in idle slices. */
  private onMutations(records: MutationRecord[]): void {
    if (!this.matcher) return;
    const body = this.doc.body;
    if (!body) return;
    for (const r of records) {
      if (this.fullRescan) break;
      if (r.type === 'childList') {
        if (r.removedNodes.length > 0) this.sawRemovals = true;
        for (const n of r.addedNodes) this.addRegion(regionOf(n, body));
      } else if (r.type === 'characterData') {
        this.addRegion(regionOf(r.target, body));
      } else if (r.attributeName === 'hidden' || r.attributeName === 'contenteditable') {
        this.sawRemovals = true;
        this.addRegion(regionOf(r.target, body));
      } else if (this.hidden.size > 0) {
        this.recheckHidden = true; // class, style or open: maybe a hidden name is shown now
      }
    }
    this.schedule();
  }

  private addRegion(region: Node | null): void {
    if (!region) return;
    if (this.regions.size >= MAX_PENDING_REGIONS) {
      this.fullRescan = true;
      this.regions.clear();
      return;
    }
    this.regions.add(region);
  }

  private schedule(): void {
    if (this.scheduled !== null || this.signal.aborted) return;
    if (!this.busy && !this.sawRemovals && !this.recheckHidden) return;
    const run = (deadline?: IdleDeadline): void => {
      this.scheduled = null;
      this.slice(deadline);
    };
    if (!this.soon && typeof this.win.requestIdleCallback === 'function') {
      const id = this.win.requestIdleCallback(run, { timeout: IDLE_TIMEOUT_MS });
      this.scheduled = { idle: true, id };
    } else {
      // A scan a reader waits for: the next slice after the tasks already queued. The browser
      // spaces chained timers by 4 ms after the fifth, which leaves the page room on long scans.
      this.scheduled = { idle: false, id: this.win.setTimeout(run, 0) };
    }
  }

  private cancel(): void {
    if (this.scheduled === null) return;
    if (this.scheduled.idle) this.win.cancelIdleCallback?.(this.scheduled.id);
    else this.win.clearTimeout(this.scheduled.id);
    this.scheduled = null;
  }

  /** One slice of work: at most SLICE_BUDGET_MS, less when the browser has less idle time. */
  private slice(deadline?: IdleDeadline): void {
    const matcher = this.matcher;
    if (!matcher || this.signal.aborted) return;
    const perf = this.win.performance;
    const start = perf.now();
    const idle = deadline && !deadline.didTimeout ? deadline.timeRemaining() : SLICE_BUDGET_MS;
    const end = start + Math.max(MIN_SLICE_MS, Math.min(SLICE_BUDGET_MS, idle));
    // Until the page's first name is drawn, a slice also ends as soon as it holds one: the
    // highlight is painted after the task, and the rest of the scan can wait for the next slice.
    const first = !this.highlightMarked;
    const shouldYield = () => perf.now() >= end || (first && this.store.hasMentions);

    if (this.initialDone) {
      // Following changes: bounded per second, whatever the page does.
      if (start - this.windowStart >= BUDGET_WINDOW_MS) {
        this.windowStart = start;
        this.spentInWindow = 0;
      }
      if (this.spentInWindow >= MUTATION_BUDGET_MS_PER_SECOND) {
        const wait = BUDGET_WINDOW_MS - (start - this.windowStart);
        const id = this.win.setTimeout(
          () => {
            this.scheduled = null;
            this.schedule();
          },
          Math.max(1, wait),
        );
        this.scheduled = { idle: false, id };
        return;
      }
      this.takeChanges(matcher);
    }

    const emit = this.store.offer.bind(this.store);
    while (this.jobs.length > 0 && !shouldYield()) {
      const job = this.jobs[0]!;
      if (job.step(emit, shouldYield)) this.jobs.shift();
    }
    // The first name drawn and the end of each full scan are told where the page cannot see
    // them (./progress.ts): `npm run bench` and the e2e tests wait for them.
    if (this.jobs.length === 0 && !this.initialDone) reportScanDone(this.win);
    if (this.jobs.length === 0) {
      this.initialDone = true;
      this.soon = false;
    }
    if (this.initialDone) this.spentInWindow += perf.now() - start;
    this.store.notifyIfChanged();
    if (!this.highlightMarked && this.store.hasMentions) {
      this.highlightMarked = true;
      reportFirstHighlight(this.win);
    }
    this.schedule();
  }

  /** Turns the recorded changes into scan jobs; drops mentions of removed or rescanned text. */
  private takeChanges(matcher: Matcher): void {
    const href = pageUrl(this.doc);
    if (href !== this.href) {
      this.href = href;
      this.env.onNavigate?.();
      this.restart();
      return;
    }
    if (this.fullRescan) {
      this.restart('idle');
      return;
    }
    if (this.sawRemovals) {
      this.sawRemovals = false;
      this.store.removeDisconnected();
    }
    if (this.recheckHidden) {
      this.recheckHidden = false;
      const rendered = this.scanOptions.rendered ?? isRendered;
      const body = this.doc.body;
      for (const el of [...this.hidden]) {
        if (!el.isConnected) this.hidden.delete(el);
        else if (body && rendered(el)) {
          this.hidden.delete(el);
          this.addRegion(regionOf(el, body));
        }
      }
    }
    if (this.regions.size === 0) return;
    const roots = [...this.regions].filter((n) => n.isConnected);
    this.regions.clear();
    // Keep only the outermost regions: a region inside another is scanned with it.
    const outer = roots.filter((n) => !roots.some((o) => o !== n && o.contains(n)));
    for (const root of outer) {
      this.store.removeInside(root);
      this.jobs.push(new SubtreeScan(root, matcher, this.scanOptions));
    }
  }
}
