import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

/**
 * Builds the renderer alone (vite.renderer.config.ts), as the harness and the
 * benchmark serve it, into `outDir` (out/web unless given), and returns that folder.
 * Each end-to-end world builds into a folder of its own: a build empties its folder
 * first, so one shared by test files running at once could be half there when
 * another file's page loads it.
 */
export function buildRenderer(outDir = resolve('out/web')): string {
  const built = spawnSync(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      '-c',
      'vite.renderer.config.ts',
      '--outDir',
      outDir,
      '--emptyOutDir',
      '--logLevel',
      'error',
    ],
    { stdio: 'inherit' },
  );
  if (built.status !== 0) throw new Error('The renderer build failed (see above).');
  return outDir;
}
