import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { moduleListPlugin } from './scripts/build/module-list';
import { CARD_COMMAND_MANIFEST } from './utils/card/command-manifest';
import { FEED_HOST_PERMISSIONS } from './utils/sync/feed-hosts';

/** The oldest Firefox that paints our underline highlights (docs/firefox.md). */
const FIREFOX_MIN_VERSION = '153.0';

/**
 * Build configuration for both browsers. Permissions stay minimal: feeds ask for
 * their own host at run time (optional_host_permissions), nothing else is needed.
 */
export default defineConfig({
  srcDir: '.',
  // Parallel builds (tests, benchmarks) can each use their own output folder.
  outDir: process.env.STANDPOINT_OUT_DIR ?? '.output',
  modules: [],
  webExt: { disabled: true },
  vite: () => ({
    // moduleListPlugin: which modules each built script holds, for the build test and the bench.
    plugins: [preact(), moduleListPlugin()],
    build: { target: 'es2022' },
  }),
  manifest: ({ browser }) => ({
    // Name and description in the browser's language (public/_locales, utils/i18n.ts).
    name: '__MSG_extName__',
    description: '__MSG_extDescription__',
    default_locale: 'en',
    permissions: ['storage', 'alarms'],
    // https:// anywhere, plain http:// only on this computer (utils/sync/feed-hosts.ts).
    optional_host_permissions: [...FEED_HOST_PERMISSIONS],
    // Keyboard access to the hover card (utils/card/commands.ts).
    commands: CARD_COMMAND_MANIFEST,
    // The content script: a plain loader (entrypoints/content-loader.ts, not a WXT content
    // script, whose wrapper costs every page milliseconds while it is evaluated) and the
    // highlight styles (entrypoints/content.css).
    content_scripts: [
      {
        matches: ['http://*/*', 'https://*/*'],
        js: ['content-loader.js'],
        css: ['content-scripts/content.css'],
        run_at: 'document_idle',
      },
    ],
    // The bundles the content script imports on demand (utils/lazy-bundle.ts): the spotting
    // bundle in the page's first idle period, the hover bundle once the page's first name is
    // highlighted (docs/spotting.md, "Start"), the card bundle on its first hover intent
    // (docs/card.md). Chrome serves them only under a per-session random id
    // (`use_dynamic_url`), so no page can probe for them; Firefox's id is random per install.
    web_accessible_resources: [
      {
        resources: ['spotter.js', 'hover.js', 'card.js'],
        matches: ['http://*/*', 'https://*/*'],
        ...(browser === 'firefox' ? {} : { use_dynamic_url: true }),
      },
    ],
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'standpoint@standpoint.invalid',
              // 140 registers highlights but does not paint text-decoration in ::highlight()
              // (checked; docs/firefox.md); 153 is the oldest version checked to paint them.
              strict_min_version: FIREFOX_MIN_VERSION,
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: FIREFOX_MIN_VERSION },
          },
        }
      : {}),
  }),
});
