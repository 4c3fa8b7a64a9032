import { Worker, type WorkerOptions } from 'node:worker_threads';

/**
 * Starts a worker thread from a module file. A built `.js` module starts as is; a
 * `.ts` one (tests, the CLI and benches run from source) is loaded through tsx,
 * because Node does not pass a parent's `--import tsx` on to its workers.
 */
export function startModuleWorker(url: URL, options: WorkerOptions = {}): Worker {
  if (!url.pathname.endsWith('.ts')) return new Worker(url, options);
  const tsx = import.meta.resolve('tsx/esm/api');
  const boot =
    `import(${JSON.stringify(tsx)})` +
    `.then((api) => { api.register(); return import(${JSON.stringify(url.href)}); })`;
  return new Worker(boot, { ...options, eval: true });
}
