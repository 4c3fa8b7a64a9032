import { describe, expect, it } from 'vitest';
import { groupParts, mergedIdentity, mergeTracks } from '../../src/core/shape/merge-parts';
import type { SequenceInfo } from '../../src/core/sequence/folder/sequence-info';
import { straightTrack } from '../support/shape-tracks';

const info = (folder: string, fields: Partial<SequenceInfo> = {}): SequenceInfo => ({
  folder,
  name: folder.split('/').pop() ?? folder,
  tags: [],
  gpxPath: `${folder}/track.gpx`,
  kind: 'mtp',
  alreadyOnStrava: false,
  ...fields,
});

describe('groupParts', () => {
  it('groups <base>_part_<N> folders of one parent in part order, and leaves others alone', () => {
    const groups = groupParts([
      info('/seq/ride_part_2'),
      info('/seq/walk'),
      info('/seq/ride_part_10'),
      info('/seq/ride_part_1'),
      info('/other/ride_part_3'),
    ]);
    expect(groups.map((g) => [g.base, g.parts.map((p) => p.folder)])).toEqual([
      ['ride', ['/seq/ride_part_1', '/seq/ride_part_2', '/seq/ride_part_10']],
      ['walk', ['/seq/walk']],
      ['ride', ['/other/ride_part_3']],
    ]);
    expect(groups[0]?.missing).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(groups[1]?.missing).toEqual([]);
    expect(groups[2]?.missing).toEqual([1, 2]);
  });
});

describe('mergedIdentity', () => {
  it("takes the base sequence's name and the first part's MTPW id as external_id, and links every part", () => {
    const group = groupParts([
      info('/seq/ride_part_2', { name: 'ride_part_2', mtpwId: 'b-id' }),
      info('/seq/ride_part_1', { name: 'ride_part_1', mtpwId: 'a-id' }),
    ])[0]!;
    expect(mergedIdentity(group)).toEqual({
      name: 'ride',
      externalId: 'a-id',
      mtpwIds: ['a-id', 'b-id'],
      folders: ['/seq/ride_part_1', '/seq/ride_part_2'],
    });
  });

  it('keeps a name the uploader wrote without a part number', () => {
    const group = groupParts([info('/seq/x_part_1', { name: 'Harbour paddle' })])[0]!;
    expect(mergedIdentity(group)).toMatchObject({ name: 'Harbour paddle', mtpwIds: [] });
    expect(mergedIdentity(group)).not.toHaveProperty('externalId');
  });
});

describe('mergeTracks', () => {
  const t0 = Date.UTC(2021, 4, 1, 8);

  it('concatenates the parts in order, each keeping its own segments', () => {
    const one = straightTrack(10, { startMs: t0 });
    const two = straightTrack(5, { startMs: t0 + 60_000 });
    const merged = mergeTracks([
      { label: 'part 1', path: '/a.gpx', track: one },
      { label: 'part 2', path: '/b.gpx', track: two },
    ]);
    expect(merged.length).toBe(15);
    expect(Array.from(merged.timeMs.slice(9, 11))).toEqual([t0 + 9000, t0 + 60_000]);
    expect(Array.from(merged.segment)).toEqual([...Array(10).fill(0), ...Array(5).fill(1)]);
  });

  it('refuses a join where the next part does not start after the previous one ends', () => {
    const one = straightTrack(10, { startMs: t0 });
    const two = straightTrack(5, { startMs: t0 + 9000 });
    expect(() =>
      mergeTracks([
        { label: 'part 1', path: '/a.gpx', track: one },
        { label: 'part 2', path: '/b.gpx', track: two },
      ]),
    ).toThrow(
      expect.objectContaining({
        kind: 'invalid-gpx',
        message:
          'The parts cannot be merged: part 2 starts at 2021-05-01T08:00:09Z, not after part 1 ends (2021-05-01T08:00:09Z).',
      }),
    );
  });
});
