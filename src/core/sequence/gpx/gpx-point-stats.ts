import { haversineMeters } from './gpx-distance';
import { ShapeSampler } from './gpx-shape';
import type { ShapePoint } from './gpx-shape';

/** At most this many gaps are listed one by one; the rest are only counted. */
export const maxListedGaps = 100;

/** A stretch between two consecutive points longer than the gap threshold. */
export interface GpxGap {
  /** Number (from 1) of the point before the gap. */
  afterPoint: number;
  seconds: number;
}

/**
 * Running figures over a stream of points (track points, or route points): counts,
 * time span, distance, gaps and time faults, in memory that does not grow with the
 * track (the gap list and the shape sample are capped).
 */
export class GpxPointStats {
  points = 0;
  distanceM = 0;
  minMs = Number.POSITIVE_INFINITY;
  maxMs = Number.NEGATIVE_INFINITY;
  withElevation = 0;
  withoutZone = 0;
  readonly gaps: GpxGap[] = [];
  gapCount = 0;
  /** The longest gap, listed or not. */
  longestGap: GpxGap | undefined;
  backwardsTimes = 0;
  firstBackwardsPoint = 0;
  repeatedTimes = 0;
  firstRepeatedPoint = 0;
  private readonly shape: ShapeSampler;
  private readonly gapMs: number;
  private prevMs = Number.NaN;
  private prevLat = Number.NaN;
  private prevLon = Number.NaN;
  private segmentStart = true;

  constructor(options: { gapSeconds: number; shapePoints: number }) {
    this.gapMs = options.gapSeconds * 1000;
    this.shape = new ShapeSampler(options.shapePoints);
  }

  /** The next point starts a new segment: no distance is counted across the break. */
  startSegment(): void {
    this.segmentStart = true;
  }

  /** Adds one checked point. */
  add(lat: number, lon: number, ms: number, hasElevation: boolean, zoned: boolean): void {
    const number = ++this.points;
    if (hasElevation) this.withElevation++;
    if (!zoned) this.withoutZone++;
    if (!this.segmentStart) {
      this.distanceM += haversineMeters(this.prevLat, this.prevLon, lat, lon);
      if (ms < this.prevMs) {
        this.backwardsTimes++;
        if (this.firstBackwardsPoint === 0) this.firstBackwardsPoint = number;
      }
    }
    // Gaps are pauses in the activity, so they count across segment breaks too.
    if (ms - this.prevMs > this.gapMs) {
      const gap = { afterPoint: number - 1, seconds: (ms - this.prevMs) / 1000 };
      this.gapCount++;
      if (this.gaps.length < maxListedGaps) this.gaps.push(gap);
      if (gap.seconds > (this.longestGap?.seconds ?? 0)) this.longestGap = gap;
    }
    // A time the track already reached: a repeat, or a stretch that overlaps an earlier one.
    if (ms <= this.maxMs) {
      this.repeatedTimes++;
      if (this.firstRepeatedPoint === 0) this.firstRepeatedPoint = number;
    }
    if (ms < this.minMs) this.minMs = ms;
    if (ms > this.maxMs) this.maxMs = ms;
    this.shape.add(lat, lon);
    this.prevMs = ms;
    this.prevLat = lat;
    this.prevLon = lon;
    this.segmentStart = false;
  }

  /** The evenly spaced drawing sample. */
  shapeSample(): ShapePoint[] {
    return this.shape.sample();
  }
}
