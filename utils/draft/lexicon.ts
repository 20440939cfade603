/**
 * The words a draft reads attribution from: verbs that state a position (with the stance they
 * suggest), verbs that introduce speech, role nouns that introduce a new person, and the place
 * names that stand for a side. Small English lists, kept here so an editor can read and extend
 * them; the draft is always reviewed, so a missing verb costs a manual position, never a wrong one.
 */
import type { Stance } from '../pack/schema';

export interface VerbRule {
  /** Matched at a word start, case-insensitive; may span words ("expressed willingness"). */
  pattern: RegExp;
  stance: Stance;
  /** Also introduces a quotation ("vowing France would ‘…’"). */
  speech: boolean;
}

const rule = (words: string, stance: Stance, speech = false): VerbRule => ({
  pattern: new RegExp(`^(?:${words})\\b`, 'i'),
  stance,
  speech,
});

/** Position and speech verbs, longest phrases first within a stance. */
export const VERBS: readonly VerbRule[] = [
  rule('expressed willingness|signall?ed willingness|expressing willingness', 'conditional'),
  rule('rejected|rejects|rejecting', 'opposes'),
  rule(
    'dismissed|dismisses|dismissing|refused|refuses|refusing|ruled out|opposed|opposes',
    'opposes',
  ),
  rule('challenged|challenges|challenging|questioned|questioning|criticized|criticised', 'opposes'),
  rule('condemned|condemns|denounced|objected', 'opposes'),
  rule('issued (?:\\w+ )?warnings?|warned|warns|warning|cautioned', 'warns', true),
  rule(
    'proposed|proposes|proposing|put forward|offered|offers|suggested|suggesting',
    'proposes',
    true,
  ),
  rule('vowed|vows|vowing|pledged|pledges|pledging|promised|promises|promising', 'supports', true),
  rule('reinforced (?:their|his|her|its) support|backed|backs|endorsed|welcomed', 'supports'),
  rule('called for|calls for|calling for|demanded|demands|urged|urges|urging', 'supports', true),
  rule('insisted|insists|insisting|argued|argues|arguing', 'supports', true),
  rule('characteri[sz]ed|characteri[sz]ing|described|describing|called|calling', 'unclear', true),
  rule(
    'indicated|indicates|indicating|communicated|stated|states|declared|declares',
    'supports',
    true,
  ),
  rule('cited|cites|citing|expects|expected|announced|announces', 'supports'),
  rule(
    'reported|reports|reporting|said|says|saying|told|tells|added|adds|wrote|writes',
    'supports',
    true,
  ),
  rule('replied|asked|noted|recalled|explained|conceded|admitted', 'supports', true),
];

/** A characterisation ("called … unlikely to", "described … as unworkable") that reads as against. */
export const NEGATIVE_WORDS =
  /\b(?:unlikely|not|no|never|unworkable|inequitable|unacceptable|impossible|wrong|dangerous|won’t|wouldn’t|n't|n’t)\b/i;

/**
 * Words that may stand between a subject and its verb: auxiliaries and adverbs ("has firmly
 * rejected"). Anything else between them means the name is not the verb's subject.
 */
export const BETWEEN_SUBJECT_AND_VERB = new Set(
  (
    'has have had also firmly flatly again now then later once repeatedly publicly quickly ' +
    'openly privately reportedly previously earlier already would will had since immediately'
  ).split(' '),
);

/** Clause boundaries: what a statement's evidence does not run past. */
export const CLAUSE_BOUNDARY =
  /—|–|;|, (?:though|although|but|while|whereas|with|and|as|even as)\b| (?:though|although|whereas) /g;

/** Nouns that, ending a role phrase before a capitalised name, introduce a new person. */
export const ROLE_NOUNS = new Set(
  (
    'president chancellor minister premier advisor adviser aide envoy negotiator spokesperson ' +
    'spokesman spokeswoman engineer operator mayor governor senator secretary chief leader ambassador ' +
    'commissioner chair chairman chairwoman king queen general director official head ' +
    'councillor councilor deputy representative diplomat manager founder editor professor'
  ).split(' '),
);

/**
 * Place names that stand for a side ("Moscow", "Washington", "the U.S. side"), by country code:
 * they name the group actor of that country when the packs have exactly one.
 */
export const SIDE_NAMES: Record<string, readonly string[]> = {
  US: ['U.S.', 'US', 'United States', 'Washington', 'the White House', 'American side'],
  RU: ['Russia', 'Moscow', 'the Kremlin', 'Russian side'],
  UA: ['Ukraine', 'Kyiv', 'Ukrainian side'],
  DE: ['Germany', 'Berlin', 'German side'],
  FR: ['France', 'Paris', 'the Élysée', 'French side'],
  GB: ['Britain', 'the United Kingdom', 'London', 'British side'],
  CN: ['China', 'Beijing', 'Chinese side'],
};

/** Third-person pronouns that stand for the last named speaker. */
export const PRONOUNS = /\b(?:he|she|He|She)\b/g;
