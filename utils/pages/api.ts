/**
 * The background calls the popup and the comparison page make, behind one small interface so
 * the pages can be rendered in tests with plain objects instead of a browser.
 * Every call returns a `Result`; a failed message (the background restarting, a bug) becomes an
 * error sentence rather than a thrown exception.
 */
import { backgroundMessenger } from '../messaging';
import { errorMessage } from '../format';
import {
  err,
  type ActorSummary,
  type MatrixView,
  type PackInfo,
  type Result,
  type TopicView,
} from '../views';

export interface PagesApi {
  listActors(): Promise<Result<{ actors: ActorSummary[]; topics: TopicView[] }>>;
  listPacks(): Promise<Result<PackInfo[]>>;
  getMatrix(actorIds: string[], pageWords?: string[]): Promise<Result<MatrixView>>;
  /** People an update changed since the reader last looked (the picker's "updated" mark). */
  getChangedActors(): Promise<Result<{ actorIds: string[] }>>;
}

/** Runs a call and turns a throw or an empty answer into an error result. */
export async function settle<T>(call: () => Promise<Result<T>>, what: string): Promise<Result<T>> {
  try {
    const answer = await call();
    return answer ?? err(`No answer from Standpoint's background while ${what}.`);
  } catch (e) {
    const detail = errorMessage(e);
    return err(`Could not reach Standpoint's background while ${what} (${detail}).`);
  }
}

/** The real API, over `backgroundMessenger`. */
export const backgroundApi: PagesApi = {
  listActors: () =>
    settle(() => backgroundMessenger.sendMessage('listActors', {}), 'listing people'),
  listPacks: () => settle(() => backgroundMessenger.sendMessage('listPacks', {}), 'listing packs'),
  getMatrix: (actorIds, pageWords) =>
    settle(
      () =>
        backgroundMessenger.sendMessage(
          'getMatrix',
          pageWords?.length ? { actorIds, pageWords } : { actorIds },
        ),
      'comparing positions',
    ),
  getChangedActors: () =>
    settle(() => backgroundMessenger.sendMessage('getChangedActors', {}), 'looking for updates'),
};
