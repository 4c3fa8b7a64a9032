import { describe, expect, it } from 'vitest';
import {
  defaultShapeOptions,
  needsActivityUpdate,
  shapeOptionsSchema,
  shapesTrack,
} from '../../src/core/shape/shape-options';

describe('shape options', () => {
  it('default to changing nothing', () => {
    expect(defaultShapeOptions).toEqual({
      trimStartM: 0,
      trimEndM: 0,
      privacyZones: [],
      timeOffsetS: 0,
      hideFromHome: false,
      commute: false,
      clean: false,
      mergeParts: false,
    });
    expect(shapesTrack(defaultShapeOptions)).toBe(false);
    expect(needsActivityUpdate(defaultShapeOptions)).toBe(false);
  });

  it('round-trip through JSON, as the journal stores them', () => {
    const options = shapeOptionsSchema.parse({
      trimStartM: 1500,
      privacyZones: [{ lat: 28.3, lon: -16.6, radiusM: 200 }],
      timeOffsetS: -3600,
      sportType: 'Ride',
      nameTemplate: '{date} {name}',
      hideFromHome: true,
      gearId: 'b1234567',
    });
    expect(shapeOptionsSchema.parse(JSON.parse(JSON.stringify(options)))).toEqual(options);
    expect(shapesTrack(options)).toBe(true);
    expect(needsActivityUpdate(options)).toBe(true);
  });

  it('say a commute needs no PUT (it goes in the upload POST)', () => {
    expect(needsActivityUpdate(shapeOptionsSchema.parse({ commute: true }))).toBe(false);
  });

  it.each([
    [{ trimStartM: -1 }, 'trimStartM'],
    [{ trimEndM: Number.POSITIVE_INFINITY }, 'trimEndM'],
    [{ privacyZones: [{ lat: 91, lon: 0, radiusM: 10 }] }, 'privacyZones'],
    [{ privacyZones: [{ lat: 0, lon: -181, radiusM: 10 }] }, 'privacyZones'],
    [{ privacyZones: [{ lat: 0, lon: 0, radiusM: 0 }] }, 'privacyZones'],
    [{ timeOffsetS: 1.5 }, 'timeOffsetS'],
    [{ sportType: 'Kayak' }, 'sportType'],
    [{ nameTemplate: '{data}' }, 'nameTemplate'],
    [{ gearId: 'bike' }, 'gearId'],
    [{ visibility: 'only_me' }, ''],
  ])('refuses %j', (input, field) => {
    const parsed = shapeOptionsSchema.safeParse(input);
    expect(parsed.success).toBe(false);
    if (field !== '') expect(parsed.error?.issues[0]?.path[0]).toBe(field);
  });
});
