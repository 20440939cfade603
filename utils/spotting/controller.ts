/**
 * The spotting feature as the content script uses it: switch it on and off, give it the
 * dictionary and the highlight style, ask it what the page mentions. It hands out the
 * `MentionIndex` the hover-card controller works with. Everything it starts ends with `signal`.
 */
import type { Settings } from '../settings';
import type { Dictionary } from '../views';
import { Highlighter } from './highlight';
import { buildMatcher, type Matcher } from './matcher';
import { MentionStore } from './mentions';
import { hasRoom, nextTask, whenIdle } from '../idle';
import { Spotter, type ScanStart, type SpotterEnv } from './spotter';
import type { MentionIndex } from './types';

/**
 * Idle time a rebuild of the matcher needs, ms: the built-in dictionary's build takes about this
 * long on a 2-core machine at most; with less left, the build waits for the next idle period
 * rather than run into the page's next frame.
 */
const BUILD_ROOM_MS = 10;

export interface SpottingController {
  /** The mentions on the page; stays the same object for the controller's life. */
  readonly index: MentionIndex;
  /**
   * Uses a dictionary; a new version rebuilds the matcher and rescans. `null` clears. The page's
   * first matcher (or the first after a `null`) is built in the next task and its scan runs in
   * tasks of its own: the reader is waiting for the page's names. A later version (a pack installed or
   * updated while the page is open) is built and scanned in idle time.
   */
  setDictionary(dictionary: Dictionary | null): void;
  /** Switches the highlight style at once. */
  setStyle(style: Settings['highlightStyle']): void;
  /** Off clears every highlight and stops watching the page; on scans it again. */
  setEnabled(enabled: boolean): void;
  readonly enabled: boolean;
  /** The version of the dictionary in use, or null. */
  readonly dictionaryVersion: string | null;
  /** Forgets the page's mentions and scans it again: after a client-side navigation. */
  rescan(): void;
  /** Actors in order of first mention, and mentions per actor. */
  summary(): { actorIds: string[]; counts: Record<string, number> };
}

export interface SpottingOptions extends SpotterEnv {
  style?: Settings['highlightStyle'];
  enabled?: boolean;
  highlighter?: Highlighter;
}

/** Creates the spotting feature for one page. Nothing is scanned before a dictionary arrives. */
export function createSpotting(
  signal: AbortSignal,
  options: SpottingOptions = {},
): SpottingController {
  const highlighter = options.highlighter ?? new Highlighter(undefined, undefined, options.style);
  const store = new MentionStore(highlighter, options.doc ?? document);
  const spotter = new Spotter(store, signal, options);
  const win = options.win ?? window;
  let matcher: Matcher | null = null;
  /** A matcher build waiting for idle time, and the dictionary version it builds. */
  let building: { version: string; cancel: () => void } | null = null;
  let enabled = options.enabled ?? true;

  const apply = (when?: ScanStart) => {
    if (enabled && matcher && !signal.aborted) spotter.start(matcher, when);
    else spotter.stop();
  };
  signal.addEventListener(
    'abort',
    () => {
      building?.cancel();
      highlighter.dispose();
    },
    { once: true },
  );

  return {
    index: store,
    get enabled() {
      return enabled;
    },
    get dictionaryVersion() {
      return matcher?.version ?? null;
    },
    setDictionary(dictionary) {
      const version = dictionary?.version ?? null;
      if (version !== null && (building ? building.version : matcher?.version) === version) return;
      building?.cancel();
      building = null;
      if (!dictionary || signal.aborted) {
        matcher = null;
        apply();
        return;
      }
      if (!matcher) {
        // The page's first: built in the next task (apart from the set-up, which ran in this
        // one: each stays short), then scanned in tasks of their own.
        const cancel = nextTask(
          win,
          () => {
            building = null;
            matcher = buildMatcher(dictionary);
            apply('soon');
          },
          signal,
        );
        building = { version: dictionary.version, cancel };
        return;
      }
      // A new version: built in an idle period with room for it (a timeout-forced one has none,
      // and the build then waits for the next); the rescan starts in what is left of it.
      const build = (idle?: IdleDeadline) => {
        if (idle && !hasRoom(idle, BUILD_ROOM_MS) && !idle.didTimeout) {
          building = { version: dictionary.version, cancel: whenIdle(win, build) };
          return;
        }
        building = null;
        matcher = buildMatcher(dictionary);
        apply(idle ?? 'idle');
      };
      building = { version: dictionary.version, cancel: whenIdle(win, build) };
    },
    setStyle(style) {
      highlighter.setStyle(style);
    },
    setEnabled(next) {
      if (next === enabled) return;
      enabled = next;
      apply();
    },
    rescan() {
      if (enabled && matcher) spotter.restart();
    },
    summary() {
      const counts: Record<string, number> = {};
      const actorIds: string[] = [];
      for (const m of store.all()) {
        if (counts[m.actorId] === undefined) {
          counts[m.actorId] = 0;
          actorIds.push(m.actorId);
        }
        counts[m.actorId]! += 1;
      }
      return { actorIds, counts };
    },
  };
}
