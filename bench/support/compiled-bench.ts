import { join } from 'node:path';
import { build } from 'vite';

/**
 * Compiles a benchmark to one JavaScript file under `.tmp/bench-build`, with the
 * packages left as imports, and returns its path. The app runs compiled code in
 * Electron's main process; measured through tsx, a figure would also count tsx's
 * transform worker and source maps (about 30 MB of RSS), which no user runs.
 */
export async function compiledBench(entry: string): Promise<string> {
  const outDir = join('.tmp', 'bench-build');
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: entry,
      outDir,
      emptyOutDir: true,
      target: 'node20',
      rollupOptions: { output: { format: 'esm', entryFileNames: '[name].mjs' } },
    },
  });
  const name = entry.split('/').at(-1)?.replace(/\.ts$/, '.mjs') ?? 'bench.mjs';
  return join(outDir, name);
}
