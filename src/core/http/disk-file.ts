import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { UploadError } from '../errors/upload-error';

/**
 * Small reads keep the garbage of a streamed upload low: V8 frees a read buffer only
 * when a collection runs, and many small chunks make collections come sooner than a
 * few large ones (bench/upload-memory.ts measures it).
 */
const chunkBytes = 16 * 1024;

/**
 * A File-like multipart part (as form-data-encoder and formdata-node accept) that
 * streams a file from disk as the request goes out, never holding it whole.
 */
export class DiskFile {
  readonly type = 'application/octet-stream';

  private constructor(
    private readonly path: string,
    readonly name: string,
    readonly size: number,
    readonly lastModified: number,
  ) {}

  /** Describes a file on disk; reading starts only when the part is sent. */
  static async open(path: string, name = basename(path)): Promise<DiskFile> {
    const info = await stat(path);
    return new DiskFile(path, name, info.size, info.mtimeMs);
  }

  /** The file's bytes; refuses a file changed since `open`, whose length would no longer match. */
  async *stream(): AsyncGenerator<Buffer> {
    const { mtimeMs, size } = await stat(this.path);
    if (mtimeMs !== this.lastModified || size !== this.size) {
      throw new UploadError({
        kind: 'invalid-input',
        message: `The file ${this.name} changed while it was being sent.`,
        retryable: true,
      });
    }
    yield* createReadStream(this.path, { highWaterMark: chunkBytes }) as AsyncIterable<Buffer>;
  }

  get [Symbol.toStringTag](): string {
    return 'File';
  }
}
