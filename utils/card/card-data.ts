/**
 * Card data for the content script: one request per actor, cached for the page's life and
 * dropped when the installed packs change. Failures are not cached, so a later hover retries.
 */
import type { RequestOf } from '@/utils/messaging';
import { backgroundMessenger } from '@/utils/messengers';
import { err, ok, type CardView, type Result } from '@/utils/views';

export type GetCards = (req: RequestOf<'getCards'>) => Promise<Result<CardView[]>>;

export interface CardLoader {
  /** The card of one actor; the same promise for repeated calls while it is cached. */
  get(actorId: string): Promise<Result<CardView>>;
  /** The resolved card when it is already here, for rendering without a loading state. */
  peek(actorId: string): Result<CardView> | undefined;
  /** Forgets everything (the packs changed). */
  clear(): void;
}

const defaultGetCards: GetCards = (req) => backgroundMessenger.sendMessage('getCards', req);

/**
 * @param words the page's frequent words, computed on the first request only
 */
export function createCardLoader(
  words: () => string[],
  getCards: GetCards = defaultGetCards,
): CardLoader {
  const pending = new Map<string, Promise<Result<CardView>>>();
  const done = new Map<string, Result<CardView>>();
  let cachedWords: string[] | undefined;
  let generation = 0;

  async function load(actorId: string): Promise<Result<CardView>> {
    cachedWords ??= words();
    try {
      const res = await getCards({
        actorIds: [actorId],
        ...(cachedWords.length > 0 ? { pageWords: cachedWords } : {}),
      });
      if (!res.ok) return res;
      const card = res.value.find((c) => c.actor.id === actorId);
      return card ? ok(card) : err(`The installed packs have no card for "${actorId}".`);
    } catch (e) {
      return err(e instanceof Error ? e.message : String(e));
    }
  }

  return {
    get(actorId) {
      const cached = pending.get(actorId);
      if (cached) return cached;
      const gen = generation;
      const p = load(actorId).then((res) => {
        if (gen !== generation) return res;
        if (res.ok) done.set(actorId, res);
        else pending.delete(actorId);
        return res;
      });
      pending.set(actorId, p);
      return p;
    },
    peek(actorId) {
      return done.get(actorId);
    },
    clear() {
      generation++;
      pending.clear();
      done.clear();
      cachedWords = undefined;
    },
  };
}
