import { defineConfig } from 'vite';
import { scenariosPlugin } from './src/scenario/vite-plugin.ts';

export default defineConfig({
  base: './',
  plugins: [scenariosPlugin()],
  // the opponent's worker is bundled on its own and needs the shipped scenarios' hashes
  worker: { format: 'es', plugins: () => [scenariosPlugin()] },
  build: {
    target: 'es2022',
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      // These dependencies have no side effects, but do not say so in their package.json; saying it
      // here lets the bundler drop them from the page when only Node tools use them (state hashes).
      treeshake: {
        moduleSideEffects: (id: string) =>
          !/[\\/]node_modules[\\/](safe-stable-stringify|@noble[\\/]hashes)[\\/]/.test(id),
      },
      output: {
        // Phaser in a chunk of its own: it changes only with the dependency, so browsers keep it
        // cached across releases, and `npm run bench` can weigh the app's own code beside it.
        codeSplitting: { groups: [{ name: 'phaser', test: /[\\/]node_modules[\\/]phaser[\\/]/ }] },
      },
    },
  },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
