/**
 * Asking a tab's content script what it found. The answer crosses a context boundary and is
 * shaped by the page, so it is parsed with Zod before the popup trusts it.
 */
import { z } from 'zod';
import { idSchema } from '../pack/schema';
import { pageHintSchema, type PageReport } from '../messaging';
import type { Result } from '../views';
import { errorMessage } from '../format';

/**
 * How long the popup waits for a content script, ms. A live content script answers from
 * memory at once; a tab that is still loading or frozen gets this long before the popup
 * explains itself instead of spinning.
 */
const PAGE_REPORT_TIMEOUT_MS = 1500;

const pageReportSchema = z.strictObject({
  host: z.string().max(253),
  enabled: z.boolean(),
  actorIds: z.array(idSchema).max(5_000),
  counts: z.record(idSchema, z.int().min(0)),
  pageWords: pageHintSchema,
});

/** What the popup knows about the tab it was opened for. */
export type PageStatus =
  | { kind: 'report'; report: PageReport }
  /** No content script answered: a browser page, the web store, a tab loaded before install. */
  | { kind: 'unreachable'; detail: string }
  /** The content script answered with an error or with something malformed. */
  | { kind: 'error'; message: string }
  /** No tab at all (the compare page, or the window has none). */
  | { kind: 'none' };

/** The one call the popup needs; injected so tests need no browser. */
export type AskTab = (tabId: number) => Promise<Result<PageReport>>;

/**
 * Asks one tab for its page report, with a timeout, and classifies the outcome. Never throws.
 */
export async function readPageStatus(
  tabId: number | null,
  ask: AskTab,
  timeoutMs: number = PAGE_REPORT_TIMEOUT_MS,
  timers: Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'> = globalThis,
): Promise<PageStatus> {
  if (tabId === null) return { kind: 'none' };
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((resolve) => {
    timer = timers.setTimeout(() => resolve('timeout'), timeoutMs);
  });
  try {
    const answer = await Promise.race([ask(tabId), timeout]);
    if (answer === 'timeout') return { kind: 'unreachable', detail: 'no answer in time' };
    if (answer === undefined || answer === null)
      return { kind: 'unreachable', detail: 'no answer' };
    if (!answer.ok) return { kind: 'error', message: String(answer.error) };
    const parsed = pageReportSchema.safeParse(answer.value);
    if (!parsed.success)
      return { kind: 'error', message: 'The page sent a report the popup cannot read.' };
    return { kind: 'report', report: parsed.data };
  } catch (e) {
    return { kind: 'unreachable', detail: errorMessage(e) };
  } finally {
    timers.clearTimeout(timer);
  }
}
