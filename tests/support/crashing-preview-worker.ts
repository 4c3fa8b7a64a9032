/**
 * A preview worker for tests: the real one, except that a folder named `crash-me`
 * kills its worker thread, one named `throw-me` throws outside any promise, and one
 * named `hang-me` is never answered.
 */
import { basename } from 'node:path';
import { parentPort } from 'node:worker_threads';
import { previewFolder } from '../../src/core/app/folder-preview';
import { servePreviewTasks } from '../../src/core/app/preview-worker-protocol';

if (!parentPort) throw new Error('a worker thread only');
servePreviewTasks(parentPort, (folder) => {
  const name = basename(folder);
  if (name === 'crash-me') process.exit(7);
  if (name === 'throw-me')
    setImmediate(() => {
      throw new Error('boom');
    });
  if (name === 'throw-me' || name === 'hang-me') return new Promise(() => undefined);
  return previewFolder(folder);
});
