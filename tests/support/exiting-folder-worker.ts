/** A folder worker for tests that stops its thread at the first call, as a crash would. */
import { parentPort } from 'node:worker_threads';

if (!parentPort) throw new Error('a worker thread only');
parentPort.on('message', () => process.exit(9));
