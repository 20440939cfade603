import { describe, expect, it } from 'vitest';
import { createCardHost, CARD_HOST_TAG } from '@/utils/card/host';

describe('card host', () => {
  it('creates one host on first use, pairs every show with a hide, and leaves the page on dispose', () => {
    document.documentElement.querySelectorAll(CARD_HOST_TAG).forEach((e) => e.remove());
    const host = createCardHost(document);
    expect(document.querySelector(CARD_HOST_TAG)).toBeNull(); // nothing until first use
    const layer = host.show(<p class="probe">one</p>);
    host.show(<p class="probe">two</p>);
    expect(document.querySelectorAll(CARD_HOST_TAG)).toHaveLength(1);
    const el = document.querySelector(CARD_HOST_TAG)!;
    expect(el.parentElement).toBe(document.documentElement);
    // The root is closed: page scripts get no handle on it.
    expect(el.shadowRoot).toBeNull();
    expect(layer.textContent).toBe('two');
    expect(host.contains(el)).toBe(true);
    expect(host.contains(document.body)).toBe(false);
    host.hide();
    expect(layer.textContent).toBe('');
    host.update(<p>ignored while hidden</p>);
    expect(layer.textContent).toBe('');
    // A page that removed the host gets it back on the next show.
    el.remove();
    host.show(<p>three</p>);
    expect(document.querySelector(CARD_HOST_TAG)).toBe(el);
    host.dispose();
    expect(document.querySelector(CARD_HOST_TAG)).toBeNull();
  });
});

describe('card host, set up ahead of a card', () => {
  it('prepares the host unseen, prerenders a card hidden, and shows that same card', () => {
    document.documentElement.querySelectorAll(CARD_HOST_TAG).forEach((e) => e.remove());
    const host = createCardHost(document);
    host.prepare();
    expect(document.querySelectorAll(CARD_HOST_TAG)).toHaveLength(1);
    host.prerender(<p class="probe">Merz</p>);
    expect(host.shown).toBe(false);
    const layer = host.show(<p class="probe">Merz</p>);
    const shownProbe = layer.querySelector('.probe');
    expect(layer.classList.contains('sp-unseen')).toBe(false);
    expect(host.shown).toBe(true);
    // The prerendered element is the one shown: `show` had nothing left to build.
    host.hide();
    host.prerender(<p class="probe">Rubio</p>);
    const prerendered = layer.querySelector('.probe');
    expect(layer.classList.contains('sp-unseen')).toBe(true);
    expect(prerendered?.textContent).toBe('Rubio');
    host.show(<p class="probe">Rubio</p>);
    expect(layer.querySelector('.probe')).toBe(prerendered);
    expect(shownProbe).not.toBe(prerendered);
    host.dispose();
  });

  it('never prerenders over a shown card, and lays out only a prerendered, unshown one', async () => {
    document.documentElement.querySelectorAll(CARD_HOST_TAG).forEach((e) => e.remove());
    const host = createCardHost(document);
    const placed: HTMLElement[] = [];
    const place = async (layer: HTMLElement) => void placed.push(layer);
    await host.warmLayout(place);
    expect(placed).toEqual([]); // nothing prerendered yet
    const layer = host.show(<p>shown</p>);
    host.prerender(<p>ahead</p>);
    expect(layer.textContent).toBe('shown');
    await host.warmLayout(place);
    expect(placed).toEqual([]);
    host.hide();
    host.prerender(<p>ahead</p>);
    await host.warmLayout(place);
    expect(placed).toEqual([layer]);
    // Still unseen afterwards, and a hide clears the prerendered card.
    expect(layer.classList.contains('sp-unseen')).toBe(true);
    host.hide();
    expect(layer.textContent).toBe('');
    host.dispose();
  });

  it('shows a card prerendered for the same name as it is, and renders anything else', () => {
    document.documentElement.querySelectorAll(CARD_HOST_TAG).forEach((e) => e.remove());
    const host = createCardHost(document);
    host.prerender(<p>prerendered</p>);
    // The caller vouches that the prerendered card is this one: nothing is rendered again.
    const layer = host.show(<p>not rendered</p>, true);
    expect(layer.textContent).toBe('prerendered');
    host.hide();
    // Nothing prerendered (a hide cleared it): the card is rendered.
    expect(host.show(<p>rendered</p>, true).textContent).toBe('rendered');
    host.hide();
    host.prerender(<p>prerendered</p>);
    expect(host.show(<p>another card</p>).textContent).toBe('another card');
    host.dispose();
  });
});
