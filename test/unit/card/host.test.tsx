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
