import { describe, expect, it } from 'vitest';
import { TEXT_PAIRS, bySchemes, contrast, readCss, tokens } from './css';

const themeCss = readCss('theme.css');

describe('theme', () => {
  it('every text colour pair meets WCAG AA in light and dark (theme.css)', () => {
    const { light, dark } = bySchemes(themeCss);
    const palettes = { light: tokens(light), dark: tokens(dark) };
    expect([...palettes.dark.keys()].sort()).toEqual([...palettes.light.keys()].sort());
    for (const [scheme, palette] of Object.entries(palettes)) {
      for (const [fg, bg] of TEXT_PAIRS) {
        expect(palette.get(fg), `--sp-${fg}`).toBeDefined();
        expect(palette.get(bg), `--sp-${bg}`).toBeDefined();
        const ratio = contrast(palette.get(fg)!, palette.get(bg)!);
        expect(ratio, `${scheme}: ${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
      }
    }
  });
});
