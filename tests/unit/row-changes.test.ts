import { describe, expect, it } from 'vitest';
import {
  applyToAll,
  changesTrack,
  noDefaults,
  rowShape,
  shapingGroups,
  type RowChanges,
} from '../../src/renderer/upload/edit/row-changes';

const defaults = {
  privacyZones: [{ lat: 51.5, lon: -0.12, radiusM: 200 }],
  trimStartM: 50,
  trimEndM: 0,
  hideFromHome: true,
};

describe("a row's shaping", () => {
  it('is the Settings defaults until the row is changed', () => {
    expect(rowShape(defaults)).toEqual({
      trimStartM: 50,
      trimEndM: 0,
      privacyZones: defaults.privacyZones,
      timeOffsetS: 0,
      hideFromHome: true,
      commute: false,
    });
    expect(changesTrack(rowShape(defaults))).toBe(true);
    expect(changesTrack(rowShape(noDefaults))).toBe(false);
  });

  it("takes the row's own values over the defaults, and can leave the zones out", () => {
    const shape = rowShape(defaults, {
      name: 'Mine',
      description: '',
      sportType: 'Hike',
      trimStartM: 0,
      hideFromHome: false,
      usePrivacyZones: false,
      gearId: 'g7',
    });
    expect(shape).toEqual({
      trimStartM: 0,
      trimEndM: 0,
      privacyZones: [],
      timeOffsetS: 0,
      hideFromHome: false,
      commute: false,
      sportType: 'Hike',
      name: 'Mine',
      description: '',
      gearId: 'g7',
    });
    expect(changesTrack(shape)).toBe(false);
  });

  it('the batch bar gives every row its values and keeps each row’s name and description', () => {
    const edits = new Map<string, RowChanges>([
      ['/a', { name: 'A', description: 'first', trimEndM: 10, sportType: 'Ride' }],
    ]);
    const next = applyToAll(edits, ['/a', '/b'], { commute: true, trimEndM: 20 });
    expect(next.get('/a')).toEqual({
      name: 'A',
      description: 'first',
      commute: true,
      trimEndM: 20,
    });
    expect(next.get('/b')).toEqual({ commute: true, trimEndM: 20 });
    // The map given is left as it was (React state).
    expect(edits.get('/a')?.trimEndM).toBe(10);
  });

  it('rows with the same shaping travel as one group, in the order first seen', () => {
    const edits = new Map<string, RowChanges>([['/b', { name: 'B' }]]);
    const groups = shapingGroups(['/a', '/b', '/c'], defaults, edits);
    expect(groups.map((g) => g.paths)).toEqual([['/a', '/c'], ['/b']]);
    expect(groups[1]?.shape.name).toBe('B');
  });
});
