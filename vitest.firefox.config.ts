import { defineConfig } from 'vitest/config';

/** Upper bound for one Firefox test (ms): a browser on a busy 2-core machine; a limit, not a measurement. */
const FIREFOX_TEST_TIMEOUT_MS = 120_000;
/** Upper bound for launching Firefox, installing the add-on and closing it in hooks (ms). */
const FIREFOX_HOOK_TIMEOUT_MS = 180_000;

/** End-to-end tests in Firefox with the Firefox build installed (`npm run test:firefox`). */
export default defineConfig({
  resolve: { alias: { '@': import.meta.dirname } },
  test: {
    environment: 'node',
    include: ['test/e2e/firefox/**/*.firefox.test.ts'],
    globalSetup: ['test/e2e/harness/firefox-setup.ts'],
    fileParallelism: false,
    testTimeout: FIREFOX_TEST_TIMEOUT_MS,
    hookTimeout: FIREFOX_HOOK_TIMEOUT_MS,
  },
});
