/**
 * A pack speaks only for what it owns, end to end: a reader imports the audit's rename attack
 * from the options page, the card keeps the person's own name and role, each position says whose
 * word it is, and the Remove button takes the imported pack away again.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pack } from '@/utils/pack/schema';
import {
  byClass,
  centreOf,
  findAll,
  mentionsReady,
  openCard,
  waitForCard,
  waitForNoCard,
} from './card-dom';
import { launchExtension, NewsPage, type ExtensionSession } from './harness';

const builtin = (): Pack =>
  JSON.parse(readFileSync(resolve('utils/pack/generated/builtin-pack.json'), 'utf8')) as Pack;

/** The attack of the audit: a new pack id dated far ahead that renames a built-in person. */
function attack(withRewordedTopic: boolean): Pack {
  const base = builtin();
  const zelenskyy = base.actors.find((a) => a.id === 'zelenskyy')!;
  return {
    ...base,
    id: 'attack',
    title: 'Attack pack',
    version: 1,
    publishedAt: '2099-12-31',
    sources: [base.sources[0]!],
    actors: [{ ...zelenskyy, name: 'Someone Else', role: 'A different person', memberOf: [] }],
    topics: withRewordedTopic
      ? [{ ...base.topics[0]!, proposition: 'Should the war go on forever?' }]
      : [],
    positions: [],
  };
}

describe('packs speak only for what they own', () => {
  let session: ExtensionSession;
  let news: NewsPage;
  let options: Page;

  beforeAll(async () => {
    session = await launchExtension();
    news = await NewsPage.open(session, '/demo.html');
    await mentionsReady(news.page);
    options = await session.openExtensionPage('options.html');
  });

  afterAll(async () => {
    await session?.close();
  });

  async function importFile(pack: Pack) {
    await options.locator('input[type="file"]').setInputFiles({
      name: `${pack.id}.json`,
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(pack)),
    });
    await options.getByRole('button', { name: 'Install unverified' }).click();
  }

  const notice = () =>
    options
      .locator('section', { has: options.locator('table.packs') })
      .locator('[role="alert"], [role="status"]')
      .last();

  it('refuses a file that rewords a built-in topic, and changes nothing', async () => {
    await importFile(attack(true));
    await expect.poll(() => notice().innerText()).toContain('“Attack pack” was refused');
    const text = await notice().innerText();
    expect(text).toContain('it words the topic');
    expect(text).toContain('never reword it');
    expect(await options.locator('tr[data-pack-id="attack"]').count()).toBe(0);
  });

  it('installs a renaming file unverified, and the card keeps the person’s own name and role', async () => {
    await importFile(attack(false));
    const row = options.locator('tr[data-pack-id="attack"]');
    await expect.poll(() => row.innerText()).toMatch(/Attack pack[\s\S]*Unverified/);

    await news.page.bringToFront();
    await news.hoverName('Volodymyr Zelenskyy');
    await waitForCard(news.page, 'Volodymyr Zelenskyy');
    let dialog = (await openCard(news.page))!;
    expect(findAll(dialog, byClass('sp-role'))[0]!.text).not.toContain('A different person');
    // The compact card shows a position's evidence, with its pack, one press away.
    const more = findAll(dialog, byClass('sp-more'))[0]!;
    const at = await centreOf(news.page, more);
    await news.page.mouse.click(at.x, at.y);
    await expect
      .poll(async () => findAll((await openCard(news.page))!, byClass('sp-pack')).length)
      .toBeGreaterThan(0);
    dialog = (await openCard(news.page))!;
    // Every position shown names its pack; none of them is the attacker's.
    const notes = findAll(dialog, byClass('sp-pack')).filter((n) => n.attrs['data-pack']);
    expect(notes.length).toBeGreaterThan(0);
    for (const n of notes) expect(n.attrs['data-pack']).toBe(builtin().id);
    await news.page.keyboard.press('Escape');
    await waitForNoCard(news.page);
  });

  it('removes the imported pack with the Remove button', async () => {
    await options.bringToFront();
    const row = options.locator('tr[data-pack-id="attack"]');
    await row.getByRole('button', { name: 'Remove Attack pack' }).click();
    await options.getByRole('button', { name: 'Remove pack' }).click();
    await expect.poll(() => row.count()).toBe(0);
    await expect.poll(() => options.getByText('“Attack pack” was removed.').count()).toBe(1);
    // The built-in pack has no Remove button.
    expect(await options.locator(`tr[data-pack-id="${builtin().id}"] button.remove`).count()).toBe(
      0,
    );
  });

  it('keeps names from imported packs off pages when the reader asks', async () => {
    const base = builtin();
    const template = base.actors.find((a) => a.id === 'merz')!;
    const extra: Pack = {
      ...base,
      id: 'extra-people',
      title: 'Extra people',
      sources: [{ ...base.sources[0]!, text: undefined }],
      topics: [],
      positions: [],
      actors: [
        {
          ...template,
          id: 'scholz',
          name: 'Olaf Scholz',
          role: 'Former German Chancellor',
          aliases: ['Olaf Scholz'],
          memberOf: [],
          match: {
            surnames: [],
            bareSurname: 'never',
            givenNames: [],
            titles: [],
            commonWord: false,
          },
        },
      ],
    };
    await options.bringToFront();
    await importFile(extra);
    await expect.poll(() => options.locator('tr[data-pack-id="extra-people"]').count()).toBe(1);
    await news.page.bringToFront();
    await news.page.evaluate(() => {
      const p = document.createElement('p');
      p.textContent = 'Olaf Scholz was also in Berlin.';
      document.body.append(p);
    });
    const texts = async () => (await news.mentions()).map((m) => m.text);
    await expect.poll(texts, { timeout: 15_000 }).toContain('Olaf Scholz');

    await options.bringToFront();
    const box = options.getByLabel('Highlight names from packs you imported from files');
    expect(await box.isChecked()).toBe(true);
    await box.uncheck();
    await expect
      .poll(() => options.getByText('Names from imported packs are no longer highlighted').count())
      .toBe(1);
    // The open page follows at once: the imported name goes, the built-in names stay.
    await news.page.bringToFront();
    const onlyVerified = async () => {
      const now = await texts();
      return now.includes('Volodymyr Zelenskyy') && !now.includes('Olaf Scholz');
    };
    await expect.poll(onlyVerified, { timeout: 15_000 }).toBe(true);

    await options.bringToFront();
    await box.check();
    await news.page.bringToFront();
    await expect.poll(texts, { timeout: 15_000 }).toContain('Olaf Scholz');
  });

  const packRows = () => options.locator('table.packs tr[data-pack-id]').allInnerTexts();

  it('refuses a flood of 600,000 aliases with a sentence, and the installed packs stay', async () => {
    const before = await packRows();
    expect(before.length).toBeGreaterThan(0);
    const base = builtin();
    const flood: Pack = {
      ...base,
      id: 'flood',
      title: 'Flood pack',
      sources: [{ ...base.sources[0]!, text: undefined }],
      topics: [],
      positions: [],
      actors: Array.from({ length: 3_000 }, (_, i) => ({
        id: `f${i}`,
        kind: 'person',
        name: `F${i}`,
        role: 'r',
        country: null,
        memberOf: [],
        match: {
          surnames: [],
          bareSurname: 'never',
          givenNames: [],
          titles: [],
          commonWord: false,
        },
        aliases: Array.from({ length: 200 }, (_, j) => (i * 200 + j).toString(36)),
      })),
    };
    await importFile(flood);
    await expect
      .poll(() => notice().innerText(), { timeout: 60_000 })
      .toBe(
        '“flood.json” is not a valid pack: actors name 600,000 aliases and surnames in all; a pack may name at most 5,000, so that every page you read stays fast. Nothing was changed.',
      );
    expect(await packRows()).toEqual(before);
    // Pages still spot with the packs that were there.
    await news.page.reload();
    await mentionsReady(news.page);
  });

  it('reads a chosen file as bytes and refuses one that is not UTF-8, as the command line does', async () => {
    await options.bringToFront();
    const before = await packRows();
    await options.locator('input[type="file"]').setInputFiles({
      name: 'latin1.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"title": "Caf\xe9"}', 'latin1'),
    });
    await expect
      .poll(() => notice().innerText())
      .toBe('“latin1.json” is not a pack file: it is not UTF-8 text. Nothing was changed.');
    expect(await options.getByRole('button', { name: 'Install unverified' }).count()).toBe(0);
    expect(await packRows()).toEqual(before);
  });
});
