import { describe, expect, it, vi } from 'vitest';
import { StanceMatrix } from '@/components/StanceMatrix';
import { actor, matrix, position, topic } from './fixtures';
import { click, fire, mount, text } from './render';

const z = actor('zelenskyy', 'Volodymyr Zelenskyy');
const m = actor('merz', 'Friedrich Merz');
const us = actor('us-delegation', 'U.S. delegation', 'group');
const nato = topic('nato-membership', 'NATO bid');
const ceasefire = topic('ceasefire', 'Ceasefire first');

const view = matrix(
  [z, m],
  [
    {
      topic: nato,
      cells: [
        [position('zelenskyy', nato, 'opposes')],
        [
          position('merz', nato, 'supports', '2025-01-01'),
          position('merz', nato, 'warns', '2025-02-05'),
        ],
      ],
    },
    {
      topic: ceasefire,
      cells: [[], { group: us, positions: [position('us-delegation', ceasefire, 'proposes')] }],
    },
  ],
);

function renderMatrix(onOpenChange = vi.fn()) {
  const root = mount(
    <StanceMatrix
      matrix={view}
      rows={view.rows}
      caption="Stated positions"
      onOpenChange={onOpenChange}
      sourceHref={(p) => `/source.html?source=${p.source.id}&position=${p.id}`}
    />,
  );
  return { root, onOpenChange };
}

describe('StanceMatrix', () => {
  it('is a real table: people as column headers, topics as row headers', () => {
    const { root } = renderMatrix();
    const cols = [...root.querySelectorAll('thead th[scope="col"]')].map((th) => text(th));
    expect(cols[0]).toBe('Topic');
    expect(cols[1]).toContain('Volodymyr Zelenskyy');
    expect(cols[2]).toContain('Friedrich Merz');
    const rows = [...root.querySelectorAll('tbody th[scope="row"]')].map((th) => text(th));
    expect(rows[0]).toContain('NATO bid');
    expect(rows[1]).toContain('Ceasefire first');
    expect(text(root.querySelector('caption'))).toBe('Stated positions');
  });

  it('shows the newest own stance with its summary, and counts earlier ones', () => {
    const { root } = renderMatrix();
    const cell = root.querySelector('[data-cell="sp-m-nato-membership--merz"]');
    expect(text(cell)).toContain('Warns');
    expect(text(cell)).toContain('merz warns NATO bid');
    expect(text(cell)).toContain('+1 earlier statement');
    // The button's name is its text: who and what (visually hidden), then what the cell shows.
    expect(cell?.hasAttribute('aria-label')).toBe(false);
    expect(text(cell)).toMatch(/^Friedrich Merz on NATO bid: Stance: Warns merz warns NATO bid/);
    expect(text(cell)).toMatch(/Show the evidence\.$/);
  });

  it('says honestly when there is no stated position, and offers no button there', () => {
    const { root } = renderMatrix();
    const row = root.querySelector('tr[data-topic="ceasefire"]')!;
    const cells = row.querySelectorAll('td');
    expect(text(cells[0])).toBe('no stated position');
    expect(cells[0]!.querySelector('button')).toBeNull();
  });

  it('shows a group position as the group’s', () => {
    const { root } = renderMatrix();
    const cell = root.querySelector('[data-cell="sp-m-ceasefire--merz"]');
    expect(text(cell?.querySelector('.sp-m-via'))).toBe('via U.S. delegation');
    expect(text(cell)).toContain(
      'U.S. delegation, a group Friedrich Merz belongs to, on Ceasefire first:',
    );
    click(cell);
    const detail = root.querySelector('.sp-m-detail');
    expect(text(detail)).toContain('the group’s, not Friedrich Merz’s own words');
  });

  it('opens a cell’s evidence with a link to the source, and closes it again', () => {
    const { root, onOpenChange } = renderMatrix();
    const cell = root.querySelector('[data-cell="sp-m-nato-membership--zelenskyy"]')!;
    expect(cell.getAttribute('aria-expanded')).toBe('false');
    click(cell);
    expect(cell.getAttribute('aria-expanded')).toBe('true');
    expect(onOpenChange).toHaveBeenLastCalledWith({
      topicId: 'nato-membership',
      actorId: 'zelenskyy',
    });
    const detail = root.querySelector('.sp-m-detail td')!;
    expect(cell.getAttribute('aria-controls')).toBe(detail.id);
    expect(text(detail)).toContain('words of zelenskyy on NATO bid');
    const link = detail.querySelector('a')!;
    expect(link.getAttribute('href')).toBe(
      '/source.html?source=src-1&position=zelenskyy-nato-membership-opposes-2025-02-01',
    );
    click(cell);
    expect(root.querySelector('.sp-m-detail')).toBeNull();
    expect(onOpenChange).toHaveBeenLastCalledWith(null);
  });

  it('closes the evidence with Escape', () => {
    const { root } = renderMatrix();
    click(root.querySelector('[data-cell="sp-m-nato-membership--merz"]'));
    const detail = root.querySelector('.sp-m-detail section')!;
    expect(detail.querySelectorAll('.sp-m-detail-item')).toHaveLength(2);
    fire(detail, new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(root.querySelector('.sp-m-detail')).toBeNull();
  });

  it('closes with Escape pressed on the cell itself, and Close returns focus to the cell', async () => {
    const { root } = renderMatrix();
    const cell = root.querySelector<HTMLButtonElement>(
      '[data-cell="sp-m-nato-membership--zelenskyy"]',
    )!;
    click(cell);
    fire(cell, new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(root.querySelector('.sp-m-detail')).toBeNull();
    click(cell);
    click(root.querySelector('.sp-m-detail-close'));
    expect(root.querySelector('.sp-m-detail')).toBeNull();
    await Promise.resolve();
    expect(document.activeElement).toBe(cell);
  });

  it('marks a position an update changed and shows what it was before', () => {
    const changed = {
      ...position('zelenskyy', nato, 'supports', '2025-03-01'),
      packVersion: 2,
      change: {
        kind: 'changed' as const,
        history: [
          {
            stance: 'opposes' as const,
            summary: 'Earlier line.',
            date: '2025-02-01',
            packVersion: 1,
          },
        ],
      },
    };
    const v = matrix([z], [{ topic: nato, cells: [[changed]] }]);
    const root = mount(<StanceMatrix matrix={v} rows={v.rows} caption="c" />);
    const cell = root.querySelector('[data-cell="sp-m-nato-membership--zelenskyy"]')!;
    expect(text(cell.querySelector('.sp-m-updated'))).toBe('updated');
    expect(text(cell)).toContain('Supports updated (Changed in update v2)');
    click(cell);
    const history = text(root.querySelector('.sp-m-history'));
    expect(history).toContain('Changed in update v2.');
    expect(history).toContain('Pack v1, Feb 1, 2025: Stance: Opposes Earlier line.');
  });
});

describe('whose word a cell shows', () => {
  it('marks an imported position and an imported person unverified, and names the pack', () => {
    const imported = { id: 'file-pack', title: 'A file', verified: false };
    const someone = { ...actor('someone', 'Some One'), definedBy: imported };
    const p = { ...position('someone', nato, 'supports'), pack: imported };
    const v = matrix([someone], [{ topic: nato, cells: [[p]] }]);
    const root = mount(<StanceMatrix matrix={v} rows={v.rows} caption="c" />);
    expect(root.querySelector('th[data-actor=someone] .sp-unverified')).not.toBeNull();
    const cell = root.querySelector('.sp-m-cell-btn')!;
    expect(cell.querySelector('.sp-unverified')!.textContent).toBe('Unverified');
    expect(text(cell)).toContain('Unverified (from the imported pack “A file”)');
    click(cell);
    expect(root.querySelector('.sp-m-detail-item .sp-pack')!.textContent).toBe(
      'From “A file”Unverified',
    );
  });
});
