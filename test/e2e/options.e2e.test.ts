/**
 * The options page as a reader meets it: an action's outcome is one line next to the control
 * that caused it, said once; while the browser's permission prompt is open the page says it is
 * waiting and "Add feed" cannot be pressed again. (Feed checks, with their pending line and
 * their outcome in the feed's own line, are in sync.e2e.test.ts.)
 *
 * Headless Chromium opens the permission prompt for a feed's origin and leaves it open (nobody
 * answers it), which is exactly the state a reader sees while deciding.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchExtension, type ExtensionSession } from './harness';

/** A well-formed Ed25519 public key (base64 of 32 bytes); nothing is ever signed with it. */
const KEY = 'xknKQRvU/oVEY86eu861uPF8fCXAVpp3jkBrxPPjVe0=';

/** How often `sentence` occurs in the page's visible text. */
async function occurrences(page: Page, sentence: string): Promise<number> {
  return (await page.locator('body').innerText()).split(sentence).length - 1;
}

describe('options page', () => {
  let session: ExtensionSession;
  let options: Page;

  beforeAll(async () => {
    session = await launchExtension();
    options = await session.openExtensionPage('options.html');
    await options.getByRole('heading', { name: 'Feeds' }).waitFor();
  });

  afterAll(async () => {
    await session?.close();
  });

  it('shows that it waits while the permission prompt is open, and cannot add twice', async () => {
    await options.getByLabel('Feed URL').fill('http://127.0.0.1:9/standpoint/index.json');
    await options.getByLabel('Public key').fill(KEY);
    const add = options.getByRole('button', { name: 'Add feed' });
    await add.click();
    const line = options.locator('form.add-feed .notice');
    await expect.poll(() => line.getAttribute('data-pending')).toBe('true');
    expect(await line.innerText()).toContain(
      'Waiting for your answer in the browser’s question: may Standpoint contact 127.0.0.1:9?',
    );
    expect(await line.getAttribute('role')).toBe('status');
    expect(await options.locator('form.add-feed').getAttribute('aria-busy')).toBe('true');
    expect(await add.isDisabled()).toBe(true);
    expect(await options.getByLabel('Feed URL').isDisabled()).toBe(true);
    // The line sits in the form, right after the button that caused it.
    const next = await add.evaluate((b) => b.nextElementSibling?.className);
    expect(next).toBe('notice');
    expect(await occurrences(options, 'may Standpoint contact')).toBe(1);
  });

  it('says how a setting went once, beside the control that changed it', async () => {
    const select = options.getByLabel('Check feeds');
    await select.selectOption({ label: 'once a day' });
    const intervalLine = options.locator('.interval .notice');
    await expect.poll(() => intervalLine.innerText()).toBe('Feeds will be checked once a day.');
    expect(await occurrences(options, 'Feeds will be checked once a day.')).toBe(1);

    const delay = options.getByLabel('Hover delay before a card opens (milliseconds)');
    await delay.fill('20');
    await delay.press('Enter');
    await delay.blur();
    const delayLine = options.locator('label:has(input[type="number"]) + .notice');
    await expect
      .poll(() => delayLine.innerText())
      .toBe('Choose a delay between 150 and 2000 milliseconds.');
    expect(await delayLine.getAttribute('role')).toBe('alert');
    // The earlier sentence under the interval select stays where it was; nothing is repeated.
    expect(await occurrences(options, 'Choose a delay between')).toBe(1);
    await delay.fill('600');
    await delay.blur();
    await expect.poll(() => delayLine.innerText()).toBe('Cards open after 600 ms.');
    expect(await occurrences(options, 'Choose a delay between')).toBe(0);
  });
});
