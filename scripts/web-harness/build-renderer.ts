import { spawnSync } from 'node:child_process';

/** Builds the renderer alone into out/web (vite.renderer.config.ts), as the harness and the benchmark serve it. */
export function buildRenderer(): void {
  const built = spawnSync(
    process.execPath,
    [
      'node_modules/vite/bin/vite.js',
      'build',
      '-c',
      'vite.renderer.config.ts',
      '--logLevel',
      'error',
    ],
    { stdio: 'inherit' },
  );
  if (built.status !== 0) throw new Error('The renderer build failed (see above).');
}
