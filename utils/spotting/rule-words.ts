/**
 * Word lists of the disambiguation rules (utils/spotting/rules.ts). They are about languages,
 * not about any one person: what a person's names are, and who shares them, is pack data.
 * Every list is folded (lower case) and checked with a Set lookup.
 */

const words = (s: string): ReadonlySet<string> => new Set(s.split(/\s+/).filter(Boolean));

/** Capitalised words before a surname that are not a given name: they do not make it someone else. */
export const NEUTRAL_WORDS = words(
  'a an the and but or nor so yet for of in on at by to from with without as if when while after before since ' +
    'until because although though then now today yesterday tomorrow tonight meanwhile however still also even ' +
    'only just why how what where who whom whose which that this these those both either neither not no yes ' +
    'said says asked told according under over against between about during like unlike per via let has had ' +
    'have is was were will would could should can may might must did does do it he she they we i you his her ' +
    'their our my your its all some many most more few several every each any other another new old watch read ' +
    'see video photo photos opinion analysis live update updates breaking exclusive interview news dear thanks ' +
    'whether once here there later earlier last next first second third finally then instead separately ' +
    'afterwards previously recently currently ultimately meanwhile overall indeed perhaps maybe ' +
    'certainly clearly nevertheless nonetheless moreover furthermore besides otherwise thus hence ' +
    'monday tuesday wednesday thursday friday saturday sunday january february march april june july august ' +
    'september october november december ' +
    'mr mrs ms miss mx dr sir dame lord lady prof professor president chancellor minister prime secretary ' +
    'senator sen rep representative governor gov mayor general gen admiral colonel col leader king queen ' +
    'prince princess pope premier ambassador envoy commissioner chairman chairwoman chair speaker judge ' +
    'justice former ex vice deputy acting elect candidate nominee comrade ' +
    'american russian ukrainian german french british english chinese european israeli palestinian iranian ' +
    'polish italian spanish turkish indian japanese korean canadian mexican brazilian hungarian belarusian ' +
    'nato eu un us uk kremlin',
);

/** Abbreviations whose full stop does not end a sentence. */
export const ABBREVIATIONS = words(
  'mr mrs ms dr st sen rep gov gen col lt sgt capt adm pres prof jr sr u.s u.k vs no',
);

/** Characters that may open a sentence's first word: quotes and brackets. */
export const OPENERS = '"\'“”‘’«»„‹›([{¡¿*';
/** Characters after which the next word starts a sentence or a headline. */
export const SENTENCE_ENDS = '.!?…:|•·';

/** Words Title Case styles leave in lower case; they say nothing either way. */
export const TITLE_CASE_SMALL = words(
  'and the for nor but yet with from into over onto upon amid via per off out',
);
