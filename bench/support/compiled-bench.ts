import { join } from 'node:path';
import { build } from 'vite';
import { bundledDeps } from '../../electron.vite.config';

/** A bench's entry name: its file name without `.ts`. */
const name = (entry: string): string => entry.split('/').at(-1)?.replace(/\.ts$/, '') ?? 'bench';

/**
 * Compiles a benchmark to one JavaScript file under `.tmp/bench-build`, with the
 * packages left as imports except those the app builds in, and returns its path. The
 * app runs compiled code in Electron's main process; measured through tsx, a figure
 * would also count tsx's transform worker and source maps (about 30 MB of RSS),
 * which no user runs.
 */
export async function compiledBench(entry: string): Promise<string> {
  const outDir = join('.tmp', 'bench-build');
  await build({
    configFile: false,
    logLevel: 'warn',
    // As the app's main build: these packages are built in, the others imported.
    ssr: { noExternal: [...bundledDeps] },
    build: {
      ssr: true,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      rollupOptions: {
        // The folder worker beside the bench, where FolderIoThread looks for it once built.
        input: {
          [name(entry)]: entry,
          'folder-io-worker': 'src/core/folder-io/folder-io-worker.ts',
        },
        output: { format: 'esm', entryFileNames: '[name].js' },
        // zod's sources carry comments Rollup reads as misplaced annotations: harmless.
        onwarn(warning, warn) {
          if (warning.code !== 'INVALID_ANNOTATION' || !warning.id?.includes('/zod/'))
            warn(warning);
        },
      },
    },
  });
  return join(outDir, `${name(entry)}.js`);
}
