/**
 * The background's answers to `BackgroundProtocol`, as plain functions `(request, sender)` so
 * tests call them directly. Each one checks the sender, parses the request with its Zod schema
 * and returns a `Result`: nothing is ever thrown over the message boundary.
 */
import type { GetReturnType } from '@webext-core/messaging';
import { browser } from '#imports';
import { z } from 'zod';
import { comparePath, sourceViewerPath } from '../pages/urls';
import type { StandpointDB } from '../db/database';
import { getDb } from '../db/index';
import { cards, listActors, listPacks, matrix, sourceView } from '../db/queries';
import { requestSchemas, type BackgroundProtocol, type RequestOf } from '../messaging';
import { err, ok } from '../views';
import { senderRefusal, type SelfIdentity, type Sender } from './sender';
import { t } from '../i18n';

export type { Sender } from './sender';

/** What the handlers need from the world; `defaultEnv()` gives the real one. */
export interface HandlerEnv extends SelfIdentity {
  /** The store; opened lazily, nothing else is kept between messages. */
  db(): StandpointDB;
  /** Resolves once the built-in pack of this start has been checked (never rejects). */
  ready(): Promise<unknown>;
  /** Opens an extension URL in a new tab, next to `near` when given. */
  openTab(url: string, near?: Sender['tab']): Promise<void>;
}

/** The real environment: this extension's id and URL, the shared store handle, `tabs.create`. */
export function defaultEnv(ready: () => Promise<unknown> = async () => undefined): HandlerEnv {
  return {
    extensionId: browser.runtime.id,
    extensionBaseUrl: browser.runtime.getURL('/'),
    db: getDb,
    ready,
    async openTab(url, near) {
      await browser.tabs.create({
        url,
        ...(near?.index !== undefined ? { index: near.index + 1 } : {}),
        ...(near?.windowId !== undefined ? { windowId: near.windowId } : {}),
        ...(near?.id !== undefined ? { openerTabId: near.id } : {}),
      });
    },
  };
}

/** The reply type of one message. */
export type Reply<K extends keyof BackgroundProtocol> = GetReturnType<BackgroundProtocol[K]>;

/** A message handler as the background registers it. */
export type Handler<K extends keyof BackgroundProtocol> = (
  request: unknown,
  sender: Sender,
  env?: HandlerEnv,
) => Promise<Reply<K>>;

function describeIssues(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/**
 * Wraps the work of one message with the sender check, request parsing and error capture.
 * Handlers of other modules (sync, import) use it too, so every message gets the same checks.
 */
export function defineHandler<K extends keyof BackgroundProtocol & keyof typeof requestSchemas>(
  type: K,
  run: (request: RequestOf<K>, env: HandlerEnv, sender: Sender) => Promise<Reply<K>>,
  fallbackEnv: () => HandlerEnv = defaultEnv,
): Handler<K> {
  return async (request, sender, env) => {
    try {
      const e = env ?? fallbackEnv();
      const refusal = senderRefusal(type, sender ?? {}, e);
      if (refusal) return err(refusal) as Reply<K>;
      const parsed = (requestSchemas[type] as unknown as z.ZodType<RequestOf<K>>).safeParse(
        request,
      );
      if (!parsed.success) {
        console.error(
          `Standpoint: refused a malformed “${type}” request (${describeIssues(parsed.error)})`,
        );
        return err(t('bgMalformed')) as Reply<K>;
      }
      await e.ready();
      return await run(parsed.data, e, sender);
    } catch (e) {
      // The reader gets a sentence about their data; the technical detail goes to the console.
      console.error(`Standpoint: “${type}” failed`, e);
      return err(unexpectedFailure()) as Reply<K>;
    }
  };
}

/** What a reader sees when a request fails unexpectedly (a storage error, a bug). */
export const unexpectedFailure = () => t('bgStoreFailed');

/** Hover cards for the actors under the pointer, ranked by the page's words. */
export const handleGetCards = defineHandler('getCards', async (req, env) =>
  ok(await cards(env.db(), req.actorIds, req.pageWords)),
);

/** Every actor and topic, for the popup and the comparison page. */
export const handleListActors = defineHandler('listActors', async (_req, env) =>
  ok(await listActors(env.db())),
);

/** The topics x people matrix. */
export const handleGetMatrix = defineHandler('getMatrix', async (req, env) =>
  ok(await matrix(env.db(), req.actorIds, req.pageWords)),
);

/** A source with its evidence spans, for the source viewer. */
export const handleGetSource = defineHandler('getSource', async (req, env) => {
  const view = await sourceView(env.db(), req.sourceId);
  return view ? ok(view) : err(t('bgNoSource', req.sourceId));
});

/** Installed packs, for the popup and the options page. */
export const handleListPacks = defineHandler('listPacks', async (_req, env) =>
  ok(await listPacks(env.db())),
);

/** Opens the source viewer or the comparison page next to the sender's tab. */
export const handleOpenPage = defineHandler('openPage', async (req, env, sender) => {
  const path =
    req.page === 'source'
      ? sourceViewerPath(req.sourceId, req.positionId)
      : comparePath({ actors: [...req.actorIds] });
  await env.openTab(new URL(path, env.extensionBaseUrl).href, sender.tab);
  return ok(null);
});

/** One handler per message of the protocol. */
export const storeHandlers = {
  getCards: handleGetCards,
  listActors: handleListActors,
  getMatrix: handleGetMatrix,
  getSource: handleGetSource,
  listPacks: handleListPacks,
  openPage: handleOpenPage,
} satisfies { [K in keyof BackgroundProtocol]?: Handler<K> };
