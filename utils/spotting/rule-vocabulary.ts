/**
 * The rules' vocabulary (utils/spotting/rule-words.ts): whole words of the languages we read that
 * the disambiguation rules look for around a name. It is data for the page: the background puts
 * it into the dictionary it publishes, and a content script takes it from there, so none of it is
 * part of the always-on script. Changing a list changes the dictionary's version, and every page
 * gets the new lists with it.
 */
import type { RuleVocabulary } from './rule-words';

/** Each list's meaning is written beside its name in ./rule-words.ts. */
export const RULE_VOCABULARY: RuleVocabulary = {
  neutral:
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
    'nato eu un us uk kremlin ' +
    'der die das den dem des ein eine einen einem le la les un une du au aux',
  abbreviations:
    'mr mrs ms dr st sen rep gov gen col lt sgt capt adm pres prof jr sr u.s u.k vs no',
  titleCaseSmall: 'and the for nor but yet with from into over onto upon amid via per off out',
  roles: 'host counterpart homologue hôte',
  familyArticles: 'the die den',
  familyArticlesAnyForm: 'les des aux',
  germanMarkers:
    'und nicht ist mit für sich dem ein eine einen einer auch im zu auf nach bei laut wurde hat ' +
    'sagte sind war vom zum zur beim über',
  lowercase: 'trump trumps macron poutine',
  compoundHeads:
    'regierung kabinett plan anhänger lager interview team regime besuch government administration ' +
    'cabinet camp supporters led backed era gouvernement camp équipe',
  pageStopWords:
    'that this with from have were will would about which their there they them been also into ' +
    'more than when what your some said says after could should other over only such then these ' +
    'those while where being because before under very just most many much must does done each ' +
    'here even made make like well back still through between against during without within ' +
    'upon whose whom yours ours theirs itself himself herself themselves again once both same ' +
    'since until among across along around toward towards including however although though',
};
