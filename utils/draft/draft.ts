/**
 * From an article to a draft pack: the source, the people it names (known and new), every
 * sentence for review, and candidate positions with suggested topics and stances. Everything a
 * person must decide is marked `review: pending`, which the builder and publisher refuse.
 */
import type { Actor, Stance, Topic } from '../pack/schema';
import { findOccurrences } from '../pack/build';
import { dictionaryFromPacks } from '../spotting/dictionary';
import { attribute } from './attribute';
import { findNewPeople, findRefs, type NewPerson } from './people';
import { quotesOf, sentencesOf } from './segments';
import { slug, suggestTopic } from './topics';

/** The article as read from a file or a saved page. */
export interface Article {
  text: string;
  /** The text file's name as the pack will cite it ("report.txt"). */
  fileName: string;
  sha256: string;
  title: string | null;
  /** `YYYY-MM-DD` when the page gives it. */
  date: string | null;
  language: string | null;
  url: string | null;
  publisher: string | null;
}

/** What the draft knows already: the actors and topics of the installed or given packs. */
export interface Known {
  /** Packs in install order, for the spotter's dictionary and ownership rule. */
  packs: Parameters<typeof dictionaryFromPacks>[0];
}

export interface DraftPosition {
  id: string;
  actor: string;
  topic: string;
  stance: Stance;
  reason: string;
  summary: string;
  date: string;
  evidence: { kind: 'quote' | 'paraphrase'; text: string; occurrence?: number };
}

export interface Draft {
  id: string;
  title: string;
  description: string;
  publishedAt: string;
  language: string;
  source: {
    id: string;
    file: string;
    title: string;
    publisher: string | null;
    url: string | null;
    publishedAt: string;
    language: string;
    sha256: string;
    /** What the editor must check (a guessed title or date); empty when the page gave all. */
    check: string[];
  };
  actors: { actor: Actor; introduced: string | null }[];
  topics: { topic: Topic; isNew: boolean }[];
  sentences: { paragraph: number; text: string; positions: DraftPosition[] }[];
}

export interface DraftOptions {
  id?: string;
  /** Used when the article gives no date; today otherwise. */
  date?: string;
  today?: string;
}

const MAX_SUMMARY = 300;
const MAX_TITLE = 200;

export function draftPack(article: Article, known: Known, opts: DraftOptions = {}): Draft {
  const { text } = article;
  const knownActors = uniqueById(known.packs.flatMap((p) => p.actors));
  const knownTopics = uniqueById(known.packs.flatMap((p) => p.topics));
  const dict = dictionaryFromPacks(known.packs);
  const newPeople: NewPerson[] = findNewPeople(text, dict.actors);
  const allActors = [...knownActors, ...newPeople.map((p) => p.actor)];
  dict.actors.push(
    ...newPeople.map(({ actor: a }) => ({
      id: a.id,
      kind: a.kind,
      aliases: a.aliases,
      match: a.match,
    })),
  );

  const language = article.language ?? 'en';
  const sentences = sentencesOf(text, language);
  const refs = findRefs(text, dict, allActors);
  const persons = new Set(allActors.filter((a) => a.kind === 'person').map((a) => a.id));
  const candidates = attribute(text, sentences, quotesOf(text), refs, persons);

  const check: string[] = [];
  const date = article.date ?? opts.date ?? opts.today ?? new Date().toISOString().slice(0, 10);
  if (!article.date && !opts.date)
    check.push('publishedAt: the article gives no date; today was used');
  let title = article.title;
  if (!title) {
    title = clip(text.slice(sentences[0]?.start ?? 0, sentences[0]?.end ?? 0), MAX_TITLE);
    check.push('title: the article has no title; its first sentence was used');
  }
  const id = slug(opts.id ?? article.fileName.replace(/\.[^.]+$/, ''));

  const topics = new Map<string, { topic: Topic; isNew: boolean }>();
  const ids = new Set<string>();
  const byId = new Map(allActors.map((a) => [a.id, a]));
  const draftSentences: Draft['sentences'] = sentences.map((s) => ({
    paragraph: s.paragraph,
    text: text.slice(s.start, s.end),
    positions: [],
  }));
  for (const c of candidates) {
    const evidenceText = text.slice(c.evidence.start, c.evidence.end);
    const sentence = draftSentences[c.sentence]!;
    const topic = suggestTopic(
      text.slice(c.context.start, c.context.end),
      sentence.text,
      knownTopics,
      topics.size + 1,
    );
    if (!topics.has(topic.topic.id)) topics.set(topic.topic.id, topic);
    const occurrences = findOccurrences(text, evidenceText);
    let pid = slug(`${c.actor}-${topic.topic.id}`);
    for (let n = 2; ids.has(pid); n++)
      pid = slug(`${c.actor}-${topic.topic.id}`).slice(0, 60) + `-${n}`;
    ids.add(pid);
    sentence.positions.push({
      id: pid,
      actor: c.actor,
      topic: topic.topic.id,
      stance: c.stance,
      reason: c.reason,
      summary: clip(
        c.kind === 'quote' ? `“${evidenceText}”` : capitalise(evidenceText),
        MAX_SUMMARY,
      ),
      date,
      evidence: {
        kind: c.kind,
        text: evidenceText,
        ...(occurrences.length > 1
          ? { occurrence: occurrences.indexOf(c.evidence.start) + 1 }
          : {}),
      },
    });
  }

  // The actors the article names or gives a position to, their groups, then the new people.
  const named = new Set(refs.map((r) => r.actor).filter(Boolean));
  for (const c of candidates) named.add(c.actor);
  for (const aid of [...named]) for (const g of byId.get(aid)?.memberOf ?? []) named.add(g);
  const actors: Draft['actors'] = knownActors
    .filter((a) => named.has(a.id))
    .map((a) => ({ actor: a, introduced: null }));
  for (const p of newPeople) actors.push({ actor: p.actor, introduced: p.introduced });

  return {
    id,
    title: clip(title, MAX_TITLE),
    description: clip(`Positions stated in “${title}”.`, 2_000),
    publishedAt: date,
    language,
    source: {
      id,
      file: article.fileName,
      title: clip(title, MAX_TITLE),
      publisher: article.publisher,
      url: article.url,
      publishedAt: date,
      language,
      sha256: article.sha256,
      check,
    },
    actors,
    topics: [...topics.values()],
    sentences: draftSentences,
  };
}

function uniqueById<T extends { id: string }>(items: readonly T[]): T[] {
  const seen = new Map<string, T>();
  for (const i of items) if (!seen.has(i.id)) seen.set(i.id, i);
  return [...seen.values()];
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** One line of at most `max` characters, cut at a word with an ellipsis. */
function clip(s: string, max: number): string {
  const line = s.replace(/\s+/g, ' ').trim();
  if (line.length <= max) return line;
  const cut = line.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max / 2))}…`;
}
