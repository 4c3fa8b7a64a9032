/**
 * The preview worker thread's entry: checks the folders the pool sends it, one at a
 * time, so parsing thousands of GPX files never blocks the app's main event loop.
 * Built as its own entry (electron.vite.config.ts), loaded through tsx from source.
 */
import { parentPort } from 'node:worker_threads';
import { runInBackground } from './background-thread';
import { servePreviewTasks } from './preview-worker-protocol';

if (!parentPort) throw new Error('preview-worker runs only as a worker thread');
const port = parentPort;
// Lowered before the checker's modules load: loading them (zod above all) is the
// worker's heaviest moment, and it must not take the CPU from the app's event loop.
runInBackground();
const { previewFolder } = await import('./folder-preview');
const { donePreview } = await import('../sequence/folder/sequence-files');
servePreviewTasks(port, previewFolder, donePreview);
