import { describe, expect, it } from 'vitest';
import { shapeRequestSchema } from '../../src/shared/shape-request';
import { shapingGroups, type RowChanges } from '../../src/renderer/upload/edit/row-changes';
import {
  activityCount,
  findPartGroups,
  mergedPartShapes,
  uploadBatches,
} from '../../src/renderer/upload/part-groups';

const defaults = {
  privacyZones: [{ lat: 51.5, lon: -0.12, radiusM: 200 }],
  trimStartM: 50,
  trimEndM: 0,
  hideFromHome: true,
};

const ride = ['/seq/Coast ride_part_2', '/seq/Coast ride_part_1', '/seq/Coast ride_part_10'];

describe('the part groups of the Upload screen', () => {
  it('groups two or more parts of one base under one parent, in part order', () => {
    const groups = findPartGroups([...ride, '/seq/Walk', '/other/Coast ride_part_3']);
    expect(groups).toEqual([
      {
        key: '/seq/\0coast ride',
        base: 'Coast ride',
        parts: ['/seq/Coast ride_part_1', '/seq/Coast ride_part_2', '/seq/Coast ride_part_10'],
      },
    ]);
  });

  it('reads Windows paths and names the base case-insensitively, as core does', () => {
    const groups = findPartGroups(['C:\\seq\\Loop_part_1', 'C:\\seq\\LOOP_PART_2', 'C:\\seq\\x']);
    expect(groups.map((g) => g.parts)).toEqual([['C:\\seq\\Loop_part_1', 'C:\\seq\\LOOP_PART_2']]);
  });

  it('offers nothing for a part alone, a name without a number, or another base', () => {
    expect(
      findPartGroups(['/seq/Ride_part_1', '/seq/Hike_part_2', '/seq/Ride_part_x', '/seq/_part_1']),
    ).toEqual([]);
  });

  it('counts a ticked group as one activity, an unticked one as its parts', () => {
    const folders = [...ride, '/seq/Walk'];
    const groups = findPartGroups(folders);
    expect(activityCount(folders, groups, new Set())).toBe(4);
    expect(activityCount(folders, groups, new Set([groups[0]?.key ?? '']))).toBe(2);
  });
});

describe('the queue:add shaping of a merged group', () => {
  const folders = [...ride, '/seq/Walk'];
  const edits = new Map<string, RowChanges>([
    ['/seq/Coast ride_part_1', { sportType: 'Ride', trimEndM: 30 }],
    ['/seq/Coast ride_part_2', { commute: true }],
  ]);
  const groups = findPartGroups(folders);

  it('sends every part in one entry with part 1 edits and mergeParts when ticked', () => {
    const shapes = mergedPartShapes(defaults, edits, groups, new Set([groups[0]?.key ?? '']));
    const sent = shapingGroups(folders, defaults, edits, shapes);
    expect(sent).toEqual([
      {
        paths: ['/seq/Coast ride_part_2', '/seq/Coast ride_part_1', '/seq/Coast ride_part_10'],
        shape: {
          trimStartM: 50,
          trimEndM: 30,
          privacyZones: defaults.privacyZones,
          timeOffsetS: 0,
          hideFromHome: true,
          commute: false,
          sportType: 'Ride',
          mergeParts: true,
        },
      },
      { paths: ['/seq/Walk'], shape: expect.not.objectContaining({ mergeParts: true }) },
    ]);
  });

  it('leaves the parts as their own rows, without mergeParts, when not ticked', () => {
    const shapes = mergedPartShapes(defaults, edits, groups, new Set());
    expect(shapes.size).toBe(0);
    const sent = shapingGroups(folders, defaults, edits, shapes);
    expect(sent.some((g) => 'mergeParts' in g.shape)).toBe(false);
    // Part 1, part 2 and the rest each have their own shaping.
    expect(sent.map((g) => g.paths)).toEqual([
      ['/seq/Coast ride_part_2'],
      ['/seq/Coast ride_part_1'],
      ['/seq/Coast ride_part_10', '/seq/Walk'],
    ]);
  });
});

describe('the shape request crossing IPC', () => {
  it('carries mergeParts (a strict schema would refuse the call without it)', () => {
    expect(shapeRequestSchema.parse({ mergeParts: true })).toEqual({ mergeParts: true });
  });
});

describe('the queue:add calls of one upload', () => {
  const folders = ['/seq/A', '/seq/R_part_1', '/seq/B', '/seq/R_part_2', '/seq/R_part_3'];
  const groups = findPartGroups(folders);

  it('never cut a ticked group: its parts go in one call, where its first part is', () => {
    expect(uploadBatches(folders, groups, new Set([groups[0]?.key ?? '']), 3)).toEqual([
      ['/seq/A'],
      ['/seq/R_part_1', '/seq/R_part_2', '/seq/R_part_3'],
      ['/seq/B'],
    ]);
  });

  it('cut the list in order, at most max each, when nothing is ticked', () => {
    expect(uploadBatches(folders, groups, new Set(), 3)).toEqual([
      ['/seq/A', '/seq/R_part_1', '/seq/B'],
      ['/seq/R_part_2', '/seq/R_part_3'],
    ]);
  });
});
