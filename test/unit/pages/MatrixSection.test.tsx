import { describe, expect, it } from 'vitest';
import { useState } from 'preact/hooks';
import { MatrixSection } from '@/components/MatrixSection';
import type { Loadable } from '@/utils/pages/use-async';
import type { MatrixView } from '@/utils/views';
import { actor, matrix, position, topic } from './fixtures';
import { mount, setInput, text } from './render';

const z = actor('zelenskyy', 'Volodymyr Zelenskyy');
const m = actor('merz', 'Friedrich Merz');
const nato = topic('nato-membership', 'NATO bid');
const ceasefire = topic('ceasefire', 'Ceasefire first');
const troops = topic('troops', 'European troops');

const view = matrix(
  [z, m],
  [
    {
      topic: nato,
      cells: [[position('zelenskyy', nato, 'opposes')], [position('merz', nato, 'supports')]],
    },
    {
      topic: ceasefire,
      cells: [[position('zelenskyy', ceasefire, 'warns')], [position('merz', ceasefire, 'warns')]],
    },
    { topic: troops, cells: [[], []] },
  ],
);

function Harness({ value }: { value: Loadable<MatrixView> | null }) {
  const [query, setQuery] = useState('');
  const [only, setOnly] = useState(false);
  return (
    <MatrixSection
      matrix={value}
      query={query}
      onlyDisagree={only}
      onQuery={setQuery}
      onOnlyDisagree={setOnly}
    />
  );
}

const topicsShown = (root: HTMLElement) =>
  [...root.querySelectorAll('tbody tr[data-topic]')].map((tr) => tr.getAttribute('data-topic'));

describe('MatrixSection', () => {
  it('shows the known topics and says what it left out', () => {
    const root = mount(<Harness value={{ state: 'done', result: { ok: true, value: view } }} />);
    expect(topicsShown(root)).toEqual(['nato-membership', 'ceasefire']);
    expect(text(root.querySelector('[role="status"]'))).toBe(
      '2 topics. 1 topic where none of them has a position left out.',
    );
  });

  it('filters to disagreements and by search', () => {
    const root = mount(<Harness value={{ state: 'done', result: { ok: true, value: view } }} />);
    setInput(root.querySelector('input[type="checkbox"]'), true);
    expect(topicsShown(root)).toEqual(['nato-membership']);
    expect(text(root.querySelector('[role="status"]'))).toContain('Showing 1 of 2 topics.');
    setInput(root.querySelector('input[type="checkbox"]'), false);
    setInput(root.querySelector('input[type="search"]'), 'cease');
    expect(topicsShown(root)).toEqual(['ceasefire']);
    setInput(root.querySelector('input[type="search"]'), 'nothing like this');
    expect(root.querySelector('table')).toBeNull();
    expect(text(root.querySelector('[role="status"]'))).toBe(
      'No topic matches the filters (2 topics in all). 1 topic where none of them has a position left out.',
    );
  });

  it('shows a background error as a sentence', () => {
    const root = mount(
      <Harness
        value={{ state: 'done', result: { ok: false, error: 'The store is being updated.' } }}
      />,
    );
    expect(text(root.querySelector('[role="alert"]'))).toBe('The store is being updated.');
    expect(root.querySelector('table')).toBeNull();
  });

  it('is honest when the packs hold nothing for the picked people', () => {
    const empty = matrix([z, m], [{ topic: troops, cells: [[], []] }]);
    const root = mount(<Harness value={{ state: 'done', result: { ok: true, value: empty } }} />);
    expect(text(root.querySelector('[role="status"]'))).toBe(
      'The installed packs hold no stated position for any of Volodymyr Zelenskyy, Friedrich Merz.',
    );
  });

  it('asks for a pick when nobody is picked, and shows loading', () => {
    expect(text(mount(<Harness value={null} />))).toContain('Pick people above to compare them.');
    expect(text(mount(<Harness value={{ state: 'loading' }} />))).toContain('Loading positions');
  });
});
