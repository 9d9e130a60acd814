// The browser suite: real Chromium against the built game. `npm test` runs it after the unit suite;
// `npm run test:browser` runs it alone. One build, one static server and one Chromium are shared
// by every file (see global-setup.ts); each test opens its own fresh browser context.
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

export default defineConfig({
  root: fileURLToPath(new URL('../..', import.meta.url)),
  test: {
    include: ['tests/browser/**/*.test.ts'],
    environment: 'node',
    globalSetup: ['tests/browser/global-setup.ts'],
    testTimeout: 240_000,
    hookTimeout: 120_000,
    // two cores: the files run side by side, one game each, and Chromium does the rest
    maxWorkers: 2,
    fileParallelism: true,
  },
});
