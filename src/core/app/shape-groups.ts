import type { ShapeOptions } from '../shape/shape-options';

/** Paths that are queued with the same shaping (undefined: none). */
export interface ShapeGroup {
  paths: string[];
  shape: ShapeOptions | undefined;
}

/**
 * Splits the paths of one `queue:add` by their shaping, in the order first seen: a
 * path in `shapes` takes its own, any other `defaults`. Paths of one group go to the
 * pipeline together, so `_part_N` folders given with the same options can still merge.
 */
export function groupByShape(
  paths: readonly string[],
  shapes: ReadonlyMap<string, ShapeOptions>,
  defaults: ShapeOptions | undefined,
): ShapeGroup[] {
  const groups = new Map<string, ShapeGroup>();
  for (const path of paths) {
    const shape = shapes.get(path) ?? defaults;
    const key = shape === undefined ? '' : JSON.stringify(shape);
    const group = groups.get(key);
    if (group) group.paths.push(path);
    else groups.set(key, { paths: [path], shape });
  }
  return [...groups.values()];
}
