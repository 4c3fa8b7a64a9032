import { folderFs } from '../folder-fs';
import { unreadableFile } from './gpx-errors';

/**
 * The size of a regular file. Anything else is refused as unreadable: a missing path,
 * a folder, or a pipe or device, whose reading would fail or never end.
 */
export async function regularFileSize(path: string): Promise<number> {
  const info = await folderFs.stat(path).catch((error: unknown) => {
    throw unreadableFile(path, error);
  });
  if (info.isFile()) return info.size;
  const code = info.isDirectory() ? 'EISDIR' : 'ENOTREG';
  throw unreadableFile(path, Object.assign(new Error(`${code}: ${path}`), { code }));
}
