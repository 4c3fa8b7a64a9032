import {
  closeSync,
  existsSync,
  fdatasyncSync,
  fsyncSync,
  ftruncateSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { open as openFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { acquireFileLock, type FileLock } from './file-lock';

/** The moments of a rewrite a test can stop the process at. */
export type RewriteStep = 'written' | 'renamed';

export interface LineLogOptions {
  /** Told at each step of a rewrite (a kill test stops the process there). */
  onRewrite?: (step: RewriteStep) => void;
}

/** What a log held when opened. */
export interface LineLogContents {
  /** Every whole line, oldest first (blank lines skipped). */
  lines: string[];
  /** Bytes of a last line cut short (no newline after it), dropped. */
  tornBytes: number;
}

/** A rewrite under way in the background: the lines appended since it took its snapshot. */
interface BackgroundRewrite {
  appended: string[];
}

const newline = 0x0a;
/** Rewrites are written in pieces of about this size, not as one huge string. */
const chunkChars = 1 << 20;

/** Makes a rename or a new file durable: fsync its folder (not possible on Windows, where it is not needed). */
function syncFolder(path: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dirname(path), 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot open a folder; NTFS journals the rename itself.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Writes all of `text`; returns its size in bytes. */
function writeAll(fd: number, text: string): number {
  const buffer = Buffer.from(text, 'utf8');
  let offset = 0;
  while (offset < buffer.length) offset += writeSync(fd, buffer, offset);
  return buffer.length;
}

/** The next piece of about `chunkChars` of `lines`, each with its newline; '' once they are all read. */
function nextChunk(lines: Iterator<string>): string {
  const chunk: string[] = [];
  let chars = 0;
  while (chars < chunkChars) {
    const next = lines.next();
    if (next.done === true) break;
    chunk.push(next.value, '\n');
    chars += next.value.length + 1;
  }
  return chunk.join('');
}

/** Removes a file that may not be there (an abandoned rewrite's). */
function removeQuietly(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Gone already, or never made: either way nothing is left to remove.
  }
}

/**
 * An append-only file of text lines, each durable (fdatasync) when `append`
 * returns, and replaced whole crash-safely by `rewrite` (a new file, fsynced, renamed
 * over the old one, folder fsynced), or by `rewriteInBackground`, which writes the new
 * file without holding up the event loop. A last line without its newline is a write cut
 * short by a kill: it is dropped. Only the process holding `<path>.lock` rewrites or
 * trims the file; another one opening it (a `status` while an upload runs) reads and
 * appends only.
 */
export class LineLog {
  private fd: number;
  private size: number;
  /** Lines appended without a sync since the last one. */
  private unsynced = false;
  private readonly lock: FileLock;
  private background: BackgroundRewrite | undefined;

  private constructor(
    private readonly path: string,
    private readonly options: LineLogOptions,
    lock: FileLock,
    fd: number,
    size: number,
  ) {
    this.lock = lock;
    this.fd = fd;
    this.size = size;
  }

  /** Opens (or creates) the log and reads what it holds. */
  static open(
    path: string,
    options: LineLogOptions = {},
  ): { log: LineLog; contents: LineLogContents } {
    const lock = acquireFileLock(`${path}.lock`);
    try {
      // A rewrite killed before its rename: the log itself is still whole.
      for (const rewriting of [`${path}.rewrite`, `${path}.compacting`])
        if (lock.held && existsSync(rewriting)) unlinkSync(rewriting);
      const created = !existsSync(path);
      const fd = openSync(path, 'a+');
      if (created) syncFolder(path);
      const buffer = readFileSync(path);
      const whole = buffer.lastIndexOf(newline) + 1;
      const tornBytes = buffer.length - whole;
      if (tornBytes > 0 && lock.held) {
        ftruncateSync(fd, whole);
        fdatasyncSync(fd);
      }
      const lines = buffer
        .subarray(0, whole)
        .toString('utf8')
        .split('\n')
        .filter((line) => line.trim() !== '');
      const log = new LineLog(path, options, lock, fd, lock.held ? whole : buffer.length);
      return { log, contents: { lines, tornBytes } };
    } catch (error) {
      lock.release();
      throw error;
    }
  }

  /** True for the process that may rewrite the log (it holds the lock). */
  get writable(): boolean {
    return this.lock.held;
  }

  /** Bytes in the log now. */
  get bytes(): number {
    return this.size;
  }

  /**
   * Appends one line (without its newline); durable when this returns, unless
   * `sync` is false: then it becomes durable with the next synced line or `sync()`.
   */
  append(line: string, options: { sync?: boolean } = {}): void {
    // Another process may be mid-line: starting with a newline keeps our line whole.
    const text = this.lock.held ? `${line}\n` : `\n${line}\n`;
    writeAll(this.fd, text);
    this.background?.appended.push(text);
    if (options.sync === false) this.unsynced = true;
    else this.sync();
    this.size += Buffer.byteLength(text);
  }

  /** Makes every line appended so far durable. */
  sync(): void {
    fdatasyncSync(this.fd);
    this.unsynced = false;
  }

  /** Syncs only when a line was appended without a sync since the last one. */
  syncPending(): void {
    if (this.unsynced) this.sync();
  }

  /** Replaces the whole log by `lines`; a kill at any moment leaves either the old log or the new one. */
  rewrite(lines: Iterable<string>): void {
    if (!this.lock.held) throw new Error(`${this.path} is held by another process`);
    this.abandonBackground();
    const target = `${this.path}.rewrite`;
    const out = openSync(target, 'w');
    let size = 0;
    try {
      const source = lines[Symbol.iterator]();
      for (let chunk = nextChunk(source); chunk !== ''; chunk = nextChunk(source))
        size += writeAll(out, chunk);
      fsyncSync(out);
    } finally {
      closeSync(out);
    }
    this.options.onRewrite?.('written');
    this.swapIn(target);
    this.size = size;
  }

  /** Renames a new, synced log file over the old one and appends to it from then on. */
  private swapIn(target: string): void {
    // Windows will not rename over a file this process holds open.
    closeSync(this.fd);
    try {
      renameSync(target, this.path);
    } finally {
      this.fd = openSync(this.path, 'a+');
    }
    this.options.onRewrite?.('renamed');
    syncFolder(this.path);
    // The new file was synced whole before its rename.
    this.unsynced = false;
  }

  /**
   * Replaces the whole log by `lines`, as `rewrite` does, but writes and syncs the new
   * file in libuv's thread pool, a piece at a time, so the event loop goes on meanwhile.
   * Lines appended in the meantime go to the old log as usual, and are copied to the
   * end of the new file just before it is renamed over the old one. `lines` is read
   * while appends go on: a line for an item changed since then is harmless, since the
   * copied lines come after it. Resolves once the new file is in place, or at once when
   * `rewrite` or `close` overtakes it (the old log is whole all along).
   */
  async rewriteInBackground(lines: Iterable<string>): Promise<void> {
    if (!this.lock.held) throw new Error(`${this.path} is held by another process`);
    if (this.background) return;
    const job: BackgroundRewrite = { appended: [] };
    this.background = job;
    const target = `${this.path}.compacting`;
    const overtaken = () => this.background !== job;
    let size = 0;
    try {
      const out = await openFile(target, 'w');
      try {
        const source = lines[Symbol.iterator]();
        for (
          let chunk = nextChunk(source);
          chunk !== '' && !overtaken();
          chunk = nextChunk(source)
        ) {
          const bytes = Buffer.from(chunk, 'utf8');
          for (let at = 0; at < bytes.length;) at += (await out.write(bytes, at)).bytesWritten;
          size += bytes.length;
        }
        if (!overtaken()) await out.sync();
      } finally {
        await out.close();
      }
      if (overtaken()) return;
      // From here to the rename nothing waits: no line can be appended in between.
      const end = openSync(target, 'a');
      try {
        size += writeAll(end, job.appended.join(''));
        fdatasyncSync(end);
      } finally {
        closeSync(end);
      }
      this.options.onRewrite?.('written');
      this.swapIn(target);
      this.size = size;
    } catch (error) {
      if (!overtaken()) removeQuietly(target);
      throw error;
    } finally {
      if (this.background === job) this.background = undefined;
    }
  }

  /** Drops a background rewrite under way: its file goes, the log stays as it is. */
  private abandonBackground(): void {
    if (!this.background) return;
    this.background = undefined;
    removeQuietly(`${this.path}.compacting`);
  }

  /** Keeps a line that could not be used, beside the log, for whoever looks into it. */
  setAside(line: string): void {
    const fd = openSync(`${this.path}.set-aside`, 'a');
    try {
      writeAll(fd, `${line}\n`);
      fdatasyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }

  /** Makes what was appended durable, closes the file and gives the lock back. */
  close(): void {
    this.abandonBackground();
    try {
      this.syncPending();
    } finally {
      closeSync(this.fd);
    }
    this.lock.release();
  }
}
