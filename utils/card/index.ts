/**
 * Starts the hover cards in a content script: one call next to the spotter's wiring.
 *
 * ```ts
 * const cards = await startHoverCards(mentionIndex, ctx.signal);
 * ```
 * Reads the hover delay from the settings (and follows changes), drops cached cards when the
 * installed packs change, answers the keyboard commands the background forwards, and takes
 * everything down when `signal` aborts (WXT's `ctx.signal` when the extension updates).
 */
import { backgroundMessenger, cardCommandSchema, tabMessenger } from '@/utils/messaging';
import {
  DEFAULT_HOVER_DELAY_MS,
  dictionaryVersionItem,
  loadSettings,
  watchSettings,
} from '@/utils/settings';
import type { MentionIndex } from '@/utils/spotting/types';
import { pageWords } from '@/utils/spotting/words';
import { err, ok } from '@/utils/views';
import { createCardLoader } from './card-data';
import { createCardHost } from './host';
import { createCardSurface } from './card-surface';
import { createHoverController, type HoverController } from './hover-controller';

export { CARD_HOST_TAG } from './host';

/**
 * Whether this frame should act on a keyboard command: the frame that holds the focus (and is
 * not merely the parent of a focused iframe), or the top frame when no page has the focus.
 */
export function frameOwnsCommand(doc: Document = document, win: Window = window): boolean {
  if (doc.hasFocus()) return !(doc.activeElement instanceof HTMLIFrameElement);
  return win === win.top;
}

export async function startHoverCards(
  index: MentionIndex,
  signal: AbortSignal,
  doc: Document = document,
): Promise<HoverController> {
  let delayMs = DEFAULT_HOVER_DELAY_MS;
  const unwatchSettings = watchSettings((s) => (delayMs = s.hoverDelayMs));
  const unwatchPacks = dictionaryVersionItem.watch(() => loader.clear());

  const loader = createCardLoader(() => pageWords(doc));
  const host = createCardHost(doc);
  const openPage = (req: Parameters<typeof backgroundMessenger.sendMessage<'openPage'>>[1]) =>
    void backgroundMessenger.sendMessage('openPage', req).catch(() => undefined);
  const surface = createCardSurface({
    host,
    loader,
    doc,
    actions: {
      compare: (actorId) => openPage({ page: 'compare', actorIds: [actorId] }),
      openSource: (sourceId, positionId) => openPage({ page: 'source', sourceId, positionId }),
    },
    onCloseRequest: () => controller.close(),
  });
  const controller = createHoverController({
    index,
    surface,
    prefetch: (actorId) => void loader.get(actorId),
    hoverDelayMs: () => delayMs,
    signal,
    doc,
  });

  const removeCommandListener = tabMessenger.onMessage('cardCommand', ({ data }) => {
    const parsed = cardCommandSchema.safeParse(data);
    if (!parsed.success) return err('Unknown card command');
    if (!frameOwnsCommand(doc, doc.defaultView ?? window)) return ok(false);
    return ok(controller.command(parsed.data.command));
  });

  signal.addEventListener(
    'abort',
    () => {
      unwatchSettings();
      unwatchPacks();
      removeCommandListener();
      host.dispose();
    },
    { once: true },
  );

  if (!signal.aborted) {
    const settings = await loadSettings().catch(() => null);
    if (settings) delayMs = settings.hoverDelayMs;
  }
  return controller;
}
