/**
 * The folder worker thread's entry: serves FolderIo calls (folder-io-protocol.ts)
 * with the same functions the pipeline would call itself. In a worker thread the
 * folder code makes synchronous file calls (sequence/folder-fs.ts): each costs a
 * tenth of the CPU of a trip through libuv's thread pool, and blocking here blocks
 * neither the app's window nor the CLI's progress. Built as its own entry
 * (electron.vite.config.ts), loaded through tsx from source.
 */
import { parentPort } from 'node:worker_threads';
import { localFolderIo } from './folder-io';
import {
  failedAnswer,
  folderIoRequestSchema,
  serveRequest,
  type FolderIoAnswer,
} from './folder-io-protocol';

if (!parentPort) throw new Error('folder-io-worker runs only as a worker thread');
const port = parentPort;
port.on('message', (message: unknown) => {
  const request = folderIoRequestSchema.safeParse(message);
  if (!request.success) return;
  const { id } = request.data;
  void serveRequest(localFolderIo, request.data).then(
    (value) => {
      const track = withExactBytes(value);
      const answer: FolderIoAnswer = { id, ok: true, value: track?.value ?? value };
      port.postMessage(answer, track ? [track.transfer] : []);
    },
    (error: unknown) => port.postMessage(failedAnswer(id, error)),
  );
});

/**
 * A gzipped track with its bytes in a buffer of their own size, to hand over without
 * a copy: zlib returns a view of its 16 KB output chunk, and a message copies a
 * view's whole buffer, so each small track crossed as 16 KB and was held so until
 * its upload ended.
 */
function withExactBytes(value: unknown): { value: object; transfer: ArrayBuffer } | undefined {
  if (typeof value !== 'object' || value === null || !('inMemory' in value)) return undefined;
  if (!(value.inMemory instanceof Uint8Array)) return undefined;
  const bytes = new Uint8Array(value.inMemory);
  return { value: { ...value, inMemory: bytes }, transfer: bytes.buffer };
}
