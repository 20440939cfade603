import { describe, expect, it, vi } from 'vitest';
import { createCardHost, type CardHost } from '@/utils/card/host';
import { createCardSurface } from '@/utils/card/card-surface';
import type { CardLoader } from '@/utils/card/card-data';
import type { Mention } from '@/utils/spotting/types';
import { err, ok, type CardView, type Result } from '@/utils/views';
import { merzCard } from './fixtures';

function mention(): Mention {
  document.body.replaceChildren();
  const p = document.createElement('p');
  p.append('Merz spoke.');
  document.body.append(p);
  const text = p.firstChild as Text;
  return {
    actorId: 'merz',
    text: 'Merz',
    range: {
      startContainer: text,
      startOffset: 0,
      endContainer: text,
      endOffset: 4,
      collapsed: false,
    } as StaticRange,
  };
}

/** A loader whose answers the test releases by hand. */
function manualLoader() {
  const waiting = new Map<string, (r: Result<CardView>) => void>();
  const done = new Map<string, Result<CardView>>();
  const loader: CardLoader = {
    get: (id) =>
      new Promise((resolve) =>
        waiting.set(id, (r) => {
          done.set(id, r);
          resolve(r);
        }),
      ),
    peek: (id) => done.get(id),
    clear: () => done.clear(),
  };
  return { loader, answer: (id: string, r: Result<CardView>) => waiting.get(id)!(r) };
}

function setup() {
  const host: CardHost = createCardHost(document);
  let layer: HTMLElement | null = null;
  const show = host.show.bind(host);
  host.show = (v) => (layer = show(v));
  const { loader, answer } = manualLoader();
  const actions = { compare: vi.fn(), openSource: vi.fn() };
  const onCloseRequest = vi.fn();
  const surface = createCardSurface({ host, loader, actions, onCloseRequest });
  const flush = () => new Promise((r) => setTimeout(r, 0));
  return { host, surface, answer, actions, onCloseRequest, flush, layer: () => layer! };
}

describe('card surface', () => {
  it('shows a loading state, then the card, and wires its actions', async () => {
    const t = setup();
    const m = mention();
    t.surface.open(m, 'hover');
    expect(t.layer().querySelector('[role=status]')!.textContent).toBe('Loading positions\u2026');
    t.answer('merz', ok(merzCard));
    await t.flush();
    expect(t.layer().querySelector('.sp-name')!.textContent).toBe('Friedrich Merz');
    t.layer().querySelector<HTMLButtonElement>('.sp-compare')!.click();
    expect(t.actions.compare).toHaveBeenCalledWith('merz');
    // The compact card: the evidence (and its source link) is one press away.
    t.layer().querySelector<HTMLButtonElement>('[data-position=merz-nato] button.sp-more')!.click();
    await t.flush();
    t.layer().querySelector<HTMLAnchorElement>('[data-position=merz-nato] a')!.click();
    expect(t.actions.openSource).toHaveBeenCalledWith('geneva-talks', 'merz-nato');
    t.layer().querySelector<HTMLButtonElement>('.sp-close')!.click();
    expect(t.onCloseRequest).toHaveBeenCalled();
    t.host.dispose();
  });

  it('says plainly when the card could not be loaded', async () => {
    const t = setup();
    t.surface.open(mention(), 'hover');
    t.answer('merz', err('the store is not ready'));
    await t.flush();
    expect(t.layer().querySelector('[role=status]')!.textContent).toBe(
      'Could not load the positions: the store is not ready',
    );
    t.host.dispose();
  });

  it('never paints a late answer over a closed card', async () => {
    const t = setup();
    t.surface.open(mention(), 'hover');
    t.surface.close();
    t.answer('merz', ok(merzCard));
    await t.flush();
    expect(t.layer().textContent).toBe('');
    t.host.dispose();
  });

  it('moves focus into a keyboard-opened card and back on close', async () => {
    const t = setup();
    const m = mention();
    const button = document.createElement('button');
    document.body.append(button);
    button.focus();
    t.surface.open(m, 'keyboard');
    t.answer('merz', ok(merzCard));
    await t.flush();
    expect(t.host.focused()?.getAttribute('role')).toBe('dialog');
    t.surface.close();
    expect(document.activeElement).toBe(button);
    t.host.dispose();
  });
});
