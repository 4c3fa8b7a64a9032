import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dropZoneEnds, insideAnyZone } from '../../src/core/shape/privacy-zones';
import type { PrivacyZone } from '../../src/core/shape/shape-options';
import { allIndices } from '../../src/core/shape/track-points';
import { trimEnds } from '../../src/core/shape/trim-ends';
import { haversineMeters } from '../../src/core/sequence/gpx/gpx-distance';
import { metreLat, straightTrack, trackArbitrary } from '../support/shape-tracks';

/** Whether `sub` is `all` with some items left out, in the same order. */
function isSubsequence(sub: ArrayLike<number>, all: ArrayLike<number>): boolean {
  let j = 0;
  for (let i = 0; i < sub.length; i++) {
    while (j < all.length && all[j] !== sub[i]) j++;
    if (j === all.length) return false;
    j++;
  }
  return true;
}

/** Whether `sub` is one unbroken stretch of `all`. */
function isStretch(sub: ArrayLike<number>, all: ArrayLike<number>): boolean {
  if (sub.length === 0) return true;
  const start = Array.prototype.indexOf.call(all, sub[0]);
  if (start < 0) return false;
  for (let k = 0; k < sub.length; k++) if (all[start + k] !== sub[k]) return false;
  return true;
}

const zoneArbitrary = (track: { lat: Float64Array; lon: Float64Array; length: number }) =>
  fc.record({
    at: fc.integer({ min: 0, max: Math.max(0, track.length - 1) }),
    radiusM: fc.double({ min: 1, max: 3000, noNaN: true }),
  });

describe('trimEnds', () => {
  // Points every 10 m along a straight line: point i is 10·i m from point 0.
  const track = straightTrack(101);

  it('drops the leading points up to the first one more than the distance from the first point', () => {
    const { kept, droppedStart, droppedEnd } = trimEnds(track, allIndices(track), {
      startM: 95,
      endM: 0,
    });
    expect(kept[0]).toBe(10);
    expect(kept[kept.length - 1]).toBe(100);
    expect([droppedStart, droppedEnd]).toEqual([10, 0]);
  });

  it('drops the trailing points likewise, measured from the last point', () => {
    const { kept, droppedEnd } = trimEnds(track, allIndices(track), { startM: 0, endM: 200.5 });
    expect(kept[kept.length - 1]).toBe(79);
    expect(droppedEnd).toBe(21);
  });

  it('drops a point lying exactly the distance out (it must lie more than m away)', () => {
    const t = straightTrack(5, { stepM: 100 });
    const exactly = haversineMeters(t.lat[0]!, t.lon[0]!, t.lat[3]!, t.lon[3]!);
    expect(trimEnds(t, allIndices(t), { startM: exactly, endM: 0 }).kept[0]).toBe(4);
  });

  it('leaves the track alone at 0 m', () => {
    expect(trimEnds(track, allIndices(track), { startM: 0, endM: 0 }).kept).toHaveLength(101);
  });

  it('leaves nothing when the two cuts meet', () => {
    const result = trimEnds(track, allIndices(track), { startM: 600, endM: 600 });
    expect(result.kept).toHaveLength(0);
    expect(result.droppedStart + result.droppedEnd).toBe(101);
  });

  it('never adds, moves or reorders points, and keeps one unbroken stretch (property)', () => {
    fc.assert(
      fc.property(
        trackArbitrary,
        fc.double({ min: 0, max: 5000, noNaN: true }),
        fc.double({ min: 0, max: 5000, noNaN: true }),
        (t, startM, endM) => {
          const all = allIndices(t);
          const { kept, droppedStart, droppedEnd } = trimEnds(t, all, { startM, endM });
          expect(kept.length).toBeLessThanOrEqual(all.length);
          expect(kept.length + droppedStart + droppedEnd).toBe(all.length);
          expect(isStretch(kept, all)).toBe(true);
          if (kept.length > 0 && startM > 0) {
            const [f, k] = [all[0] ?? 0, kept[0] ?? 0];
            expect(haversineMeters(t.lat[f]!, t.lon[f]!, t.lat[k]!, t.lon[k]!)).toBeGreaterThan(
              startM,
            );
          }
        },
      ),
    );
  });
});

describe('dropZoneEnds', () => {
  // A walk of 1 km north in 10 m steps from (45, 0).
  const track = straightTrack(101);
  const home: PrivacyZone = { lat: 45, lon: 0, radiusM: 105 };
  const office: PrivacyZone = { lat: 45 + 1000 * metreLat, lon: 0, radiusM: 55 };

  it('drops the leading run inside a zone and the trailing run inside another', () => {
    const result = dropZoneEnds(track, allIndices(track), [home, office]);
    expect(result.kept[0]).toBe(11);
    expect(result.kept[result.kept.length - 1]).toBe(94);
    expect([result.droppedStart, result.droppedEnd]).toEqual([11, 6]);
  });

  it('keeps a zone crossed in the middle of the track', () => {
    const middle: PrivacyZone = { lat: 45 + 500 * metreLat, lon: 0, radiusM: 50 };
    const result = dropZoneEnds(track, allIndices(track), [middle]);
    expect(result.kept).toHaveLength(101);
    expect(insideAnyZone(track.lat[50]!, track.lon[50]!, [middle])).toBe(true);
  });

  it('leaves nothing when the whole track lies inside a zone', () => {
    const all: PrivacyZone = { lat: 45 + 500 * metreLat, lon: 0, radiusM: 2000 };
    expect(dropZoneEnds(track, allIndices(track), [all]).kept).toHaveLength(0);
  });

  it('after dropping, the first and last points lie outside every zone, or nothing is left (property)', () => {
    fc.assert(
      fc.property(
        trackArbitrary.chain((t) =>
          fc.tuple(fc.constant(t), fc.array(zoneArbitrary(t), { minLength: 1, maxLength: 3 })),
        ),
        ([t, picks]) => {
          const zones = picks.map((z) => ({
            lat: t.lat[z.at]!,
            lon: t.lon[z.at]!,
            radiusM: z.radiusM,
          }));
          const all = allIndices(t);
          const { kept } = dropZoneEnds(t, all, zones);
          expect(isStretch(kept, all)).toBe(true);
          expect(isSubsequence(kept, all)).toBe(true);
          if (kept.length === 0) return;
          for (const end of [kept[0]!, kept[kept.length - 1]!]) {
            expect(insideAnyZone(t.lat[end]!, t.lon[end]!, zones)).toBe(false);
          }
        },
      ),
    );
  });
});
