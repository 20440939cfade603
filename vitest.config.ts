import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

/**
 * Upper bound for one unit test (ms). Vitest's 5 s default is too tight for the seeded
 * robustness runs on a busy 2-core CI machine; a limit against hangs, not a measurement.
 */
const UNIT_TEST_TIMEOUT_MS = 30_000;

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    environment: 'happy-dom',
    include: ['test/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['test/unit/setup.ts'],
    testTimeout: UNIT_TEST_TIMEOUT_MS,
  },
});
