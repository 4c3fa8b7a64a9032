/**
 * electron-vite build: main, preload and renderer, each with its own Vite config.
 *
 * - main (`src/main/main.ts` → `out/main/main.js`, and the folder-preview worker
 *   `src/core/app/preview-worker.ts` → `out/main/preview-worker.js`, a second entry so
 *   main can start it by URL next to itself; likewise the pipeline's folder worker
 *   `src/core/folder-io/folder-io-worker.ts` → `out/main/folder-io-worker.js`): ES module, because package.json
 *   says `"type": "module"` and conf and electron-store ship as ES modules only.
 *   Dependencies stay external (electron-vite's `externalizeDeps`), so keytar's native
 *   module and the rest load from node_modules in the packaged app; only the pure
 *   JavaScript ones every worker thread loads (`bundledDeps`) are built in.
 * - preload (`src/preload/preload.ts` → `out/preload/preload.cjs`): CommonJS in ONE
 *   file. A sandboxed preload cannot be an ES module and can `require` only `electron`
 *   (no relative chunks, no node_modules), so zod and the IPC table are bundled in.
 *   The `.cjs` extension keeps Node's `"type": "module"` rule from reading it as ESM.
 * - renderer (`src/renderer/index.html` → `out/renderer/index.html`): React.
 *
 * No build-time environment reaches a bundle: nothing is `define`d from the env, and
 * `envPrefix` is a prefix no setting uses, so Vite's default `VITE_` / `MAIN_VITE_` /
 * `RENDERER_VITE_` variables (from `.env` files or the shell) are never inlined.
 * Main reads `.env` at run time instead. `npm run package:check` greps for a canary.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

/** The only env prefix Vite may inline. Nothing uses it: keep it that way for secrets. */
export const PUBLIC_ENV_PREFIX = 'MTP_BUNDLE_PUBLIC_';

const root = import.meta.dirname;

/** Packages built into main's chunks (and so its worker threads') instead of loaded from node_modules. */
export const bundledDeps = ['zod', 'saxes'] as const;

export default defineConfig({
  main: {
    envPrefix: PUBLIC_ENV_PREFIX,
    build: {
      outDir: resolve(root, 'out/main'),
      // zod and saxes are bundled: each worker thread loads its modules anew, and
      // from node_modules the folder worker took ~360 ms of CPU and 30 MB to start,
      // bundled ~140 ms and 21 MB. Pure JavaScript, so nothing native is lost.
      externalizeDeps: { exclude: [...bundledDeps] },
      rollupOptions: {
        input: {
          main: resolve(root, 'src/main/main.ts'),
          // A worker thread's own module (folder previews), which main starts by its URL.
          'preview-worker': resolve(root, 'src/core/app/preview-worker.ts'),
          // The pipeline's folder work (reads, markers, gzip), on a thread of its own.
          'folder-io-worker': resolve(root, 'src/core/folder-io/folder-io-worker.ts'),
        },
      },
    },
  },
  preload: {
    envPrefix: PUBLIC_ENV_PREFIX,
    build: {
      outDir: resolve(root, 'out/preload'),
      // A sandboxed preload cannot require anything from node_modules: bundle it all.
      externalizeDeps: false,
      rollupOptions: {
        input: { preload: resolve(root, 'src/preload/preload.ts') },
        output: {
          format: 'cjs',
          entryFileNames: '[name].cjs',
          inlineDynamicImports: true,
        },
      },
    },
  },
  renderer: {
    root: resolve(root, 'src/renderer'),
    envPrefix: PUBLIC_ENV_PREFIX,
    plugins: [react()],
    build: {
      outDir: resolve(root, 'out/renderer'),
      rollupOptions: {
        input: { index: resolve(root, 'src/renderer/index.html') },
      },
    },
  },
});
