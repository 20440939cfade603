/**
 * The shapes that cross from the background to content scripts and extension pages.
 * They are read models built from the store, not the pack format: a card or a matrix cell
 * carries everything its component needs, so components stay "props in, markup out".
 */
import type { RuleVocabulary } from './spotting/rule-words';
import type { Actor, MatchPolicy, Stance } from './pack/schema';

/** Plain result across contexts: never throw over a message boundary. */
export type Result<T> = { ok: true; value: T } | { ok: false; error: string };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const err = <T = never>(error: string): Result<T> => ({ ok: false, error });

/** One actor as the content script's matcher needs it. */
export interface DictionaryActor {
  id: string;
  kind: Actor['kind'];
  aliases: string[];
  match: MatchPolicy;
}

/**
 * The alias dictionary a content script builds its matcher from. `version` changes whenever
 * the installed packs change, so a content script can cache its matcher per version.
 */
export interface Dictionary {
  version: string;
  actors: DictionaryActor[];
  /**
   * The rules' vocabulary (utils/spotting/rule-vocabulary.ts), carried to pages with the names.
   * Every dictionary the background publishes has it; a matcher built without it keeps the
   * vocabulary in use.
   */
  vocabulary?: RuleVocabulary;
}

/** Whose word something is: a pack, and whether a signature (or the extension) vouches for it. */
export interface PackLabel {
  id: string;
  title: string;
  /** False for a pack imported from a file: every surface says "unverified" beside its content. */
  verified: boolean;
}

/**
 * Who an actor is, as the pack that owns it defines it: the fields every surface shows. The
 * ownership rule (utils/pack/ownership.ts) builds it; the read models below carry it.
 */
export type ActorIdentity = Pick<Actor, 'id' | 'kind' | 'name' | 'role' | 'country' | 'memberOf'>;

export interface ActorSummary extends ActorIdentity {
  /** The pack that defines this actor (name, role, groups): the first to describe it. */
  definedBy: PackLabel;
}

/**
 * The people order every list of actors uses: people before groups, then by name as a reader
 * sorts names (case and accents ignored where the locale ignores them).
 */
export function comparePeople(
  a: Pick<ActorSummary, 'kind' | 'name'>,
  b: Pick<ActorSummary, 'kind' | 'name'>,
): number {
  return (
    (a.kind === b.kind ? 0 : a.kind === 'person' ? -1 : 1) ||
    a.name.localeCompare(b.name, undefined, { sensitivity: 'base' })
  );
}

export interface TopicView {
  id: string;
  proposition: string;
  label: string;
}

export interface SourceRef {
  id: string;
  title: string;
  publisher: string | null;
  publishedAt: string;
  url: string | null;
}

/** The change a sync made to a position, when it was changed by an update. */
export interface PositionChange {
  kind: 'added' | 'changed';
  /** Earlier versions, newest first. */
  history: { stance: Stance; summary: string; date: string; packVersion: number }[];
}

export interface PositionView {
  id: string;
  actorId: string;
  topic: TopicView;
  stance: Stance;
  summary: string;
  evidence: {
    sourceId: string;
    start: number;
    end: number;
    text: string;
    kind: 'quote' | 'paraphrase';
  };
  source: SourceRef;
  date: string;
  packId: string;
  packVersion: number;
  /** The pack this position comes from: shown beside it on every surface. */
  pack: PackLabel;
  change?: PositionChange;
}

/** Everything a hover card shows for one actor. */
export interface CardView {
  actor: ActorSummary;
  /** The actor's own stated positions, topics the page is about first. */
  positions: PositionView[];
  /** Positions of the groups the actor belongs to: shown as the group's, never as the person's. */
  groups: { group: ActorSummary; positions: PositionView[] }[];
  /** How many sources in the installed packs name this actor. */
  sourceCount: number;
  /** The newest date of the packs that speak of this actor. */
  asOf: string;
  packs: { id: string; version: number; title: string; verified: boolean }[];
}

/** A topics x people matrix: one row per topic, one cell per picked actor. */
export interface MatrixView {
  actors: ActorSummary[];
  rows: {
    topic: TopicView;
    cells: {
      actorId: string;
      own: PositionView[];
      viaGroups: { group: ActorSummary; positions: PositionView[] }[];
    }[];
  }[];
}

export interface PackInfo {
  id: string;
  version: number;
  title: string;
  publishedAt: string;
  installedAt: string;
  origin: 'builtin' | 'feed' | 'file';
  verified: boolean;
  previousVersion: number | null;
  /** The feed a synced pack came from (it offers the pack again after a removal), or null. */
  feedUrl: string | null;
}

export interface SourceView {
  source: SourceRef & { text: string | null; language: string };
  positions: PositionView[];
}
