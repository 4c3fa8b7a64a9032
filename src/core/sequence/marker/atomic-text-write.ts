import { randomBytes } from 'node:crypto';
import { open, rename, rm, type FileHandle } from 'node:fs/promises';

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
  let handle: FileHandle | undefined;
  try {
    handle = await open(temp, 'wx');
    if (mode !== undefined) await handle.chmod(mode & 0o7777);
    await handle.writeFile(text, 'utf8');
    await handle.datasync();
    await handle.close();
    handle = undefined;
    await rename(temp, path);
  } catch (error) {
    await handle?.close().catch(() => undefined);
    await rm(temp, { force: true }).catch(() => undefined);
    throw error;
  }
}
