/**
 * Manifest `commands` of the card: default keys and the descriptions the browser's shortcut
 * page shows (users can change the keys at chrome://extensions/shortcuts or in about:addons).
 * The descriptions are the reader's language (`__MSG_command…__` from public/_locales).
 * Free of imports so wxt.config.ts can read it. Names match CARD_COMMANDS in utils/tab-message.ts.
 */
export const CARD_COMMAND_MANIFEST = {
  'open-card': {
    suggested_key: { default: 'Alt+Shift+S' },
    description: '__MSG_commandOpenCard__',
  },
  'next-name': {
    suggested_key: { default: 'Alt+Shift+Period' },
    description: '__MSG_commandNextName__',
  },
  'previous-name': {
    suggested_key: { default: 'Alt+Shift+Comma' },
    description: '__MSG_commandPreviousName__',
  },
} as const;
