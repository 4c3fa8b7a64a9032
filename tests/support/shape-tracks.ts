import fc from 'fast-check';
import { trackFromPoints } from '../../src/core/shape/track-points';
import type { TrackPoint, TrackPoints } from '../../src/core/shape/track-points';

/** About one metre of latitude, in degrees. */
export const metreLat = 1 / 111_195;

/** A straight walk north from (lat, 0): point i is `stepM * i` metres from the start, `intervalS * i` seconds later. */
export function straightTrack(
  count: number,
  options: { stepM?: number; intervalS?: number; lat?: number; startMs?: number } = {},
): TrackPoints {
  const { stepM = 10, intervalS = 1, lat = 45, startMs = Date.UTC(2021, 4, 1, 8) } = options;
  const points: TrackPoint[] = [];
  for (let i = 0; i < count; i++) {
    points.push({
      lat: lat + i * stepM * metreLat,
      lon: 0,
      timeMs: startMs + i * intervalS * 1000,
    });
  }
  return trackFromPoints(points);
}

/** The points of a track as plain objects, for comparing. */
export function pointsOf(track: TrackPoints, kept?: ArrayLike<number>): TrackPoint[] {
  const indices = kept ?? Array.from({ length: track.length }, (_, i) => i);
  return Array.from(indices, (i) => ({
    lat: track.lat[i] ?? 0,
    lon: track.lon[i] ?? 0,
    timeMs: track.timeMs[i] ?? 0,
  }));
}

/** Degrees rounded to 1e-9 (a tenth of a millimetre), the most any GPS means; never -0. */
const nano = (degrees: number): number => Math.round(degrees * 1e9) / 1e9 + 0;

/**
 * Random tracks: up to 120 points wandering within a few kilometres, times that move
 * forward by 1 to 30 s (a repeat now and then), in up to 3 segments.
 */
export const trackArbitrary: fc.Arbitrary<TrackPoints> = fc
  .record({
    lat: fc.double({ min: -60, max: 60, noNaN: true }),
    lon: fc.double({ min: -170, max: 170, noNaN: true }),
    startMs: fc.integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2030, 0, 1) }),
    steps: fc.array(
      fc.record({
        dLat: fc.integer({ min: -300, max: 300 }),
        dLon: fc.integer({ min: -300, max: 300 }),
        dt: fc.integer({ min: 0, max: 30 }),
        newSegment: fc.integer({ min: 0, max: 19 }).map((n) => n === 0),
      }),
      { minLength: 0, maxLength: 120 },
    ),
  })
  .map(({ lat, lon, startMs, steps }) => {
    const points: TrackPoint[] = [{ lat: nano(lat), lon: nano(lon), timeMs: startMs }];
    let segment = 0;
    for (const s of steps) {
      const last = points[points.length - 1] ?? { lat, lon, timeMs: startMs };
      if (s.newSegment && segment < 2) segment++;
      points.push({
        lat: nano(Math.max(-89, Math.min(89, last.lat + s.dLat * metreLat))),
        lon: nano(Math.max(-179, Math.min(179, last.lon + s.dLon * metreLat))),
        timeMs: last.timeMs + s.dt * 1000,
        segment,
      });
    }
    return trackFromPoints(points);
  });
