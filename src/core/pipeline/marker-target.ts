import { localFolderIo, type FolderIo } from '../folder-io/folder-io';
import type { MarkerTarget } from '../sequence/marker/marker-writer';
import type { QueueItem } from './queue-item';

/**
 * What the upload step's and the last step's markers of `folder` need: as the read
 * step found it for a one-folder item (the JSON itself is read again when it is
 * edited), else read now (a part folder, or an item journaled before the read kept it).
 */
export async function markerTarget(
  item: QueueItem,
  folder: string,
  io: FolderIo = localFolderIo,
): Promise<MarkerTarget> {
  if (item.parts !== undefined || item.folderKind === undefined) return io.readFolder(folder);
  return {
    folder,
    name: item.name,
    kind: item.folderKind,
    ...(item.jsonPath !== undefined ? { jsonPath: item.jsonPath } : {}),
  };
}
