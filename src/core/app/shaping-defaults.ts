import type { ShapingDefaults } from '../../shared/settings-schema';
import { shapeOptionsSchema, type ShapeOptions } from '../shape/shape-options';

/**
 * The shaping a new upload gets from Settings' defaults; undefined when they change
 * nothing, so such items carry no shaping (as before there were defaults).
 */
export function shapingFromSettings(defaults: ShapingDefaults): ShapeOptions | undefined {
  const { privacyZones, trimStartM, trimEndM, hideFromHome } = defaults;
  if (privacyZones.length === 0 && trimStartM === 0 && trimEndM === 0 && !hideFromHome)
    return undefined;
  return shapeOptionsSchema.parse({ privacyZones, trimStartM, trimEndM, hideFromHome });
}
