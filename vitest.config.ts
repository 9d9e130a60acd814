import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    // the browser suite has its own config (tests/browser/vitest.config.ts) and runs after this one
    exclude: ['**/node_modules/**', 'tests/browser/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
