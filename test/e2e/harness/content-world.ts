/**
 * The content script's isolated world in a page, reached over the DevTools protocol: the one
 * place from outside where the spotter's progress can be read (utils/spotting/progress.ts), since
 * the page's own world never sees it. Used by the e2e harness (./extension.ts) and by
 * `npm run bench` (scripts/bench/extension-costs.ts, card-costs.ts).
 *
 * Enabling CDP's Runtime domain reports every existing execution context, isolated ones
 * included, and every later one; a context is the extension's when `auxData.type` is 'isolated'
 * and its origin is the extension's (`chrome-extension://<id>`).
 */
import type { CDPSession } from 'playwright-core';
import { SPOTTING_PROGRESS_NAME, type SpottingProgress } from '../../../utils/spotting/progress';

/** Upper bound for the spotter to reach a step, ms (a limit, not a measurement). */
const SPOTTING_WAIT_MS = 30_000;
/** How often a wait reads the progress, ms: rare enough to add no load of note. */
const POLL_MS = 100;

/** The part of CDP's `Runtime.executionContextCreated` event read here. */
interface ExecutionContextCreated {
  context: { id: number; name: string; origin: string; auxData?: unknown };
}

/** One isolated world of the extension: its execution context, name and frame. */
export interface IsolatedWorld {
  id: number;
  name: string;
  frameId: string;
}

/** Evaluated in the content script's world: its progress object, or null before the spotter's first step. */
const PROGRESS_EXPRESSION = `globalThis[Symbol.for(${JSON.stringify(SPOTTING_PROGRESS_NAME)})] ?? null`;

/**
 * The extension's isolated worlds of one page, followed through a DevTools session (the
 * caller's, which it stays: `close()` only stops following). Worlds of later navigations are
 * picked up as they are made.
 */
export class ContentWorlds {
  private readonly worlds = new Map<number, IsolatedWorld>();

  private constructor(
    private readonly cdp: CDPSession,
    private readonly extensionOrigin: string,
  ) {}

  /** Starts following the extension's worlds in the session's page. */
  static async follow(cdp: CDPSession, extensionOrigin: string): Promise<ContentWorlds> {
    const watch = new ContentWorlds(cdp, extensionOrigin);
    cdp.on('Runtime.executionContextCreated', watch.onCreated);
    cdp.on('Runtime.executionContextDestroyed', watch.onDestroyed);
    cdp.on('Runtime.executionContextsCleared', watch.onCleared);
    await cdp.send('Runtime.enable');
    return watch;
  }

  private readonly onCreated = ({ context }: ExecutionContextCreated): void => {
    const aux = context.auxData as { type?: string; frameId?: string } | undefined;
    if (aux?.type !== 'isolated' || !context.origin.startsWith(this.extensionOrigin)) return;
    this.worlds.set(context.id, { id: context.id, name: context.name, frameId: aux.frameId ?? '' });
  };

  private readonly onDestroyed = ({ executionContextId }: { executionContextId: number }): void => {
    this.worlds.delete(executionContextId);
  };

  private readonly onCleared = (): void => this.worlds.clear();

  /** The extension's worlds in every frame of the page. */
  all(): IsolatedWorld[] {
    return [...this.worlds.values()];
  }

  /** The extension's world in the page's main frame, or null while it has none. */
  async main(): Promise<IsolatedWorld | null> {
    const { frameTree } = await this.cdp.send('Page.getFrameTree');
    return this.all().find((w) => w.frameId === frameTree.frame.id) ?? null;
  }

  /**
   * Evaluates a JavaScript expression in the content script's world of the main frame (where
   * `chrome.runtime` is the extension's) and returns its JSON value (promises awaited).
   */
  async evaluate<T>(expression: string): Promise<T> {
    const world = await this.main();
    if (!world) throw new Error('No content script of the extension runs in this page');
    const result = await this.cdp.send('Runtime.evaluate', {
      expression,
      contextId: world.id,
      returnByValue: true,
      awaitPromise: true,
    });
    if (result.exceptionDetails) {
      throw new Error(`Content script evaluation failed: ${result.exceptionDetails.text}`);
    }
    return result.result.value as T;
  }

  /** The spotter's progress in the main frame, or null (no content script, or no step yet). */
  async progress(): Promise<SpottingProgress | null> {
    // A world just torn down by a navigation answers with an error: no progress there yet.
    return this.evaluate<SpottingProgress | null>(PROGRESS_EXPRESSION).catch(() => null);
  }

  /**
   * Waits until the spotter's progress passes `reached` (e.g. `(p) => p.scansDone > 0`); throws
   * after `timeoutMs`, with the last progress seen.
   */
  async waitFor(
    reached: (progress: SpottingProgress) => boolean,
    {
      timeoutMs = SPOTTING_WAIT_MS,
      pollMs = POLL_MS,
    }: { timeoutMs?: number; pollMs?: number } = {},
  ): Promise<SpottingProgress> {
    const until = Date.now() + timeoutMs;
    for (;;) {
      const progress = await this.progress();
      if (progress && reached(progress)) return progress;
      if (Date.now() > until) {
        throw new Error(
          `The spotter did not get there within ${timeoutMs} ms (progress: ${JSON.stringify(progress)})`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, pollMs));
    }
  }

  /** Stops following (the session stays the caller's). */
  close(): void {
    this.cdp.off('Runtime.executionContextCreated', this.onCreated);
    this.cdp.off('Runtime.executionContextDestroyed', this.onDestroyed);
    this.cdp.off('Runtime.executionContextsCleared', this.onCleared);
  }
}

/** The first full scan has ended. */
export const firstScanDone = (p: SpottingProgress): boolean => p.scansDone > 0;
/** The page's first name has been drawn. */
export const firstHighlightDrawn = (p: SpottingProgress): boolean => p.firstHighlight;
