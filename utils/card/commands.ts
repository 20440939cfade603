/**
 * The card's keyboard shortcuts (manifest `commands`, changeable by the user at
 * chrome://extensions/shortcuts or about:addons): the background hears the command and forwards it
 * to the content script of the tab, which opens the card for the name at or after the selection,
 * or walks to the next or previous name.
 */
import { browser, type Browser } from '#imports';
import { CARD_COMMANDS, sendToTab, type CardCommand } from '@/utils/tab-message';

const isCardCommand = (c: string): c is CardCommand =>
  (CARD_COMMANDS as readonly string[]).includes(c);

/**
 * Background side: forwards card commands to the tab's content script. A tab without one
 * (a browser page, a site switched off) simply does nothing.
 */
export function forwardCardCommands(
  commands: Pick<typeof browser.commands, 'onCommand'> = browser.commands,
  send: (command: CardCommand, tabId: number) => Promise<unknown> = (command, tabId) =>
    sendToTab(tabId, 'cardCommand', { command }),
  activeTabId: () => Promise<number | undefined> = async () =>
    (await browser.tabs.query({ active: true, currentWindow: true }))[0]?.id,
): void {
  commands.onCommand.addListener((command: string, tab?: Browser.tabs.Tab) => {
    if (!isCardCommand(command)) return;
    void (async () => {
      const tabId = tab?.id ?? (await activeTabId());
      if (tabId === undefined || tabId < 0) return;
      await send(command, tabId);
    })().catch(() => undefined);
  });
}
