import { defineConfig } from 'vitest/config';

/** Upper bound for one e2e test (ms): a browser on a busy 2-core machine; a limit, not a measurement. */
const E2E_TEST_TIMEOUT_MS = 120_000;
/** Upper bound for launching and closing the browser in hooks (ms). */
const E2E_HOOK_TIMEOUT_MS = 120_000;

/** End-to-end tests: real Chromium with the built extension, one file at a time. */
export default defineConfig({
  resolve: { alias: { '@': import.meta.dirname } },
  test: {
    environment: 'node',
    include: ['test/e2e/**/*.e2e.test.ts'],
    globalSetup: ['test/e2e/harness/global-setup.ts'],
    fileParallelism: false,
    testTimeout: E2E_TEST_TIMEOUT_MS,
    hookTimeout: E2E_HOOK_TIMEOUT_MS,
  },
});
