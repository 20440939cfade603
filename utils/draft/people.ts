/**
 * Who an article names, with where: the packs' people found by the spotter's own matcher and
 * page-wide disambiguation (so a draft and the highlights agree), people the article introduces
 * with a role ("Kremlin aide Yuri Ushakov"), role references ("the Ukrainian president"), sides
 * named by place ("Moscow", "the U.S. side") and the pronouns "he" and "she".
 */
import type { Actor } from '../pack/schema';
import { resolveAll } from '../spotting/context';
import { buildMatcher } from '../spotting/matcher';
import type { Dictionary, DictionaryActor } from '../views';
import { PRONOUNS, ROLE_NOUNS, SIDE_NAMES } from './lexicon';
import { escape, slug } from './topics';

export interface Ref {
  /** The actor named; empty for a pronoun, which the attribution resolves. */
  actor: string;
  start: number;
  end: number;
  via: 'name' | 'role' | 'side' | 'pronoun';
}

/** A person the article introduces with a role and no pack describes. */
export interface NewPerson {
  actor: Actor;
  /** Where the article introduces them: "German Chancellor Friedrich Merz". */
  introduced: string;
}

const NAME_WORD = "\\p{Lu}[\\p{Ll}’'\\-]+";
/** Lower-case words a role phrase may hold: its role nouns and their usual modifiers. */
const ROLE_MODIFIERS =
  'special|presidential|foreign|deputy|senior|chief|former|top|city|state|defence|defense|prime|finance|interior|press|union|harbour|harbor|ferry';
const INTRO = new RegExp(
  `((?:(?:\\p{Lu}[\\p{L}.’'\\-]*|${ROLE_MODIFIERS}|${[...ROLE_NOUNS].join('|')}) ){1,4})(${NAME_WORD}(?: ${NAME_WORD}){1,2})`,
  'gu',
);

/** People introduced as "<role> <Given> <Surname>" whom no known actor's matcher finds there. */
export function findNewPeople(text: string, known: readonly DictionaryActor[]): NewPerson[] {
  const matcher = buildMatcher({ version: 'known', actors: [...known] });
  const knownSpans = matcher.find(text);
  const taken = new Set(known.map((a) => a.id));
  const out: NewPerson[] = [];
  for (const m of text.matchAll(INTRO)) {
    const rolePhrase = m[1]!.trim();
    const name = m[2]!;
    const roleWords = rolePhrase.split(' ');
    const noun = roleWords.at(-1)!.toLowerCase();
    if (!ROLE_NOUNS.has(noun)) continue;
    const nameStart = m.index + m[1]!.length;
    const nameEnd = nameStart + name.length;
    if (knownSpans.some((k) => k.start < nameEnd && k.end > nameStart)) continue;
    // A sentence-initial article ("The", "A") is not part of the role.
    const role = roleWords.filter((w, i) => i > 0 || !/^(?:The|A|An)$/.test(w)).join(' ');
    let id = slug(name.split(' ').at(-1)!);
    if (taken.has(id)) id = slug(name);
    if (taken.has(id) || out.some((p) => p.actor.name === name)) continue;
    taken.add(id);
    const parts = name.split(' ');
    out.push({
      introduced: `${role} ${name}`,
      actor: {
        id,
        kind: 'person',
        name,
        role,
        country: null,
        aliases: [name],
        memberOf: [],
        match: {
          surnames: [parts.at(-1)!],
          bareSurname: 'in-context',
          givenNames: [parts[0]!],
          titles: [...new Set([role, roleWords.at(-1)!])],
          commonWord: false,
        },
      },
    });
  }
  return out;
}

/** Every reference to an actor in the text, in order, none overlapping (names win). */
export function findRefs(text: string, dict: Dictionary, actors: readonly Actor[]): Ref[] {
  const matcher = buildMatcher(dict);
  const candidates = [];
  let at = 0;
  for (const line of text.split('\n')) {
    for (const c of matcher.find(line))
      candidates.push({ ...c, start: c.start + at, end: c.end + at });
    at += line.length + 1;
  }
  const refs: Ref[] = resolveAll(candidates).map(({ c, actorId }) => ({
    actor: actorId,
    start: c.start,
    end: c.end,
    via: 'name',
  }));
  const add = (r: Ref) => {
    if (!refs.some((o) => o.start < r.end && o.end > r.start)) refs.push(r);
  };
  // Role phrases are compared in lower case ("The Ukrainian president"); a capitalised word
  // after one is a name, which makes it an introduction, not a reference.
  const lower = text.toLowerCase();
  if (lower.length === text.length) {
    for (const [phrase, id] of rolePhrases(actors)) {
      const re = new RegExp(`(?<![\\p{L}])the ${escape(phrase)}(?![\\p{L}])`, 'gu');
      for (const m of lower.matchAll(re)) {
        const end = m.index + m[0].length;
        if (/^ \p{Lu}/u.test(text.slice(end, end + 2))) continue;
        add({ actor: id, start: m.index, end, via: 'role' });
      }
    }
  }
  for (const [name, id] of sideNames(actors)) {
    const re = new RegExp(`(?<![\\p{L}.])${escape(name)}(?![\\p{L}])`, 'gu');
    for (const m of text.matchAll(re))
      add({ actor: id, start: m.index, end: m.index + m[0].length, via: 'side' });
  }
  for (const m of text.matchAll(PRONOUNS)) {
    add({ actor: '', start: m.index, end: m.index + m[0].length, via: 'pronoun' });
  }
  return refs.sort((a, b) => a.start - b.start);
}

/** Role phrases that name exactly one person ("Russian leader", "chancellor"), lower case. */
function rolePhrases(actors: readonly Actor[]): Map<string, string> {
  const owners = new Map<string, Set<string>>();
  for (const a of actors) {
    if (a.kind !== 'person') continue;
    for (const t of [a.role, ...a.match.titles]) {
      const key = t.toLowerCase();
      if (!/^[\p{L} .-]+$/u.test(key)) continue;
      owners.set(key, (owners.get(key) ?? new Set()).add(a.id));
    }
  }
  const out = new Map<string, string>();
  for (const [key, ids] of owners) if (ids.size === 1) out.set(key, [...ids][0]!);
  return new Map([...out].sort((a, b) => b[0].length - a[0].length));
}

/** Place names of a side, for countries with exactly one group actor. */
function sideNames(actors: readonly Actor[]): Map<string, string> {
  const byCountry = new Map<string, string[]>();
  for (const a of actors) {
    if (a.kind !== 'group' || !a.country) continue;
    byCountry.set(a.country, [...(byCountry.get(a.country) ?? []), a.id]);
  }
  const out = new Map<string, string>();
  for (const [country, ids] of byCountry) {
    if (ids.length !== 1) continue;
    for (const name of SIDE_NAMES[country] ?? []) {
      out.set(name, ids[0]!);
      out.set(`the ${name} side`, ids[0]!);
    }
  }
  return new Map([...out].sort((a, b) => b[0].length - a[0].length));
}
