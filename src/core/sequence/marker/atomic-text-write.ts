import { randomBytes } from 'node:crypto';
import { folderFs } from '../folder-fs';

/**
 * Replaces `path` with `text` so that a crash leaves the old file or the new one,
 * never half of either: a temporary file beside it, flushed to disk, then renamed
 * over it. `mode` keeps the permissions of the file it replaces.
 *
 * Written here rather than with write-file-atomic: that library resolves the path,
 * copies ownership and installs exit handlers on every call, which made a marker
 * write cost more CPU than the upload itself; the caller already checks links.
 */
export async function writeTextAtomic(path: string, text: string, mode?: number): Promise<void> {
  const temp = `${path}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    await folderFs.writeNewFlushed(temp, text, mode);
    await folderFs.rename(temp, path);
  } catch (error) {
    await folderFs.rmForce(temp).catch(() => undefined);
    throw error;
  }
}
