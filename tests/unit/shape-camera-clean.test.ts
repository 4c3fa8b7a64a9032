import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cameraClean, cleanSummary } from '../../src/core/shape/camera-clean';
import { readTrackPoints } from '../../src/core/shape/read-track-points';
import { allIndices, trackFromPoints } from '../../src/core/shape/track-points';
import type { TrackPoint, TrackPoints } from '../../src/core/shape/track-points';
import { describeWhen, skipReasons } from '../support/skip-when';
import { metreLat, pointsOf, trackArbitrary } from '../support/shape-tracks';

const fixtures = fileURLToPath(new URL('../../../shared/fixtures/mtp/', import.meta.url));

/** 5 m/s northwards, one point a second, with changes at some points. */
function walk(
  count: number,
  change: (i: number, p: TrackPoint) => TrackPoint = (_, p) => p,
): TrackPoints {
  return trackFromPoints(
    Array.from({ length: count }, (_, i) =>
      change(i, { lat: 45 + i * 5 * metreLat, lon: 0, timeMs: i * 1000 }),
    ),
  );
}

/** Point i moved `metres` east: a spike if far enough. */
const offEast = (p: TrackPoint, metres: number): TrackPoint => ({
  ...p,
  lon: p.lon + (metres * metreLat) / Math.cos((45 * Math.PI) / 180),
});

describe('cameraClean', () => {
  it('drops points marked <fix>none</fix>', () => {
    const track = walk(20, (i, p) =>
      i === 3 || i === 7 ? { ...p, fix: 'none' } : i === 8 ? { ...p, fix: '2d' } : p,
    );
    const result = cameraClean(track, allIndices(track));
    expect(result.dropped).toEqual({ noFix: 2, repeatedTimes: 0, spikes: 0 });
    expect(Array.from(result.kept)).not.toContain(3);
    expect(Array.from(result.kept)).toContain(8);
  });

  it('keeps the first of consecutive points sharing a time', () => {
    const track = walk(10, (i, p) => (i === 4 || i === 5 ? { ...p, timeMs: 3000 } : p));
    const result = cameraClean(track, allIndices(track));
    expect(result.dropped.repeatedTimes).toBe(2);
    expect(Array.from(result.kept)).toEqual([0, 1, 2, 3, 6, 7, 8, 9]);
  });

  it('drops a single point reached and left faster than 3× the 95th-percentile speed and 30 m/s', () => {
    const track = walk(200, (i, p) => (i === 20 ? offEast(p, 500) : p));
    const result = cameraClean(track, allIndices(track));
    expect(result.dropped.spikes).toBe(1);
    expect(Array.from(result.kept)).not.toContain(20);
    expect(result.kept).toHaveLength(199);
    expect(result.spikeSpeedMps).toBe(30);
  });

  it('measures the 95th percentile on the track itself: on a short track a spike raises it', () => {
    // 2 fast legs of 39 are over 5 %: the percentile is a spike's own speed.
    const track = walk(40, (i, p) => (i === 20 ? offEast(p, 500) : p));
    expect(cameraClean(track, allIndices(track)).dropped.spikes).toBe(0);
  });

  it('keeps a good point between two spikes', () => {
    const track = walk(200, (i, p) => (i === 20 || i === 22 ? offEast(p, 500) : p));
    const result = cameraClean(track, allIndices(track));
    expect(result.dropped.spikes).toBe(2);
    expect(Array.from(result.kept)).toContain(21);
  });

  it('drops a first or last point that is off, but not its neighbour', () => {
    const track = walk(200, (i, p) => (i === 0 || i === 199 ? offEast(p, 800) : p));
    const result = cameraClean(track, allIndices(track));
    expect(result.dropped.spikes).toBe(2);
    expect(Array.from(result.kept)).toEqual(Array.from({ length: 198 }, (_, i) => i + 1));
  });

  it('keeps a jump under 30 m/s, however unusual for the track', () => {
    // 25 m in a second against 5 m/s: over 3× the usual speed, under the 30 m/s floor.
    const track = walk(40, (i, p) => (i === 20 ? offEast(p, 25) : p));
    expect(cameraClean(track, allIndices(track)).dropped.spikes).toBe(0);
  });

  it('keeps a fast point on a fast track (under 3× its 95th-percentile speed)', () => {
    // A train at 60 m/s with one leg at 150 m/s.
    const track = trackFromPoints(
      Array.from({ length: 40 }, (_, i) => ({
        lat: 45 + i * 60 * metreLat + (i >= 20 ? 90 * metreLat : 0),
        lon: 0,
        timeMs: i * 1000,
      })),
    );
    expect(cameraClean(track, allIndices(track)).dropped.spikes).toBe(0);
  });

  it('leaves the spikes of a Plane track', () => {
    const track = walk(40, (i, p) => (i === 20 ? offEast(p, 500) : p));
    const result = cameraClean(track, allIndices(track), { transportMethod: 'Plane' });
    expect(result.dropped.spikes).toBe(0);
    expect(result.kept).toHaveLength(40);
  });

  it('says what it drops', () => {
    expect(cleanSummary({ noFix: 12, repeatedTimes: 0, spikes: 3 })).toBe(
      '12 points without a fix, 3 spikes',
    );
    expect(cleanSummary({ noFix: 1, repeatedTimes: 2, spikes: 1 })).toBe(
      '1 point without a fix, 2 points repeating a time, 1 spike',
    );
    expect(cleanSummary({ noFix: 0, repeatedTimes: 0, spikes: 0 })).toBe('nothing to drop');
  });

  it('only ever drops points: what it keeps is in order and unchanged (property)', () => {
    fc.assert(
      fc.property(trackArbitrary, (track) => {
        const all = allIndices(track);
        const { kept, dropped } = cameraClean(track, all);
        expect(kept.length + dropped.noFix + dropped.repeatedTimes + dropped.spikes).toBe(
          all.length,
        );
        for (let k = 1; k < kept.length; k++) expect(kept[k]!).toBeGreaterThan(kept[k - 1]!);
        expect(pointsOf(track, kept)).toEqual(pointsOf(track).filter((_, i) => kept.includes(i)));
      }),
    );
  });
});

describeWhen(existsSync(fixtures), skipReasons.shared)(
  'cameraClean on the real MTP fixtures',
  () => {
    const clean = async (name: string) => {
      const track = await readTrackPoints(join(fixtures, name));
      return { track, ...cameraClean(track, allIndices(track)) };
    };

    it('takes nothing from steady tracks (Tenerife walk, with and without elevation)', async () => {
      for (const name of ['gps-track-timestamper-log.gpx', 'gps-track-timestamper-log1.gpx']) {
        const { kept, dropped } = await clean(name);
        expect(kept).toHaveLength(55);
        expect(cleanSummary(dropped)).toBe('nothing to drop');
      }
    });

    it('does not take the point after a 61 s gap for a spike (gopro2gsv-f2.gpx)', async () => {
      const { kept, dropped } = await clean('gopro2gsv-f2.gpx');
      expect(kept).toHaveLength(20);
      expect(dropped.spikes).toBe(0);
    });

    it('finds no spike where the times jump back (3 segments of repeated millisecond times)', async () => {
      // Its times restart five times; a leg going back in time says nothing about speed.
      const { kept, dropped } = await clean('gopro2gsv-testing-video-gpx_000001.gpx');
      expect(dropped).toEqual({ noFix: 0, repeatedTimes: 0, spikes: 0 });
      expect(kept).toHaveLength(53);
    });

    it('finds a spike and a repeated time put into a real track', async () => {
      const real = await readTrackPoints(join(fixtures, 'gps-track-timestamper-log.gpx'));
      const points = pointsOf(real).map((p, i) =>
        i === 30 ? offEast(p, 2000) : i === 40 ? { ...p, timeMs: real.timeMs[39]! } : p,
      );
      const track = trackFromPoints(points);
      const { kept, dropped } = cameraClean(track, allIndices(track));
      expect(cleanSummary(dropped)).toBe('1 point repeating a time, 1 spike');
      expect(Array.from(kept)).not.toContain(30);
      expect(Array.from(kept)).not.toContain(40);
    });
  },
);
