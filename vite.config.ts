import { defineConfig } from 'vite';
import { scenariosPlugin } from './src/scenario/vite-plugin.ts';

export default defineConfig({
  base: './',
  plugins: [scenariosPlugin()],
  build: { target: 'es2022', chunkSizeWarningLimit: 1500 },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173 },
});
