/**
 * `ask(type, request)`: how every extension page asks the background, typed by the one message
 * map (utils/messaging.ts). Pages receive an `Ask` as a parameter, so tests render them with the
 * fake in test/unit/pages/fake-ask.ts instead of a browser.
 *
 * Every call returns the message's `Result`; a failed delivery (the background restarting, a
 * bug) or an empty answer becomes an error sentence naming what the page was doing, never a
 * thrown exception.
 */
import type { GetReturnType } from '@webext-core/messaging';
import type { BackgroundProtocol, RequestOf } from '../messaging';
import { backgroundMessenger } from '../messengers';
import { err } from '../views';
import { t, type MessageKey } from '@/utils/i18n';

/** A message the background answers. */
export type Message = keyof BackgroundProtocol;
/** The reply to a message: always a `Result`. */
export type Reply<K extends Message> = GetReturnType<BackgroundProtocol[K]>;
/** Asks the background one thing; resolves to the reply or an error result, never rejects. */
export type Ask = <K extends Message>(type: K, request: RequestOf<K>) => Promise<Reply<K>>;

/** What the page was doing, for the sentence when a message gets no answer. */
const DOING: Record<Message, MessageKey> = {
  getCards: 'doingGetCards',
  listActors: 'doingListActors',
  getMatrix: 'doingGetMatrix',
  getSource: 'doingGetSource',
  listPacks: 'doingListPacks',
  openPage: 'doingOpenPage',
  syncNow: 'doingSyncNow',
  addFeed: 'doingAddFeed',
  removeFeed: 'doingRemoveFeed',
  listFeeds: 'doingListFeeds',
  importPack: 'doingImportPack',
  rollbackPack: 'doingRollbackPack',
  removePack: 'doingRemovePack',
  getSyncStatus: 'doingGetSyncStatus',
  setSyncInterval: 'doingSetSyncInterval',
  getChangedActors: 'doingGetChangedActors',
};

type Send = <K extends Message>(type: K, request: RequestOf<K>) => Promise<Reply<K> | undefined>;

/** An `Ask` over a sender; the default sends with `backgroundMessenger`. */
export function createAsk(
  // The messenger's parameter type is a conditional type TypeScript cannot resolve for a generic
  // message; for every concrete message it is `RequestOf<K>`, which this signature states.
  send: Send = backgroundMessenger.sendMessage as unknown as Send,
): Ask {
  return async (type, request) => {
    try {
      const answer = await send(type, request);
      return answer ?? (err(t('askNoAnswer', t(DOING[type]))) as Reply<typeof type>);
    } catch (e) {
      // The reader gets a sentence; the technical detail goes to the console.
      console.error(`Standpoint: “${type}” could not reach the background`, e);
      return err(t('askUnreachable', t(DOING[type]))) as Reply<typeof type>;
    }
  };
}

/** The extension pages' `ask`. */
export const ask: Ask = createAsk();
