import { haversineMeters } from '../sequence/gpx/gpx-distance';
import type { PrivacyZone } from './shape-options';
import type { TrackPoints } from './track-points';

/** Whether a position lies inside (or on the edge of) any of the zones. */
export function insideAnyZone(lat: number, lon: number, zones: readonly PrivacyZone[]): boolean {
  return zones.some((z) => haversineMeters(z.lat, z.lon, lat, lon) <= z.radiusM);
}

/** What dropZoneEnds kept, and how many points it dropped at each end. */
export interface ZoneResult {
  kept: Uint32Array;
  droppedStart: number;
  droppedEnd: number;
}

/**
 * Drops the leading run of points inside any zone, and the trailing run likewise. A
 * zone the track passes through in the middle is kept, as Strava's own privacy zones
 * treat it: what is hidden is where the activity starts and ends.
 */
export function dropZoneEnds(
  track: TrackPoints,
  kept: Uint32Array,
  zones: readonly PrivacyZone[],
): ZoneResult {
  const n = kept.length;
  if (zones.length === 0 || n === 0) return { kept, droppedStart: 0, droppedEnd: 0 };
  const inside = (k: number): boolean => {
    const i = kept[k] ?? 0;
    return insideAnyZone(track.lat[i] ?? 0, track.lon[i] ?? 0, zones);
  };
  let start = 0;
  while (start < n && inside(start)) start++;
  if (start === n) return { kept: new Uint32Array(0), droppedStart: n, droppedEnd: 0 };
  let end = n;
  while (end > start && inside(end - 1)) end--;
  return { kept: kept.slice(start, end), droppedStart: start, droppedEnd: n - end };
}
