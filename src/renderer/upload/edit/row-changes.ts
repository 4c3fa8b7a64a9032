import type { ShapingDefaults } from '../../../shared/settings-schema';
import type { ShapeRequest } from '../../../shared/shape-request';
import type { SportType } from '../../../shared/sport-types';

/**
 * What the user changed on one row, on top of Settings' shaping defaults. A field
 * left out keeps the default (trims, hide from home, zones) or the sequence's own
 * value (name, description, the transport's sport).
 */
export interface RowChanges {
  name?: string;
  /** Empty sends no description. */
  description?: string;
  sportType?: SportType;
  trimStartM?: number;
  trimEndM?: number;
  timeOffsetS?: number;
  /** False leaves Settings' privacy zones off this row. */
  usePrivacyZones?: boolean;
  hideFromHome?: boolean;
  commute?: boolean;
  gearId?: string;
}

/** The defaults when Settings has not answered yet: nothing shaped. */
export const noDefaults: ShapingDefaults = {
  privacyZones: [],
  trimStartM: 0,
  trimEndM: 0,
  hideFromHome: false,
};

/** The shaping one row is sent with: its changes over the defaults. */
export function rowShape(defaults: ShapingDefaults, changes: RowChanges = {}): ShapeRequest {
  const zones = changes.usePrivacyZones === false ? [] : defaults.privacyZones;
  return {
    trimStartM: changes.trimStartM ?? defaults.trimStartM,
    trimEndM: changes.trimEndM ?? defaults.trimEndM,
    privacyZones: zones.map(({ lat, lon, radiusM }) => ({ lat, lon, radiusM })),
    timeOffsetS: changes.timeOffsetS ?? 0,
    hideFromHome: changes.hideFromHome ?? defaults.hideFromHome,
    commute: changes.commute ?? false,
    ...(changes.sportType !== undefined ? { sportType: changes.sportType } : {}),
    ...(changes.name !== undefined ? { name: changes.name } : {}),
    ...(changes.description !== undefined ? { description: changes.description } : {}),
    ...(changes.gearId !== undefined ? { gearId: changes.gearId } : {}),
  };
}

/** Whether a shaping changes the track itself, so the drawing has a kept part to show. */
export function changesTrack(shape: ShapeRequest): boolean {
  return (
    (shape.trimStartM ?? 0) > 0 ||
    (shape.trimEndM ?? 0) > 0 ||
    (shape.privacyZones?.length ?? 0) > 0 ||
    (shape.timeOffsetS ?? 0) !== 0
  );
}

/** The fields the batch bar sets: everything but a row's own name and description. */
export type BatchChanges = Omit<RowChanges, 'name' | 'description'>;

/**
 * The batch bar's values applied to every row: each row keeps its own name and
 * description, and takes the batch's value for every other field.
 */
export function applyToAll(
  edits: ReadonlyMap<string, RowChanges>,
  folders: readonly string[],
  batch: BatchChanges,
): Map<string, RowChanges> {
  const next = new Map(edits);
  for (const folder of folders) {
    const own = edits.get(folder) ?? {};
    const kept: RowChanges = {
      ...(own.name !== undefined ? { name: own.name } : {}),
      ...(own.description !== undefined ? { description: own.description } : {}),
    };
    next.set(folder, { ...kept, ...batch });
  }
  return next;
}

/**
 * The `queue:add` shaping for the rows being sent: rows with the same shaping travel
 * as one group, in the order first seen, so a thousand rows with the defaults cost
 * one entry. A folder in `overrides` (a part of a merged group) takes that shaping.
 */
export function shapingGroups(
  folders: readonly string[],
  defaults: ShapingDefaults,
  edits: ReadonlyMap<string, RowChanges>,
  overrides: ReadonlyMap<string, ShapeRequest> = new Map(),
): { paths: string[]; shape: ShapeRequest }[] {
  const groups = new Map<string, { paths: string[]; shape: ShapeRequest }>();
  for (const folder of folders) {
    const shape = overrides.get(folder) ?? rowShape(defaults, edits.get(folder));
    const key = JSON.stringify(shape);
    const group = groups.get(key);
    if (group) group.paths.push(folder);
    else groups.set(key, { paths: [folder], shape });
  }
  return [...groups.values()];
}
