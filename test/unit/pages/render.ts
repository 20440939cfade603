/** Renders Preact trees into happy-dom for the popup's component tests. */
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach } from 'vitest';

let roots: HTMLElement[] = [];

afterEach(() => {
  for (const root of roots) {
    render(null, root);
    root.remove();
  }
  roots = [];
});

/** Mounts `ui` in a fresh container and returns it. */
export function mount(ui: ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  roots.push(root);
  act(() => render(ui, root));
  return root;
}

/** Runs a DOM event inside `act`, so Preact's re-render has happened when it returns. */
export function fire(el: Element | null | undefined, event: Event): void {
  if (!el) throw new Error('no element to fire on');
  act(() => {
    el.dispatchEvent(event);
  });
}

export const click = (el: Element | null | undefined) =>
  fire(el, new MouseEvent('click', { bubbles: true }));

/** Sets an input's value or checked state and fires the events Preact listens to. */
export function setInput(el: Element | null | undefined, value: string | boolean): void {
  const input = el as HTMLInputElement | null;
  if (!input) throw new Error('no input');
  act(() => {
    if (typeof value === 'boolean') {
      input.checked = value;
      input.dispatchEvent(new Event('change', { bubbles: true }));
    } else {
      input.value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
    }
  });
}

/** Visible text with whitespace collapsed. */
export const text = (el: Element | null | undefined) =>
  (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
