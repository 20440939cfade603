import { describe, expect, it, vi } from 'vitest';
import { createCardHost, type CardHost } from '@/utils/card/host';
import { createCardSurface } from '@/utils/card/card-surface';
import { createIdleSteps } from '@/utils/card/idle';
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
  // Idle callbacks the test runs by hand (`idle()` runs every step queued so far).
  const idleCallbacks: (() => void)[] = [];
  const steps = createIdleSteps(
    {
      setTimeout: (() => 0) as unknown as Window['setTimeout'],
      requestIdleCallback: (cb: IdleRequestCallback) =>
        idleCallbacks.push(() => cb({ didTimeout: false, timeRemaining: () => 0 })),
    },
    new AbortController().signal,
  );
  const idle = async () => {
    while (idleCallbacks.length > 0) {
      idleCallbacks.shift()!();
      await Promise.resolve();
    }
  };
  const surface = createCardSurface({ host, loader, actions, onCloseRequest, steps });
  const flush = () => new Promise((r) => setTimeout(r, 0));
  return { host, surface, answer, actions, onCloseRequest, flush, idle, layer: () => layer! };
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

  it('sets the card up during the hover delay, so the open only shows it', async () => {
    const t = setup();
    const m = mention();
    // The layer the set-up lays out, caught on its way to the placement.
    let warmed: HTMLElement | null = null;
    const warmLayout = t.host.warmLayout.bind(t.host);
    t.host.warmLayout = (place) => warmLayout((layer) => ((warmed = layer), place(layer)));
    t.surface.prepare(m, { x: 1, y: 1 });
    await t.idle();
    expect(warmed).toBeNull(); // no data yet: nothing to render
    t.answer('merz', ok(merzCard));
    await t.flush();
    await t.idle();
    // Before any open: the card is in the layer with its data, unseen.
    expect(t.host.shown).toBe(false);
    const layer = warmed as HTMLElement | null;
    const name = layer?.querySelector('.sp-name');
    expect(name?.textContent).toBe('Friedrich Merz');
    expect(layer?.classList.contains('sp-unseen')).toBe(true);
    t.surface.open(m, 'hover', { x: 1, y: 1 });
    // The open shows that same element: nothing was rebuilt, and no loading state.
    expect(t.layer()).toBe(layer);
    expect(t.layer().querySelector('.sp-name')).toBe(name);
    expect(t.layer().querySelector('[role=status]')).toBeNull();
    expect(t.layer().classList.contains('sp-unseen')).toBe(false);
    t.host.dispose();
  });

  it('leaves a shown card alone when the pointer rests on another name meanwhile', async () => {
    const t = setup();
    const m = mention();
    t.surface.open(m, 'hover');
    t.answer('merz', ok(merzCard));
    await t.flush();
    const other: Mention = { ...m, actorId: 'rubio', text: 'Rubio' };
    t.surface.prepare(other);
    await t.idle();
    t.answer(
      'rubio',
      ok({ ...merzCard, actor: { ...merzCard.actor, id: 'rubio', name: 'Marco Rubio' } }),
    );
    await t.flush();
    await t.idle();
    expect(t.host.shown).toBe(true);
    expect(t.layer().querySelector('.sp-name')?.textContent).toBe('Friedrich Merz');
    expect(t.layer().classList.contains('sp-unseen')).toBe(false);
    t.host.dispose();
  });

  it('an open before the set-up is done shows the card as usual, and the set-up then stays out', async () => {
    const t = setup();
    const m = mention();
    t.surface.prepare(m);
    t.surface.open(m, 'hover');
    expect(t.layer().querySelector('[role=status]')).not.toBeNull();
    t.answer('merz', ok(merzCard));
    await t.flush();
    await t.idle();
    expect(t.layer().querySelector('.sp-name')?.textContent).toBe('Friedrich Merz');
    expect(t.layer().classList.contains('sp-unseen')).toBe(false);
    expect(t.host.shown).toBe(true);
    t.host.dispose();
  });
});
