import { describe, expect, it } from 'vitest';
import { ShapeSampler } from '../../src/core/sequence/gpx/gpx-shape';
import { haversineMeters } from '../../src/core/sequence/gpx/gpx-distance';

const sampleOf = (count: number, size: number): number[] => {
  const sampler = new ShapeSampler(size);
  for (let i = 0; i < count; i++) sampler.add(i, 0);
  return sampler.sample().map(([index]) => index);
};

describe('ShapeSampler', () => {
  it('keeps every point of a track shorter than the sample', () => {
    expect(sampleOf(5, 64)).toEqual([0, 1, 2, 3, 4]);
  });

  it('gives nothing for a size of 0, and the first point for a size of 1', () => {
    expect(sampleOf(100, 0)).toEqual([]);
    expect(sampleOf(100, 1)).toEqual([0]);
  });

  it.each([64, 65, 127, 128, 129, 1000, 4097, 100_003])(
    'spreads 64 points evenly over %i, first to last',
    (count) => {
      const sample = sampleOf(count, 64);
      expect(sample).toHaveLength(Math.min(64, count));
      expect(sample[0]).toBe(0);
      expect(sample[sample.length - 1]).toBe(count - 1);
      const ideal = (count - 1) / 63;
      for (let i = 1; i < sample.length; i++) {
        const step = (sample[i] as number) - (sample[i - 1] as number);
        expect(step).toBeGreaterThan(0);
        expect(step).toBeLessThanOrEqual(Math.ceil(ideal * 2));
      }
    },
  );
});

describe('haversineMeters', () => {
  it('measures a degree of latitude as about 111.2 km', () => {
    expect(haversineMeters(0, 0, 1, 0)).toBeCloseTo(111_195, -1);
  });

  it('is zero for the same point and symmetric', () => {
    expect(haversineMeters(28.3, -16.5, 28.3, -16.5)).toBe(0);
    expect(haversineMeters(51.5, -0.1, 48.9, 2.35)).toBeCloseTo(
      haversineMeters(48.9, 2.35, 51.5, -0.1),
      6,
    );
  });

  it('measures London to Paris as about 343 km', () => {
    expect(haversineMeters(51.5074, -0.1278, 48.8566, 2.3522) / 1000).toBeCloseTo(343.5, 0);
  });
});
