import type { GpxGap } from './gpx-point-stats';
import type { ShapePoint } from './gpx-shape';

/** What checkGpx found in a track Strava will accept. */
export interface GpxReport {
  file: string;
  bytes: number;
  version: '1.0' | '1.1' | 'unknown';
  creator?: string;
  name?: string;
  /** Which points were read: track points, or route points when the file has no track points. */
  pointKind: 'trkpt' | 'rtept';
  /** `<trk>` elements (or `<rte>` when route points are read). */
  tracks: number;
  /** `<trkseg>` elements (or `<rte>` when route points are read). */
  segments: number;
  points: number;
  /** Earliest point time, ISO 8601 UTC. */
  startTime?: string;
  /** Latest point time, ISO 8601 UTC. */
  endTime?: string;
  durationS: number;
  /** Haversine sum between consecutive points of each segment. */
  distanceM: number;
  /** At least one point has an `<ele>`. */
  hasElevation: boolean;
  /** Consecutive points further apart in time than the gap threshold (at most 100 listed). */
  gaps: GpxGap[];
  gapCount: number;
  /** Points whose time is earlier than the previous point's in the same segment. */
  backwardsTimes: number;
  /** Points whose time is not later than a time the track already reached (repeats and overlaps). */
  repeatedTimes: number;
  /** Up to `shapePoints` [lat, lon] pairs, evenly sampled, for a small drawing of the track. */
  shape: ShapePoint[];
  /** Human sentences: gaps, times going backwards, no elevation. */
  warnings: string[];
}

/** Options of checkGpx. */
export interface GpxCheckOptions {
  /** Pauses longer than this (seconds) are listed as gaps; default 30. */
  gapSeconds?: number;
  /** Size of the drawing sample; default 64. */
  shapePoints?: number;
  signal?: AbortSignal;
}
