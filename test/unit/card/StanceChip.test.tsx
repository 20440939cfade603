import { describe, expect, it } from 'vitest';
import { render } from 'preact';
import { StanceChip } from '@/components/StanceChip';
import { STANCES } from '@/utils/pack/schema';
import { bySchemes, chipColours, contrast, readCss } from './css';

function mount(vnode: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(vnode, root);
  return root;
}

const chipCss = readCss('StanceChip.css');

describe('StanceChip', () => {
  it('names the stance in words for sight and for screen readers', () => {
    const root = mount(<StanceChip stance="conditional" />);
    const chip = root.querySelector('.sp-chip')!;
    expect(chip.getAttribute('data-stance')).toBe('conditional');
    expect(chip.textContent).toBe('Stance: Conditional');
    expect(chip.querySelector('.sp-visually-hidden')!.textContent).toBe('Stance: ');
    expect(chip.getAttribute('title')).toMatch(/condition/);
  });

  it.each(STANCES)('%s chip meets WCAG AA contrast in both themes (StanceChip.css)', (stance) => {
    const schemes = bySchemes(chipCss);
    for (const scheme of ['light', 'dark'] as const) {
      const colours = chipColours(schemes[scheme]).get(stance);
      expect(colours, `${stance} ${scheme} rule`).toBeDefined();
      expect(contrast(colours!.fg, colours!.bg), `${stance} ${scheme}`).toBeGreaterThanOrEqual(4.5);
    }
  });
});
