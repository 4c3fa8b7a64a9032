import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

/** The renderer alone, for the browser harness and the bundle-size benchmark (Electron builds it with electron.vite.config.ts). */
export default defineConfig({
  root: 'src/renderer',
  base: './',
  plugins: [react()],
  build: { outDir: '../../out/web', emptyOutDir: true },
});
