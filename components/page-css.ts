/**
 * All CSS of the popup and the comparison page's components as one string, added once per page
 * with `<style>`, the same way the card adds COMPONENT_CSS to its shadow root.
 */
import { COMPONENT_CSS } from './styles';
import { STANCE_MATRIX_CSS } from './StanceMatrix';
import { PERSON_PICKER_CSS } from './PersonPicker';
import { MATRIX_FILTERS_CSS } from './MatrixFilters';
import { MATRIX_SECTION_CSS } from './MatrixSection';
import { PACK_STATUS_CSS } from './PackStatus';
import { SITE_SWITCH_CSS } from './SiteSwitch';
import { PAGE_NOTICE_CSS } from './PageNotice';

export const MATRIX_PAGE_CSS = [
  COMPONENT_CSS,
  STANCE_MATRIX_CSS,
  PERSON_PICKER_CSS,
  MATRIX_FILTERS_CSS,
  MATRIX_SECTION_CSS,
  PACK_STATUS_CSS,
  SITE_SWITCH_CSS,
  PAGE_NOTICE_CSS,
].join('\n');
