import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { Evidence } from '@/components/Evidence';
import { merzCard } from './fixtures';

function mount(vnode: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(vnode, root);
  return root;
}

describe('Evidence', () => {
  const [quoted, ,] = merzCard.positions;
  const paraphrased = merzCard.positions[1]!;

  it('puts a direct quote in quotation marks', () => {
    const root = mount(<Evidence position={quoted!} sourceHref="#x" />);
    expect(root.querySelector('blockquote')!.textContent).toBe(
      '\u201ca ceasefire must come first\u201d',
    );
    expect(root.textContent).toContain('Direct quote');
    expect(root.textContent).not.toContain('paraphrase');
  });

  it("marks a paraphrase as the source's words, without quotation marks", () => {
    const root = mount(<Evidence position={paraphrased} sourceHref="#x" />);
    const text = root.querySelector('.sp-evidence-text')!;
    expect(text.tagName).toBe('P');
    expect(text.textContent).toBe('Merz rejected any demand that Kyiv abandon its NATO hopes');
    expect(root.textContent).toContain("The source's paraphrase");
    expect(root.querySelector('blockquote')).toBeNull();
  });

  it('names the source and its date and links to the source viewer with the position', () => {
    const root = mount(<Evidence position={quoted!} />);
    expect(root.querySelector('cite')!.textContent).toBe('Talks in Geneva end without agreement');
    expect(root.querySelector('time')!.getAttribute('datetime')).toBe('2025-11-23');
    expect(root.querySelector('time')!.textContent).toBe('Nov 23, 2025');
    const href = root.querySelector('a')!.getAttribute('href')!;
    const url = new URL(href);
    expect(url.pathname).toBe('/source.html');
    expect(url.searchParams.get('source')).toBe('geneva-talks');
    expect(url.searchParams.get('position')).toBe('merz-ceasefire');
  });

  it('hands the click to onOpenSource instead of navigating when asked', () => {
    const open = vi.fn();
    const root = mount(<Evidence position={quoted!} onOpenSource={open} />);
    const a = root.querySelector('a')!;
    const ev = new MouseEvent('click', { bubbles: true, cancelable: true });
    a.dispatchEvent(ev);
    expect(open).toHaveBeenCalledWith(quoted);
    expect(ev.defaultPrevented).toBe(true);
  });

  it('renders page and pack strings as text, never as markup', () => {
    const hostile = {
      ...quoted!,
      evidence: { ...quoted!.evidence, text: '<img src=x onerror=alert(1)>' },
    };
    const root = mount(<Evidence position={hostile} sourceHref="#x" />);
    expect(root.querySelector('img')).toBeNull();
    expect(root.querySelector('blockquote')!.textContent).toContain('<img src=x');
  });
});
