import { defineConfig } from 'wxt';
import preact from '@preact/preset-vite';
import { CARD_COMMAND_MANIFEST } from './utils/card/command-manifest';

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
    plugins: [preact()],
    build: { target: 'es2022' },
  }),
  manifest: ({ browser }) => ({
    name: 'Standpoint',
    description:
      'See where public figures stand while you read the news: hover a name for their stated positions, with sources.',
    permissions: ['storage', 'alarms'],
    optional_host_permissions: ['https://*/*', 'http://*/*'],
    // Keyboard access to the hover card (utils/card/commands.ts).
    commands: CARD_COMMAND_MANIFEST,
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            gecko: {
              id: 'standpoint@standpoint.invalid',
              strict_min_version: '140.0',
              data_collection_permissions: { required: ['none'] },
            },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
});
