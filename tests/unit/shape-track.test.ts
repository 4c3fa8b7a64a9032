import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { insideAnyZone } from '../../src/core/shape/privacy-zones';
import { readTrackPoints } from '../../src/core/shape/read-track-points';
import { shapeOptionsSchema } from '../../src/core/shape/shape-options';
import type { ShapeOptionsInput } from '../../src/core/shape/shape-options';
import { shapeTrack } from '../../src/core/shape/shape-track';
import { trackFromPoints } from '../../src/core/shape/track-points';
import { writeTrackGpx } from '../../src/core/shape/write-track-gpx';
import { checkGpx } from '../../src/core/sequence/gpx/gpx-check';
import { isUploadError } from '../../src/core/errors/upload-error';
import { itWhen, skipReasons } from '../support/skip-when';
import { metreLat, pointsOf, straightTrack, trackArbitrary } from '../support/shape-tracks';

const fixtures = fileURLToPath(new URL('../../../shared/fixtures/mtp/', import.meta.url));
const context = { name: 'Morning ride', path: '/seq/ride/ride.gpx' };
const shape = (track: Parameters<typeof shapeTrack>[0], input: ShapeOptionsInput) =>
  shapeTrack(track, shapeOptionsSchema.parse(input), context);

describe('shapeTrack', () => {
  // 1 km north in 10 m steps, one point every 10 s (1,000 s in all).
  const track = straightTrack(101, { intervalS: 10 });

  it('keeps everything, untouched, with no options', () => {
    const shaped = shape(track, {});
    expect(shaped.kept).toHaveLength(101);
    expect(shaped.track).toBe(track);
    expect(shaped.summary).toMatchObject({
      pointsBefore: 101,
      pointsAfter: 101,
      startTime: '2021-05-01T08:00:00.000Z',
      endTime: '2021-05-01T08:16:40.000Z',
      durationS: 1000,
      notes: [],
    });
    expect(shaped.summary.distanceM).toBeCloseTo(1000, 0);
  });

  it('applies zones before trims, so a trim counts from the first point outside the zones', () => {
    const home = { lat: 45, lon: 0, radiusM: 105 };
    const shaped = shape(track, { privacyZones: [home], trimStartM: 95 });
    // The zone drops points 0-10; the trim then drops 11-20 (95 m from point 11).
    expect(shaped.kept[0]).toBe(21);
    expect(shaped.summary.dropped).toMatchObject({ zoneStart: 11, trimStart: 10 });
    expect(shaped.summary.notes).toEqual([
      'Privacy zones dropped 11 points at the start and 0 points at the end.',
      'Trimming dropped 10 points at the start and 0 points at the end.',
    ]);
    expect(shaped.summary.start?.lat).toBeCloseTo(45 + 210 * metreLat, 9);
    expect(shaped.summary.distanceM).toBeCloseTo(790, 0);
  });

  it('never lets a trim end the track inside a zone it crossed', () => {
    // A zone around the 800 m mark is crossed mid-track; trimming 200 m from the end stops at 790 m, in it.
    const crossed = { lat: 45 + 800 * metreLat, lon: 0, radiusM: 55 };
    const shaped = shape(track, { privacyZones: [crossed], trimEndM: 200 });
    const last = shaped.kept[shaped.kept.length - 1]!;
    expect(last).toBe(74);
    expect(insideAnyZone(track.lat[last]!, track.lon[last]!, [crossed])).toBe(false);
    const { trimEnd, zoneEnd } = shaped.summary.dropped;
    expect(zoneEnd).toBeGreaterThan(0);
    expect(trimEnd + zoneEnd).toBe(26);
  });

  it('cleans before the zones, so a spike inside a zone cannot hold the zone trim back', () => {
    const points = pointsOf(straightTrack(200, { stepM: 5 })).map((p, i) =>
      i === 3 ? { ...p, lon: 0.01 } : p,
    );
    const home = { lat: 45, lon: 0, radiusM: 52 };
    const shaped = shape(trackFromPoints(points), { privacyZones: [home], clean: true });
    expect(shaped.summary.dropped).toMatchObject({ spikes: 1, zoneStart: 10 });
    expect(shaped.kept[0]).toBe(11);
  });

  it('shifts the times of the points sent, and the summary says so', () => {
    const shaped = shape(track, { timeOffsetS: -3600 });
    expect(shaped.summary).toMatchObject({
      startTime: '2021-05-01T07:00:00.000Z',
      timeOffsetS: -3600,
    });
    expect(shaped.track.timeMs[0]! - track.timeMs[0]!).toBe(-3_600_000);
    expect(track.timeMs[0]).toBe(Date.UTC(2021, 4, 1, 8));
  });

  it('refuses a track with nothing left, naming the step', () => {
    expect(() => shape(track, { trimStartM: 1500, trimEndM: 1500 })).toThrow(
      expect.objectContaining({
        kind: 'invalid-gpx',
        message:
          '"Morning ride": nothing left after trimming 1,500 m from each end; Strava needs at least 2 points over 10 s.',
      }),
    );
  });

  it('refuses a track left under 10 s, naming every step that dropped points', () => {
    const away = { lat: 45, lon: 0, radiusM: 455 };
    let message = '';
    try {
      shape(track, { privacyZones: [away], trimEndM: 535 });
    } catch (error) {
      if (isUploadError(error)) message = error.message;
    }
    expect(message).toBe(
      '"Morning ride": only 1 point left after dropping the ends inside your privacy zones and trimming 535 m from the end; Strava needs at least 2 points over 10 s.',
    );
    expect(() => shape(straightTrack(101, { intervalS: 0.08 }), { trimStartM: 200 })).toThrow(
      /only 6\.4 s left after trimming 200 m from the start/,
    );
    expect(() => shape(straightTrack(5, { intervalS: 1 }), {})).toThrow(/the track lasts only 4 s/);
  });

  it('refuses an offset that moves the track past the year 9999', () => {
    const late = straightTrack(20, { startMs: Date.UTC(9999, 11, 31, 23) });
    expect(() => shape(late, { timeOffsetS: 7200 })).toThrow(/outside the years 0 to 9999/);
  });

  it('keeps points in order and unchanged, never adds any, and leaves the ends outside every zone (property)', () => {
    fc.assert(
      fc.property(
        trackArbitrary,
        fc.record({
          trimStartM: fc.integer({ min: 0, max: 500 }),
          trimEndM: fc.integer({ min: 0, max: 500 }),
          zoneAt: fc.option(fc.nat(), { nil: undefined }),
          radiusM: fc.integer({ min: 1, max: 800 }),
          timeOffsetS: fc.integer({ min: -86_400, max: 86_400 }),
          clean: fc.boolean(),
        }),
        (t, o) => {
          const zoneIndex = o.zoneAt === undefined ? undefined : o.zoneAt % t.length;
          const zones =
            zoneIndex === undefined
              ? []
              : [{ lat: t.lat[zoneIndex]!, lon: t.lon[zoneIndex]!, radiusM: o.radiusM }];
          let shaped;
          try {
            const { trimStartM, trimEndM, timeOffsetS, clean } = o;
            shaped = shape(t, { trimStartM, trimEndM, timeOffsetS, clean, privacyZones: zones });
          } catch (error) {
            expect(isUploadError(error) && error.kind === 'invalid-gpx' ? '' : String(error)).toBe(
              '',
            );
            return;
          }
          const { kept } = shaped;
          expect(kept.length).toBeLessThanOrEqual(t.length);
          expect(kept.length).toBeGreaterThanOrEqual(2);
          for (let k = 1; k < kept.length; k++) expect(kept[k]!).toBeGreaterThan(kept[k - 1]!);
          for (const i of kept) {
            expect(shaped.track.lat[i]).toBe(t.lat[i]);
            expect(shaped.track.lon[i]).toBe(t.lon[i]);
            expect(shaped.track.timeMs[i]! - t.timeMs[i]!).toBe(o.timeOffsetS * 1000);
          }
          for (const end of [kept[0]!, kept[kept.length - 1]!]) {
            expect(insideAnyZone(t.lat[end]!, t.lon[end]!, zones)).toBe(false);
          }
        },
      ),
    );
  });

  itWhen(existsSync(fixtures), skipReasons.shared)(
    'shapes a real track into a working copy that checkGpx passes, with the offset in its times',
    async () => {
      const dir = await mkdtemp(join(tmpdir(), 'shape-track-'));
      try {
        const source = await readTrackPoints(join(fixtures, 'gps-track-timestamper-log.gpx'));
        const shaped = shapeTrack(
          source,
          shapeOptionsSchema.parse({
            trimStartM: 20,
            trimEndM: 20,
            timeOffsetS: 3600,
            clean: true,
          }),
          {
            name: 'Tenerife',
            path: 'log.gpx',
          },
        );
        const copy = join(dir, 'copy.gpx');
        await writeTrackGpx(copy, shaped.track, shaped.kept, { name: 'Tenerife' });
        const report = await checkGpx(copy);
        expect(report.points).toBe(shaped.summary.pointsAfter);
        expect(report.points).toBeLessThan(55);
        expect(report.startTime).toBe(shaped.summary.startTime);
        expect(Date.parse(report.startTime!) - source.timeMs[shaped.kept[0]!]!).toBe(3_600_000);
        expect(report.distanceM).toBeCloseTo(shaped.summary.distanceM, 6);
      } finally {
        await rm(dir, { recursive: true, force: true });
      }
    },
  );
});
