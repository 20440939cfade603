import { describe, expect, it, vi } from 'vitest';
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { HoverCard } from '@/components/HoverCard';
import { groupByTopic } from '@/components/TopicList';
import { emptyCard, merzCard, rubioCard } from './fixtures';

function mount(vnode: preact.ComponentChild): HTMLElement {
  const root = document.createElement('div');
  document.body.append(root);
  render(vnode, root);
  return root;
}

const texts = (root: ParentNode, sel: string) =>
  [...root.querySelectorAll(sel)].map((e) => e.textContent);

describe('HoverCard', () => {
  it('shows who the person is, as of when, from which pack', () => {
    const root = mount(<HoverCard card={merzCard} initialView="full" />);
    const dialog = root.querySelector('[role=dialog]')!;
    expect(dialog.getAttribute('aria-label')).toBe('Standpoint: Friedrich Merz');
    expect(root.querySelector('.sp-name')!.textContent).toBe('Friedrich Merz');
    expect(root.querySelector('.sp-role')!.textContent).toBe('German Chancellor, Germany');
    const foot = root.querySelector('.sp-foot')!.textContent!;
    expect(foot).toContain('As of Nov 24, 2025');
    expect(foot).toContain('Built-in pack v3');
  });

  it('groups positions by topic in the order given, each with stance, summary and evidence', () => {
    const root = mount(<HoverCard card={merzCard} initialView="full" />);
    expect(texts(root, '.sp-proposition')).toEqual([
      'Should a ceasefire come first?',
      'Should Ukraine give up its NATO bid?',
    ]);
    const ceasefire = root.querySelector('[data-topic=ceasefire]')!;
    expect(
      [...ceasefire.querySelectorAll('.sp-position')].map((li) => li.getAttribute('data-position')),
    ).toEqual(['merz-ceasefire', 'merz-ceasefire-2']);
    const first = ceasefire.querySelector('.sp-position')!;
    expect(first.querySelector('.sp-chip')!.textContent).toBe('Stance: Supports');
    expect(first.querySelector('.sp-summary')!.textContent).toBe(
      'Says a ceasefire must come before any talks on territory.',
    );
    expect(first.querySelector('blockquote')!.textContent).toBe(
      '\u201ca ceasefire must come first\u201d',
    );
  });

  it('marks a position changed by an update and can show its earlier versions', () => {
    const root = mount(<HoverCard card={merzCard} initialView="full" />);
    const changed = root.querySelector('[data-position=merz-nato]')!;
    expect(changed.querySelector('.sp-change')!.textContent).toBe('Changed in update v3');
    const history = changed.querySelector('details')!;
    expect(history.open).toBe(false);
    expect(history.querySelector('summary')!.textContent).toBe('Show earlier versions (1)');
    expect(history.querySelector('li')!.textContent).toBe(
      'Pack v2, Oct 1, 2025: Stance: Unclear Left his view open.',
    );
    expect(root.querySelector('[data-position=merz-ceasefire] .sp-change')).toBeNull();
  });

  it("labels a group's positions as the group's, never as the person's own words", () => {
    const root = mount(<HoverCard card={rubioCard} initialView="full" />);
    expect(root.querySelector('.sp-empty')!.textContent).toContain(
      'The installed packs hold no position stated by Marco Rubio personally. Marco Rubio (U.S. Secretary of State, United States) is named in 3 sources.',
    );
    const group = root.querySelector('[data-group=us-delegation]')!;
    expect(group.querySelector('.sp-section-title')!.textContent).toBe('Group: U.S. delegation');
    expect(group.querySelector('.sp-group-note')!.textContent).toBe(
      "Marco Rubio belongs to U.S. delegation. These are the group's positions, not Marco Rubio's own words.",
    );
    expect(group.querySelector('.sp-summary')!.textContent).toBe(
      'U.S. delegation: Put forward a 28-point peace plan.',
    );
    // The group's position is not listed among the person's own.
    expect(root.querySelector('.sp-body > .sp-topic')).toBeNull();
  });

  it('says plainly when the packs hold no position, with who the person is and how many sources', () => {
    const root = mount(<HoverCard card={emptyCard} />);
    expect(root.querySelector('.sp-empty')!.textContent).toBe(
      'The installed packs hold no position stated by Steve Witkoff. Steve Witkoff (U.S. special envoy, United States) is named in 4 sources.',
    );
    expect(root.querySelector('.sp-position')).toBeNull();
    expect(root.querySelector('.sp-group')).toBeNull();
  });

  it('offers Compare and Close, and routes source links through the callback', () => {
    const onCompare = vi.fn();
    const onClose = vi.fn();
    const onOpenSource = vi.fn();
    const root = mount(
      <HoverCard
        card={merzCard}
        initialView="full"
        onCompare={onCompare}
        onClose={onClose}
        onOpenSource={onOpenSource}
      />,
    );
    root.querySelector<HTMLButtonElement>('.sp-compare')!.click();
    expect(onCompare).toHaveBeenCalledWith('merz');
    root.querySelector<HTMLButtonElement>('.sp-close')!.click();
    expect(onClose).toHaveBeenCalled();
    root.querySelector<HTMLAnchorElement>('[data-position=merz-nato] a')!.click();
    expect(onOpenSource.mock.calls[0]![0].id).toBe('merz-nato');
  });

  it('starts compact: topic, stance and one line per position, evidence one press away', async () => {
    const many = {
      ...merzCard,
      positions: [...merzCard.positions, { ...merzCard.positions[0]!, id: 'merz-extra' }],
    };
    const root = mount(<HoverCard card={many} />);
    const items = [...root.querySelectorAll('.sp-cpos')];
    expect(items.map((li) => li.getAttribute('data-position'))).toEqual(
      many.positions.slice(0, 3).map((p) => p.id),
    );
    expect(root.querySelector('.sp-evidence')).toBeNull();
    const first = items[0]!;
    expect(first.querySelector('.sp-cpos-topic')!.textContent).toBe(many.positions[0]!.topic.label);
    expect(first.querySelector('.sp-chip')!.textContent).toBe('Stance: Supports');
    const show = first.querySelector<HTMLButtonElement>('button.sp-more')!;
    expect(show.textContent).toBe('Show evidence');
    expect(show.getAttribute('aria-expanded')).toBe('false');
    await act(() => show.click());
    expect(show.getAttribute('aria-expanded')).toBe('true');
    expect(show.textContent).toBe('Hide evidence');
    expect(first.querySelector('blockquote')!.textContent).toBe(
      '\u201ca ceasefire must come first\u201d',
    );
    const more = root.querySelector<HTMLButtonElement>('.sp-more-all')!;
    expect(more.textContent).toBe('1 more position');
    await act(() => more.click());
    expect(root.querySelector('.sp-more-all')).toBeNull();
    expect(root.querySelectorAll('.sp-position')).toHaveLength(4);
    expect(root.querySelectorAll('.sp-position .sp-evidence')).toHaveLength(4);
    // Focus moved to the first position the list added.
    expect(document.activeElement?.getAttribute('data-position')).toBe('merz-extra');
  });

  it('groupByTopic keeps the first-seen order of topics', () => {
    const [a, b, c] = merzCard.positions;
    expect(groupByTopic([b!, a!, c!]).map((g) => g.topic.id)).toEqual(['nato-bid', 'ceasefire']);
  });
});

describe('whose word a card shows', () => {
  const imported = { id: 'attack', title: 'A file', verified: false };

  it('names the pack of every position and marks an imported one unverified', () => {
    const card = {
      ...merzCard,
      positions: merzCard.positions.map((p, i) => (i === 0 ? { ...p, pack: imported } : p)),
    };
    const root = mount(<HoverCard card={card} initialView="full" />);
    const notes = [...root.querySelectorAll('.sp-position .sp-pack')];
    expect(notes).toHaveLength(card.positions.length);
    expect(notes[0]!.textContent).toBe('From “A file”Unverified');
    expect(notes[0]!.getAttribute('data-verified')).toBe('false');
    expect(notes[1]!.textContent).toBe('From “Built-in pack”');
  });

  it('marks an imported position unverified on the compact card too, before any press', () => {
    const card = {
      ...merzCard,
      positions: merzCard.positions.map((p, i) => (i === 0 ? { ...p, pack: imported } : p)),
    };
    const root = mount(<HoverCard card={card} />);
    const heads = [...root.querySelectorAll('.sp-cpos')].map((li) => ({
      id: li.getAttribute('data-position'),
      unverified: li.querySelector('.sp-cpos-head .sp-unverified')?.textContent ?? null,
    }));
    expect(heads.find((h) => h.id === card.positions[0]!.id)?.unverified).toBe('Unverified');
    expect(heads.filter((h) => h.unverified !== null)).toHaveLength(1);
  });

  it('says so in the header when an imported pack describes the person', () => {
    const root = mount(
      <HoverCard card={{ ...merzCard, actor: { ...merzCard.actor, definedBy: imported } }} />,
    );
    expect(root.querySelector('.sp-head .sp-pack')!.textContent).toBe(
      'Described by “A file”Unverified',
    );
    expect(
      mount(<HoverCard card={merzCard} initialView="full" />).querySelector('.sp-head .sp-pack'),
    ).toBeNull();
  });
});
