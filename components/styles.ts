/**
 * All CSS the shared components need, as one string: add it once to a shadow root or an
 * extension page (`<style>{COMPONENT_CSS}</style>`). Text, not a stylesheet import, because the
 * hover card's shadow root cannot load the page's or the bundle's stylesheets.
 */
import { THEME_CSS } from './theme';
import { STANCE_CHIP_CSS } from './StanceChip';
import { EVIDENCE_CSS } from './Evidence';

export const COMPONENT_CSS = [THEME_CSS, STANCE_CHIP_CSS, EVIDENCE_CSS].join('\n');
