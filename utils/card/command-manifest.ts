/**
 * Manifest `commands` of the card: default keys and the descriptions the browser's shortcut
 * page shows (users can change the keys at chrome://extensions/shortcuts or in about:addons).
 * Free of imports so wxt.config.ts can read it. Names match CARD_COMMANDS in utils/tab-message.ts.
 */
export const CARD_COMMAND_MANIFEST = {
  'open-card': {
    suggested_key: { default: 'Alt+Shift+S' },
    description: 'Show the card for the name at or after the selection',
  },
  'next-name': {
    suggested_key: { default: 'Alt+Shift+Period' },
    description: 'Show the card for the next name on the page',
  },
  'previous-name': {
    suggested_key: { default: 'Alt+Shift+Comma' },
    description: 'Show the card for the previous name on the page',
  },
} as const;
