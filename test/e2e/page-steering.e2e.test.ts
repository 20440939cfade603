/**
 * What a page's own scripts can do to Standpoint (docs/threat-model.md, "What a page can learn
 * or steer"): it receives no message carrying our extension id, it cannot switch spotting off by
 * forging WXT's "a newer content script started" event, and pointer events it makes up open no
 * card, while the reader's own hover still does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, NewsPage, type ExtensionSession } from './harness';
import { cardName, mentionsReady, openCard, waitForCard } from './card-dom';

/** Upper bound for a new name to be highlighted (ms); a limit, not a measurement. */
const WAIT_MS = 15_000;
/** Well past the default hover delay (400 ms), so a card that were to open would be open, ms. */
const WELL_PAST_DELAY_MS = 2_000;

declare global {
  interface Window {
    seenMessages?: string[];
  }
}

describe('a page cannot steer or read Standpoint', () => {
  let session: ExtensionSession;
  let news: NewsPage;

  beforeAll(async () => {
    session = await launchExtension();
    // The page's own script, listening for every message from the start.
    await session.context.addInitScript(() => {
      window.seenMessages = [];
      window.addEventListener('message', (event) => {
        let data: string;
        try {
          data = JSON.stringify(event.data);
        } catch {
          data = String(event.data);
        }
        window.seenMessages!.push(data);
      });
    });
    news = await NewsPage.open(session, '/demo.html');
    await mentionsReady(news.page);
  });

  afterAll(async () => {
    await session?.close();
  });

  it('posts no message to the page that carries the extension id', async () => {
    const seen = await news.page.evaluate(() => window.seenMessages ?? []);
    expect(seen.filter((m) => m.includes(session.extensionId))).toEqual([]);
  });

  it('opens no card for pointer events a page script makes up; a real hover still opens one', async () => {
    const dispatched = await news.page.evaluate(() => {
      const registry = (CSS as unknown as { highlights: Map<string, Set<AbstractRange>> })
        .highlights;
      const range = [...registry.values()].flatMap((h) => [...h])[0]!;
      const live = document.createRange();
      live.setStart(range.startContainer, range.startOffset);
      live.setEnd(range.endContainer, range.endOffset);
      live.startContainer.parentElement?.scrollIntoView({ block: 'center' });
      const rect = live.getClientRects()[0]!;
      const x = rect.left + rect.width / 2;
      const y = rect.top + rect.height / 2;
      const target = document.elementFromPoint(x, y) ?? document.body;
      for (let i = 0; i < 5; i++)
        target.dispatchEvent(
          new PointerEvent('pointermove', {
            bubbles: true,
            composed: true,
            pointerType: 'mouse',
            clientX: x + i,
            clientY: y,
          }),
        );
      return live.toString();
    });
    expect(dispatched.length).toBeGreaterThan(0);
    await news.page.waitForTimeout(WELL_PAST_DELAY_MS);
    expect(await openCard(news.page)).toBeNull();

    await news.hoverName('Volodymyr Zelenskyy');
    await waitForCard(news.page, 'Volodymyr Zelenskyy');
    expect(await cardName(news.page)).toBe('Volodymyr Zelenskyy');
    await news.page.mouse.move(0, 0);
  });

  it('keeps spotting after the page forges the "newer content script started" event', async () => {
    const type = `${session.extensionId}:spotter:wxt:content-script-started`;
    const macrons = async () =>
      (await news.mentions()).filter((m) => m.text === 'Emmanuel Macron').length;
    const before = await macrons();
    await news.page.evaluate((eventType) => {
      document.dispatchEvent(
        new CustomEvent(eventType, {
          detail: { contentScriptName: 'content', messageId: 'forged' },
        }),
      );
    }, type);
    // A name the page adds afterwards is still spotted, and the earlier ones stay highlighted.
    await news.page.evaluate(() => {
      const p = document.createElement('p');
      p.id = 'added-after-forgery';
      p.textContent = 'Later, Emmanuel Macron spoke to reporters.';
      document.body.append(p);
    });
    await expect.poll(macrons, { timeout: WAIT_MS }).toBe(before + 1);
    expect((await news.mentions()).map((m) => m.text)).toContain('Volodymyr Zelenskyy');
  });
});
