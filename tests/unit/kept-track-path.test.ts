import { describe, expect, it } from 'vitest';
import { keptTrackPath } from '../../src/renderer/upload/kept-track-path';
import { fitBox, fitProjection, trackPath } from '../../src/renderer/upload/track-path';

const points: [number, number][] = Array.from({ length: 11 }, (_, i) => [50 + i * 0.001, 4]);

describe('the drawing of a shaped track', () => {
  it('draws the whole track as before, and the kept part over it from the exact first to the exact last kept point', () => {
    const drawn = keptTrackPath(
      {
        points,
        kept: points.map((_, i) => i >= 3 && i <= 7),
        keptStart: [50.0025, 4],
        keptEnd: [50.0075, 4],
      },
      96,
      72,
      8,
    );
    expect(drawn?.whole).toBe(trackPath(points, 96, 72, 8)?.d);
    const project = fitProjection(points, 96, 72, 8);
    expect(drawn?.kept?.start).toEqual(project([50.0025, 4]));
    expect(drawn?.kept?.end).toEqual(project([50.0075, 4]));
    // keptStart, the five kept drawing points, keptEnd.
    expect(drawn?.kept?.d.match(/[ML]/g)).toHaveLength(7);
    // North is up: the kept part lies strictly inside the whole track's height.
    const [, startY] = drawn?.kept?.start ?? [0, 0];
    const [, endY] = drawn?.kept?.end ?? [0, 0];
    expect(startY).toBeLessThan(project(points[0]!)[1]);
    expect(endY).toBeGreaterThan(project(points[10]!)[1]);
  });

  it('has no kept part when nothing would be sent, and nothing to draw without two points', () => {
    const none = keptTrackPath({ points, kept: points.map(() => false) }, 96, 72, 8);
    expect(none?.whole).toMatch(/^M/);
    expect(none?.kept).toBeUndefined();
    expect(keptTrackPath({ points: [[1, 2]], kept: [true] }, 96, 72, 8)).toBeUndefined();
  });

  it('sizes a privacy zone in metres as the track is drawn: 0.001° of latitude is about 111 m', () => {
    const { project, unitsPerMetre } = fitBox(points, 96, 72, 8);
    const apart = project(points[0]!)[1] - project(points[1]!)[1];
    expect(111.195 * unitsPerMetre).toBeCloseTo(apart, 1);
  });
});
