/**
 * Which topic a candidate position answers: an existing topic of the given packs when its
 * keywords are in the evidence (or, failing that, in the sentence), otherwise a new proposition
 * stub for the editor to phrase.
 */
import type { Topic } from '../pack/schema';

/** A lower-case ASCII slug of at most 64 characters, as pack ids are. */
export function slug(s: string): string {
  return (
    s
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 64)
      .replace(/-+$/, '') || 'draft'
  );
}

/** `s` as a literal inside a regular expression. */
export const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** How many of a topic's keywords occur in `text` as words. */
function score(topic: Topic, text: string): number {
  const lower = text.toLowerCase();
  let n = 0;
  for (const k of topic.keywords) {
    if (new RegExp(`(?<![\\p{L}])${escape(k.toLowerCase())}(?![\\p{L}])`, 'u').test(lower)) n++;
  }
  return n;
}

function best(topics: readonly Topic[], text: string): Topic | null {
  let found: Topic | null = null;
  let top = 0;
  for (const t of topics) {
    const s = score(t, text);
    if (s > top) {
      top = s;
      found = t;
    }
  }
  return found;
}

/** The suggested topic; `n` numbers a new stub so its id is unique. */
export function suggestTopic(
  evidence: string,
  sentence: string,
  topics: readonly Topic[],
  n: number,
): { topic: Topic; isNew: boolean } {
  const found = best(topics, evidence) ?? best(topics, sentence);
  if (found) return { topic: found, isNew: false };
  const words = evidence
    .replace(/[“”‘’"]/g, '')
    .split(/\s+/)
    .filter((w) => /\p{L}/u.test(w));
  const gist = words.slice(0, 10).join(' ');
  return {
    isNew: true,
    topic: {
      id: `new-topic-${n}`,
      proposition: `What does the article say about: ${gist}?`.slice(0, 200),
      label: words.slice(0, 4).join(' ').slice(0, 60) || `New topic ${n}`,
      keywords: [],
    },
  };
}
