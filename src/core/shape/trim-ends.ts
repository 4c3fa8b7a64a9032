import { haversineMeters } from '../sequence/gpx/gpx-distance';
import type { TrackPoints } from './track-points';

/** How far from each end of the track to cut, in metres; 0 leaves that end alone. */
export interface TrimDistances {
  startM: number;
  endM: number;
}

/** What trimEnds kept, and how many points it dropped at each end. */
export interface TrimResult {
  kept: Uint32Array;
  droppedStart: number;
  droppedEnd: number;
}

/**
 * Drops the leading points up to the first one lying more than `startM` metres (great
 * circle) from the first point, and likewise the trailing points measured from the
 * last point. Both ends are measured on the points given, so the two cuts do not
 * depend on each other; when they overlap, nothing is left.
 */
export function trimEnds(track: TrackPoints, kept: Uint32Array, trim: TrimDistances): TrimResult {
  const n = kept.length;
  if (n === 0) return { kept, droppedStart: 0, droppedEnd: 0 };
  const beyond = (from: number, to: number, metres: number): boolean =>
    haversineMeters(
      track.lat[from] ?? 0,
      track.lon[from] ?? 0,
      track.lat[to] ?? 0,
      track.lon[to] ?? 0,
    ) > metres;
  const first = kept[0] ?? 0;
  const last = kept[n - 1] ?? 0;
  let start = 0;
  if (trim.startM > 0) {
    while (start < n && !beyond(first, kept[start] ?? 0, trim.startM)) start++;
  }
  let end = n;
  if (trim.endM > 0) {
    while (end > 0 && !beyond(last, kept[end - 1] ?? 0, trim.endM)) end--;
  }
  if (start >= end) return { kept: new Uint32Array(0), droppedStart: start, droppedEnd: n - start };
  return { kept: kept.slice(start, end), droppedStart: start, droppedEnd: n - end };
}
