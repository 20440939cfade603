/**
 * Candidate positions from an article: who said what, by the article's own grammar. A reported
 * statement needs an actor as the subject of a position verb ("Zelenskyy firmly rejected…"); a
 * quotation needs a speech verb and a speaker before it ("Macron vowing France would ‘…’") or
 * after it ("…,” said Varga). Everything else a sentence names is what the statement is about,
 * never its speaker: the rest of a clause after its verb is the statement's content, and names
 * inside quotation marks are the speaker's words.
 */
import type { Stance } from '../pack/schema';
import {
  BETWEEN_SUBJECT_AND_VERB,
  CLAUSE_BOUNDARY,
  NEGATIVE_WORDS,
  VERBS,
  type VerbRule,
} from './lexicon';
import type { Ref } from './people';
import { trim, type Quote, type Sentence, type Span } from './segments';

export interface Candidate {
  actor: string;
  kind: 'quote' | 'paraphrase';
  evidence: Span;
  stance: Stance;
  /** Why this stance: the verb as the article has it ("firmly rejected", "‘-proposed’"). */
  reason: string;
  /** Index of the sentence in the article's sentence list. */
  sentence: number;
  /** The words that tell the topic: the evidence, or for a quote its clause from the verb. */
  context: Span;
}

interface VerbAt extends Span {
  rule: VerbRule;
}

/** A speech verb with its resolved speaker, for quotes that follow it. */
interface Speaking {
  at: number;
  clauseEnd: number;
  actor: string;
  stance: Stance;
  reason: string;
}

const AFTER_QUOTE_VERB =
  /^[\s,]*(?:said|says|added|adds|told \w+|wrote|asked|replied|insisted|warned|declared)\s+$/i;
const VERB_AFTER_SPEAKER =
  /^(?:,[^,]{1,80},)?\s+(?:said|says|added|adds|told|wrote|asked|replied|insisted|warned|declared)\b/i;

/** Every candidate of the article, in order. `persons` are the ids of person actors. */
export function attribute(
  text: string,
  sentences: readonly Sentence[],
  quotes: readonly Quote[],
  refs: readonly Ref[],
  persons: ReadonlySet<string>,
): Candidate[] {
  const out: Candidate[] = [];
  let lastSpeaker: string | null = null;
  const speak = (actor: string) => {
    if (persons.has(actor)) lastSpeaker = actor;
  };

  sentences.forEach((s, index) => {
    const inSentence = within(quotes, s).filter((q) => q.start < s.end);
    const inQuote = (pos: number) => inSentence.some((q) => pos >= q.start && pos < q.end);
    const bounds = boundaries(text, s, inQuote);
    const clauseEnd = (pos: number) => bounds.find((b) => b >= pos) ?? s.end;
    const sRefs = within(refs, s).filter((r) => r.end <= s.end && !inQuote(r.start));
    const speaking: Speaking[] = [];
    let main: { actor: string; stance: Stance } | null = null;
    let contentUntil = s.start;
    const add = (c: Omit<Candidate, 'sentence'>) => {
      if (c.evidence.end <= c.evidence.start) return;
      const dup = out.some(
        (o) =>
          o.actor === c.actor &&
          o.evidence.start === c.evidence.start &&
          o.evidence.end === c.evidence.end,
      );
      if (!dup) out.push({ ...c, sentence: index });
    };

    for (const v of verbsIn(text, s, inQuote)) {
      const participle =
        /ing$/i.test(text.slice(v.start, v.end)) && /,\s*$/.test(text.slice(s.start, v.start));
      let actor: string | null = null;
      let start = v.start;
      let stance = v.rule.stance;
      if (participle && main) {
        actor = main.actor;
        if (v.rule.speech && (main.stance === 'warns' || main.stance === 'opposes'))
          stance = main.stance;
      } else if (!participle) {
        const subject = subjectOf(text, sRefs, v.start);
        if (!subject || subject.start < contentUntil) continue;
        actor = subject.via === 'pronoun' ? lastSpeaker : subject.actor;
        start = clauseStart(text, s, subject.start);
        // `“…,” she told reporters`: the attribution of a quote, which gets its own candidate.
        const tail = inSentence.some((q) => q.start >= start && q.end <= subject.start);
        if (tail && v.rule.speech) {
          if (actor)
            speaking.push({
              at: v.start,
              clauseEnd: v.end,
              actor,
              stance,
              reason: text.slice(v.start, v.end),
            });
          continue;
        }
      }
      if (!actor) continue;
      const end = clauseEnd(v.end);
      const evidence = trimEvidence(text, start, end);
      const reason = text.slice(v.start, v.end);
      if (
        stance === 'conditional' &&
        !/\b(?:if|provided|as long as|unless)\b/.test(spanText(text, evidence))
      ) {
        stance = 'supports';
      }
      if (stance === 'unclear' && NEGATIVE_WORDS.test(text.slice(v.end, end))) stance = 'opposes';
      if (!participle) {
        main = { actor, stance };
        contentUntil = end;
      }
      speak(actor);
      if (v.rule.speech) speaking.push({ at: v.start, clauseEnd: end, actor, stance, reason });
      if (!v.rule.speech || contentWords(text, v.end, evidence.end, inQuote) >= 2) {
        add({ actor, kind: 'paraphrase', evidence, stance, reason, context: evidence });
      }
    }

    for (const m of text.slice(s.start, s.end).matchAll(/([\p{L}.]+)-proposed\b/gu)) {
      const at = s.start + m.index;
      const ref = sRefs.find((r) => r.start === at && r.end === at + m[1]!.length && r.actor);
      if (!ref) continue;
      const comma = text.indexOf(', ', at);
      const end = Math.min(clauseEnd(at), comma < 0 ? s.end : comma);
      const evidence = trimEvidence(text, at, end);
      add({
        actor: ref.actor,
        kind: 'paraphrase',
        evidence,
        stance: 'proposes',
        reason: m[0],
        context: evidence,
      });
    }

    for (const q of inSentence) {
      const who = speakerAfter(text, q, sRefs, s) ?? speakerBefore(speaking, q);
      if (!who) continue;
      const actor = who.actor || lastSpeaker;
      if (!actor) continue;
      let stance = who.stance;
      if (stance === 'unclear' && NEGATIVE_WORDS.test(spanText(text, q.inner))) stance = 'opposes';
      const from = who.at;
      add({
        actor,
        kind: 'quote',
        evidence: q.inner,
        stance,
        reason: `quoted: ${who.reason}`,
        context: { start: Math.min(from, q.start), end: q.end },
      });
      speak(actor);
    }
  });
  return out;
}

const spanText = (text: string, s: Span) => text.slice(s.start, s.end);

/** The items of a list sorted by start that start inside `span` (binary search: long articles). */
function within<T extends Span>(items: readonly T[], span: Span): T[] {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (items[mid]!.start < span.start) lo = mid + 1;
    else hi = mid;
  }
  const out: T[] = [];
  for (let i = lo; i < items.length && items[i]!.start < span.end; i++) out.push(items[i]!);
  return out;
}

/** Where clauses end in a sentence: dashes, semicolons, ", though", ", with"… outside quotes. */
function boundaries(text: string, s: Sentence, inQuote: (pos: number) => boolean): number[] {
  const out: number[] = [];
  for (const m of text.slice(s.start, s.end).matchAll(CLAUSE_BOUNDARY)) {
    if (!inQuote(s.start + m.index)) out.push(s.start + m.index);
  }
  return out;
}

/** The position verbs of a sentence outside quotes, in order, none overlapping. */
function verbsIn(text: string, s: Sentence, inQuote: (pos: number) => boolean): VerbAt[] {
  const out: VerbAt[] = [];
  const words = /(?<![\p{L}’'-])\p{L}/gu;
  words.lastIndex = s.start;
  for (let m = words.exec(text); m && m.index < s.end; m = words.exec(text)) {
    if (inQuote(m.index) || (out.at(-1)?.end ?? 0) > m.index) continue;
    const ahead = text.slice(m.index, Math.min(s.end, m.index + 60));
    for (const rule of VERBS) {
      const hit = rule.pattern.exec(ahead);
      if (hit) {
        out.push({ start: m.index, end: m.index + hit[0].length, rule });
        break;
      }
    }
  }
  return out;
}

/** The reference that is the subject of a verb at `verbAt`: right before it, or across adverbs. */
function subjectOf(text: string, refs: readonly Ref[], verbAt: number): Ref | null {
  for (let i = refs.length - 1; i >= 0; i--) {
    const r = refs[i]!;
    if (r.end > verbAt) continue;
    const gap = text.slice(r.end, verbAt).replace(/^,\s[^,]{1,80},\s/, ' ');
    if (/^[’']s?\b/.test(gap)) return null; // a possessive: "Putin’s ambitions"
    const words = gap.trim().split(/\s+/).filter(Boolean);
    return words.every((w) => BETWEEN_SUBJECT_AND_VERB.has(w.toLowerCase())) ? r : null;
  }
  return null;
}

/** Start of the clause holding `pos`: after the last comma or dash before it, less "with", "and". */
function clauseStart(text: string, s: Sentence, pos: number): number {
  const before = text.slice(s.start, pos);
  const cut = Math.max(before.lastIndexOf(', '), before.lastIndexOf('—'), before.lastIndexOf('; '));
  let start = cut < 0 ? s.start : s.start + cut + (before[cut] === '—' ? 1 : 2);
  const lead = /^(?:with|and|but|while|as) /i.exec(text.slice(start, pos));
  if (lead) start += lead[0].length;
  return start;
}

/** Evidence ends without its sentence's full stop or a trailing comma. */
function trimEvidence(text: string, start: number, end: number): Span {
  let s = trim(text, start, end);
  while (s.end > s.start && /[.,;:]/.test(text[s.end - 1]!)) s = trim(text, s.start, s.end - 1);
  return s;
}

/** Words between `from` and `to` outside quotation marks. */
function contentWords(
  text: string,
  from: number,
  to: number,
  inQuote: (p: number) => boolean,
): number {
  let kept = '';
  for (let i = from; i < to; i++) kept += inQuote(i) ? ' ' : text[i];
  return kept.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}

/** A speaker named right after a quote: `…,” said Varga` or `…,” Varga, the mayor, said`. */
function speakerAfter(
  text: string,
  q: Quote,
  refs: readonly Ref[],
  s: Sentence,
): { actor: string; stance: Stance; reason: string; at: number } | null {
  const r = refs.find((x) => x.start >= q.end && x.start < Math.min(s.end, q.end + 50));
  if (!r) return null;
  const before = text.slice(q.end, r.start);
  const after = text.slice(r.end, Math.min(s.end, r.end + 100));
  const verb =
    AFTER_QUOTE_VERB.exec(before) ??
    (/^[\s,]*$/.test(before) ? VERB_AFTER_SPEAKER.exec(after) : null);
  if (!verb) return null;
  return {
    actor: r.actor,
    stance: 'supports',
    reason: verb[0].replace(/[\s,]+/g, ' ').trim(),
    at: s.start,
  };
}

/** The speaker of the latest speech verb before a quote, in the same clause. */
function speakerBefore(speaking: readonly Speaking[], q: Quote): Speaking | null {
  for (let i = speaking.length - 1; i >= 0; i--) {
    const sp = speaking[i]!;
    if (sp.at < q.start && sp.clauseEnd >= q.start) return sp;
  }
  return null;
}
