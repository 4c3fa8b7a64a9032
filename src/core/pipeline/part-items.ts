import { basename, dirname } from 'node:path';
import { partName } from '../sequence/folder/sequence-parts';
import { itemId, newQueueItem } from './item-transitions';
import type { QueueItem } from './queue-item';

/** What one queue item is made of: one folder, or the part folders of one capture. */
export interface QueueEntry {
  /** The folder, or part 1's (the lowest part given). */
  folder: string;
  /** With `--merge-parts`: every part folder, in part order (two or more). */
  parts?: string[];
}

/**
 * Turns the folders given into queue entries. With `mergeParts`, the `<base>_part_<N>`
 * folders of one base under one parent become one entry, in part order, placed where
 * its first folder came; a part given alone stays a plain entry.
 */
export function queueEntries(folders: readonly string[], mergeParts: boolean): QueueEntry[] {
  if (!mergeParts) return folders.map((folder) => ({ folder }));
  const groups = new Map<string, { index: number; folder: string }[]>();
  const order: string[] = [];
  for (const folder of folders) {
    const part = partName(basename(folder));
    const key =
      part === undefined
        ? `folder:${folder}`
        : `part:${dirname(folder)}\0${part.base.toLowerCase()}`;
    const group = groups.get(key) ?? [];
    if (group.length === 0) order.push(key);
    if (!group.some((g) => g.folder === folder)) group.push({ index: part?.index ?? 0, folder });
    groups.set(key, group);
  }
  return order.map((key) => {
    const group = (groups.get(key) ?? []).sort((a, b) => a.index - b.index);
    const folders = group.map((g) => g.folder);
    const first = folders[0] ?? '';
    return folders.length < 2 ? { folder: first } : { folder: first, parts: folders };
  });
}

/**
 * A merged item's id: the same parts are the same item whenever they are added, and
 * never the id of one of the part folders queued on its own.
 */
export function mergedItemId(parts: readonly string[]): string {
  return itemId(`merge-parts\0${parts.join('\0')}`);
}

/** A queued item for the part folders of one capture (absolute paths, part order). */
export function newMergedItem(
  parts: readonly string[],
  createMtpw: boolean,
  now: number,
): QueueItem {
  const first = parts[0] ?? '';
  const base = partName(basename(first))?.base ?? basename(first);
  return {
    ...newQueueItem(first, createMtpw, now),
    id: mergedItemId(parts),
    name: base,
    parts: parts.map((folder) => ({ folder })),
  };
}
