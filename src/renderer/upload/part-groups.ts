import type { ShapingDefaults } from '../../shared/settings-schema';
import type { ShapeRequest } from '../../shared/shape-request';
import { rowShape, type RowChanges } from './edit/row-changes';

/**
 * How the MTP Desktop Uploader names the folders of a long sequence it split. Core
 * parses the same names when it merges; the renderer may not import core, so this is
 * its own small copy of the rule.
 */
const partPattern = /^(.+)_part_(\d{1,6})$/i;

/** Two or more `<base>_part_<N>` folders of one base under one parent, as the list holds them. */
export interface PartGroup {
  /** Parent and base (case-insensitive): names the group in the screen's state. */
  key: string;
  /** The sequence's folder name without `_part_N`. */
  base: string;
  /** The part folders, in part order. */
  parts: string[];
}

/** Splits a path at its last separator (either kind: the renderer knows no `path`). */
function splitFolder(folder: string): { parent: string; name: string } {
  const trimmed = folder.replace(/[\\/]+$/, '');
  const cut = Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\'));
  return { parent: trimmed.slice(0, cut + 1), name: trimmed.slice(cut + 1) };
}

/** The groups of part folders among `folders`, in the order their first part is listed. */
export function findPartGroups(folders: readonly string[]): PartGroup[] {
  const groups = new Map<string, { base: string; parts: { index: number; folder: string }[] }>();
  for (const folder of folders) {
    const { parent, name } = splitFolder(folder);
    const match = partPattern.exec(name);
    if (!match?.[1] || match[2] === undefined) continue;
    const key = `${parent}\0${match[1].toLowerCase()}`;
    const group = groups.get(key) ?? { base: match[1], parts: [] };
    if (!group.parts.some((p) => p.folder === folder))
      group.parts.push({ index: Number.parseInt(match[2], 10), folder });
    groups.set(key, group);
  }
  return [...groups.entries()]
    .filter(([, group]) => group.parts.length >= 2)
    .map(([key, group]) => ({
      key,
      base: group.base,
      parts: group.parts.sort((a, b) => a.index - b.index).map((p) => p.folder),
    }));
}

/** How many activities the folders make once the ticked groups are merged. */
export function activityCount(
  folders: readonly string[],
  groups: readonly PartGroup[],
  merged: ReadonlySet<string>,
): number {
  const sent = new Set(folders);
  let count = sent.size;
  for (const group of groups) {
    if (!merged.has(group.key)) continue;
    const given = group.parts.filter((part) => sent.has(part)).length;
    if (given >= 2) count -= given - 1;
  }
  return count;
}

/**
 * The shaping of every part of a ticked group: part 1's row (the merged activity has
 * one set of options) with `mergeParts`, so the parts travel in one `queue:add` entry
 * and core makes one activity of them. Folders of unticked groups are not in it.
 */
export function mergedPartShapes(
  defaults: ShapingDefaults,
  edits: ReadonlyMap<string, RowChanges>,
  groups: readonly PartGroup[],
  merged: ReadonlySet<string>,
): Map<string, ShapeRequest> {
  const shapes = new Map<string, ShapeRequest>();
  for (const group of groups) {
    const first = group.parts[0];
    if (!merged.has(group.key) || first === undefined) continue;
    const shape: ShapeRequest = { ...rowShape(defaults, edits.get(first)), mergeParts: true };
    for (const part of group.parts) shapes.set(part, shape);
  }
  return shapes;
}

/**
 * The folders cut into `queue:add` calls of at most `max` paths, never cutting a
 * ticked group: its parts go together (where its first listed part is), or core
 * would make two activities of one capture.
 */
export function uploadBatches(
  folders: readonly string[],
  groups: readonly PartGroup[],
  merged: ReadonlySet<string>,
  max: number,
): string[][] {
  const sent = new Set(folders);
  const groupOf = new Map<string, string[]>();
  for (const group of groups)
    if (merged.has(group.key)) {
      const parts = group.parts.filter((part) => sent.has(part));
      for (const part of parts) groupOf.set(part, parts);
    }
  const placed = new Set<string>();
  const batches: string[][] = [];
  let batch: string[] = [];
  for (const folder of folders) {
    if (placed.has(folder)) continue;
    const unit = groupOf.get(folder) ?? [folder];
    if (batch.length > 0 && batch.length + unit.length > max) {
      batches.push(batch);
      batch = [];
    }
    batch.push(...unit);
    for (const path of unit) placed.add(path);
  }
  if (batch.length > 0) batches.push(batch);
  return batches;
}
