import { defineConfig } from 'vitest/config';
import { opponentWorkerPlugin } from './src/ai/workerPlugin.ts';

export default defineConfig({
  // the opponent's worker address the page imports (src/bridge/opponentClient.ts)
  plugins: [opponentWorkerPlugin()],
  test: {
    include: ['tests/**/*.test.ts'],
    // the browser suite has its own config (tests/browser/vitest.config.ts) and runs after this one
    exclude: ['**/node_modules/**', 'tests/browser/**'],
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
