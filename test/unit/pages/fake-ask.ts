/**
 * The one fake of `ask` for page tests: replies from plain functions per message, every request
 * checked against the background's request schema (so a page that sends what the background
 * would refuse fails its test), and every call recorded.
 */
import { requestSchemas, type RequestOf } from '@/utils/messaging';
import type { Ask, Message, Reply } from '@/utils/pages/ask';
import { err } from '@/utils/views';

export type FakeReplies = {
  [K in Message]?: (request: RequestOf<K>) => Reply<K> | Promise<Reply<K>>;
};

export interface FakeAsk extends Ask {
  /** Replies by message; tests may replace one between steps. */
  replies: FakeReplies;
  /** Every call in order. */
  calls: { type: Message; request: unknown }[];
  /** The requests sent with one message, in order. */
  requests<K extends Message>(type: K): RequestOf<K>[];
}

/** A fake `ask`; a message without a reply answers with an error result. */
export function fakeAsk(replies: FakeReplies = {}): FakeAsk {
  const calls: FakeAsk['calls'] = [];
  const ask = async <K extends Message>(type: K, request: RequestOf<K>): Promise<Reply<K>> => {
    requestSchemas[type].parse(request);
    calls.push({ type, request });
    const reply = fake.replies[type] as
      ((request: RequestOf<K>) => Reply<K> | Promise<Reply<K>>) | undefined;
    return reply ? reply(request) : (err(`no fake reply for “${type}”`) as Reply<K>);
  };
  const fake: FakeAsk = Object.assign(ask, {
    replies,
    calls,
    requests: <K extends Message>(type: K) =>
      calls.filter((c) => c.type === type).map((c) => c.request as RequestOf<K>),
  });
  return fake;
}
