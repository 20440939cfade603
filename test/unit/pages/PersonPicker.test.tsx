import { describe, expect, it } from 'vitest';
import { useState } from 'preact/hooks';
import { PersonPicker } from '@/components/PersonPicker';
import { pickerList } from '@/utils/pages/pick';
import { actor } from './fixtures';
import { mount, setInput, text } from './render';

const people = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => actor(id, `Person ${id.toUpperCase()}`));
const list = pickerList(people, { actorIds: ['a', 'b'], counts: { a: 3, b: 1 } });

function Harness({ initial, max }: { initial: string[]; max: number | null }) {
  const [picked, setPicked] = useState(initial);
  return <PersonPicker list={list} picked={picked} max={max} min={2} onChange={setPicked} />;
}

const box = (root: HTMLElement, id: string) =>
  root.querySelector<HTMLInputElement>(`input[value="${id}"]`)!;

describe('PersonPicker', () => {
  it('lists the page’s people first with mention counts', () => {
    const root = mount(<Harness initial={['a', 'b']} max={4} />);
    const groups = root.querySelectorAll('ul');
    expect(text(root.querySelector('#sp-picker-on-page'))).toBe('On this page');
    const onPage = [...groups[0]!.querySelectorAll('label')].map((l) =>
      [...l.querySelectorAll('span')].map((s) => text(s)),
    );
    expect(onPage).toEqual([
      ['Person A', '3 mentions'],
      ['Person B', '1 mention'],
    ]);
    expect(text(root.querySelector('#sp-picker-others'))).toBe('Everyone else');
    expect(groups[1]!.querySelectorAll('input')).toHaveLength(4);
    expect(box(root, 'a').checked).toBe(true);
  });

  it('disables the other boxes at the limit and says why', () => {
    const root = mount(<Harness initial={['a', 'b', 'c']} max={4} />);
    setInput(box(root, 'd'), true);
    expect(box(root, 'e').disabled).toBe(true);
    expect(box(root, 'a').disabled).toBe(false);
    expect(text(root.querySelector('.sp-picker-hint'))).toContain('4 of 4 picked');
    setInput(box(root, 'a'), false);
    expect(box(root, 'e').disabled).toBe(false);
  });

  it('asks for at least two', () => {
    const root = mount(<Harness initial={['a']} max={4} />);
    expect(text(root.querySelector('.sp-picker-hint'))).toBe('Pick 2 to 4 to compare (1 picked).');
  });

  it('has no limit on the comparison page', () => {
    const root = mount(<Harness initial={['a', 'b', 'c', 'd', 'e']} max={null} />);
    expect(box(root, 'f').disabled).toBe(false);
  });
});
