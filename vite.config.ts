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
      // @noble/hashes has no side effects but does not say so in its package.json; saying it here
      // lets the bundler drop what the page does not use. (safe-stable-stringify must not be on
      // this list: its ES module reads what its CommonJS part puts on globalThis.)
      treeshake: {
        moduleSideEffects: (id: string) => !/[\\/]node_modules[\\/]@noble[\\/]hashes[\\/]/.test(id),
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
