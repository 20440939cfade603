/**
 * The e2e harness: launch Chromium with the built extension, serve fixture pages, and drive
 * the extension through page objects. See README.md in this folder.
 */
export { findChromium, findFirefox, BrowserSetupError } from '../../../scripts/browsers';
export { extensionDir, launchBrowser, type LaunchedBrowser } from './launch';
export { startFixtureServer, FIXTURE_PAGES_DIR, type FixtureServer } from './fixture-server';
export { launchExtension, type ExtensionSession, type LaunchExtensionOptions } from './extension';
export type { ExtensionGlobal } from './chrome-api';
export { ContentWorlds, firstHighlightDrawn, firstScanDone } from './content-world';
export { NewsPage, CardObject, PopupObject, CARD_HOST_SELECTOR } from './pages';
export type { CardState, HighlightedMention } from './pages';
export { evaluateInShadowRoot } from './shadow';
export { watchConsole } from './console';
