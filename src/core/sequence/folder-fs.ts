import {
  accessSync,
  closeSync,
  fdatasyncSync,
  fchmodSync,
  lstatSync,
  openSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeSync,
  type Dirent,
  type Stats,
} from 'node:fs';
import {
  access,
  lstat,
  open,
  readdir,
  readFile,
  realpath,
  rename,
  rm,
  stat,
} from 'node:fs/promises';
import { isMainThread } from 'node:worker_threads';

/** The file calls of the sequence folder code (reading a folder, writing its markers). */
export interface FolderFs {
  readdirTyped(path: string): Promise<Dirent<Buffer>[]>;
  stat(path: string): Promise<Stats>;
  lstat(path: string | Buffer): Promise<Stats>;
  realpath(path: string): Promise<string>;
  access(path: string, mode: number): Promise<void>;
  readFile(path: string): Promise<Buffer>;
  readText(path: string): Promise<string>;
  /** Creates `path` (it must not exist yet) holding `text`, with `mode` when given, flushed to disk. */
  writeNewFlushed(path: string, text: string, mode?: number): Promise<void>;
  rename(from: string, to: string): Promise<void>;
  rmForce(path: string): Promise<void>;
}

/** Through libuv's thread pool: a slow or network disk never blocks the calling event loop. */
const pooled: FolderFs = {
  readdirTyped: (path) => readdir(path, { encoding: 'buffer', withFileTypes: true }),
  stat: (path) => stat(path),
  lstat: (path) => lstat(path),
  realpath: (path) => realpath(path),
  access: (path, mode) => access(path, mode),
  readFile: (path) => readFile(path),
  readText: (path) => readFile(path, 'utf8'),
  async writeNewFlushed(path, text, mode) {
    const handle = await open(path, 'wx');
    try {
      if (mode !== undefined) await handle.chmod(mode & 0o7777);
      await handle.writeFile(text, 'utf8');
      await handle.datasync();
    } finally {
      await handle.close();
    }
  },
  rename: (from, to) => rename(from, to),
  rmForce: (path) => rm(path, { force: true }),
};

/** A synchronous call as a promise: settled before it returns, a throw becomes a rejection. */
function settled<A extends unknown[], T>(call: (...args: A) => T): (...args: A) => Promise<T> {
  return (...args) => {
    try {
      return Promise.resolve(call(...args));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
}

function writeNewFlushedSync(path: string, text: string, mode?: number): void {
  const fd = openSync(path, 'wx');
  try {
    if (mode !== undefined) fchmodSync(fd, mode & 0o7777);
    const bytes = Buffer.from(text, 'utf8');
    let offset = 0;
    while (offset < bytes.length) offset += writeSync(fd, bytes, offset);
    fdatasyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

/**
 * Synchronous calls behind the same promises, for worker threads: blocking there
 * blocks no window, and a call costs a tenth of the CPU of a trip through the
 * thread pool (bench/scale.ts: the pipeline's folder work is ~20 such calls per item).
 */
const direct: FolderFs = {
  readdirTyped: settled((path: string) =>
    readdirSync(path, { encoding: 'buffer', withFileTypes: true }),
  ),
  stat: settled((path: string) => statSync(path)),
  lstat: settled((path: string | Buffer) => lstatSync(path)),
  realpath: settled((path: string) => realpathSync(path)),
  access: settled((path: string, mode: number) => accessSync(path, mode)),
  readFile: settled((path: string) => readFileSync(path)),
  readText: settled((path: string) => readFileSync(path, 'utf8')),
  writeNewFlushed: settled(writeNewFlushedSync),
  rename: settled((from: string, to: string) => renameSync(from, to)),
  rmForce: settled((path: string) => rmSync(path, { force: true })),
};

/**
 * The calls for this thread: pooled on a main thread (Electron's main process, the
 * CLI), whose event loop must never wait on a disk; direct in a worker thread (the
 * folder worker, the preview workers), where waiting is the thread's whole job.
 */
export const folderFs: FolderFs = isMainThread ? pooled : direct;
