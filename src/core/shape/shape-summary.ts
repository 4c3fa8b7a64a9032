import { haversineMeters } from '../sequence/gpx/gpx-distance';
import type { CleanDrops } from './camera-clean';
import type { TrackPoints } from './track-points';

/** Points each shaping step dropped. */
export interface ShapeDrops extends CleanDrops {
  zoneStart: number;
  zoneEnd: number;
  trimStart: number;
  trimEnd: number;
}

/** What shaping did to a track, for the preview and the log. */
export interface ShapeSummary {
  pointsBefore: number;
  pointsAfter: number;
  /** Haversine sum between consecutive kept points of each segment (as checkGpx counts). */
  distanceM: number;
  /** Earliest and latest kept time, ISO 8601 UTC, after the time offset. */
  startTime?: string;
  endTime?: string;
  durationS: number;
  /** First and last kept positions (the drawing shows the rest greyed out). */
  start?: { lat: number; lon: number };
  end?: { lat: number; lon: number };
  timeOffsetS: number;
  dropped: ShapeDrops;
  /** What was dropped and why, one sentence a step; empty when nothing was. */
  notes: string[];
}

/** Distance, time span and end positions of the kept points. */
export function keptFigures(
  track: TrackPoints,
  kept: Uint32Array,
): Pick<ShapeSummary, 'distanceM' | 'startTime' | 'endTime' | 'durationS' | 'start' | 'end'> {
  let distanceM = 0;
  let minMs = Number.POSITIVE_INFINITY;
  let maxMs = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < kept.length; k++) {
    const i = kept[k] ?? 0;
    const t = track.timeMs[i] ?? 0;
    if (t < minMs) minMs = t;
    if (t > maxMs) maxMs = t;
    const p = k > 0 ? (kept[k - 1] ?? 0) : -1;
    if (p >= 0 && track.segment[p] === track.segment[i]) {
      distanceM += haversineMeters(
        track.lat[p] ?? 0,
        track.lon[p] ?? 0,
        track.lat[i] ?? 0,
        track.lon[i] ?? 0,
      );
    }
  }
  if (kept.length === 0) return { distanceM: 0, durationS: 0 };
  const first = kept[0] ?? 0;
  const last = kept[kept.length - 1] ?? 0;
  return {
    distanceM,
    startTime: new Date(minMs).toISOString(),
    endTime: new Date(maxMs).toISOString(),
    durationS: (maxMs - minMs) / 1000,
    start: { lat: track.lat[first] ?? 0, lon: track.lon[first] ?? 0 },
    end: { lat: track.lat[last] ?? 0, lon: track.lon[last] ?? 0 },
  };
}
