/**
 * The spotting feature as the content script uses it: switch it on and off, give it the
 * dictionary and the highlight style, ask it what the page mentions. It hands out the
 * `MentionIndex` the hover-card controller works with. Everything it starts ends with `signal`.
 */
import type { Settings } from '../settings';
import { Highlighter } from './highlight';
import { matcherOf, type Matcher } from './matcher';
import type { PageDictionary } from './stored-dictionary';
import { MentionStore } from './mentions';
import { Spotter, type ScanStart, type SpotterEnv } from './spotter';
import type { MentionIndex } from './types';

export interface SpottingController {
  /** The mentions on the page; stays the same object for the controller's life. */
  readonly index: MentionIndex;
  /**
   * Uses a dictionary (its trie comes built: the matcher is made at once); a new version
   * rescans. `null` clears. The page's first dictionary (or the first after a `null`) is scanned
   * in tasks of their own: the reader is waiting for the page's names. A later version (a pack
   * installed or updated while the page is open) is scanned in idle time.
   */
  setDictionary(dictionary: PageDictionary | null): void;
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
  let matcher: Matcher | null = null;
  let enabled = options.enabled ?? true;

  const apply = (when?: ScanStart) => {
    if (enabled && matcher && !signal.aborted) spotter.start(matcher, when);
    else spotter.stop();
  };
  signal.addEventListener('abort', () => highlighter.dispose(), { once: true });

  return {
    index: store,
    get enabled() {
      return enabled;
    },
    get dictionaryVersion() {
      return matcher?.version ?? null;
    },
    setDictionary(dictionary) {
      if (signal.aborted) return;
      if (dictionary && matcher?.version === dictionary.version) return;
      const first = !matcher;
      matcher = dictionary ? matcherOf(dictionary, dictionary.tables) : null;
      apply(first ? 'soon' : 'idle');
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
