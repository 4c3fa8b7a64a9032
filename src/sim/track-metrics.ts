import type { TrackPoint } from './gpx-inspect';

/** The figures an activity reports about its track. */
export interface TrackSummary {
  startMs: number;
  start: [number, number];
  end: [number, number];
  distance: number;
  elapsedTime: number;
  movingTime: number;
  maxSpeed: number;
  elevationGain: number;
  elevHigh: number | undefined;
  elevLow: number | undefined;
  /** At most ~500 points, enough to draw the map without holding a big file in memory. */
  outline: [number, number][];
  pointCount: number;
}

const EARTH_RADIUS_M = 6371008.8;
// Below this speed a stretch counts as standing still, roughly as Strava's moving time does.
const MOVING_SPEED_MS = 0.3;
const OUTLINE_POINTS = 500;

/** Great-circle distance in metres between two points (haversine). */
export function haversineMetres(a: TrackPoint, b: TrackPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad;
  const dLon = (b.lon - a.lon) * rad;
  const h =
    Math.sin(dLat / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

/**
 * Sums up a track in file order. Times may repeat or go backwards in real MTP files,
 * so elapsed time spans the earliest to the latest time and backward steps add no time.
 */
export function summarizeTrack(points: readonly TrackPoint[]): TrackSummary {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) throw new Error('summarizeTrack needs at least one point');
  let distance = 0;
  let movingMs = 0;
  let maxSpeed = 0;
  let gain = 0;
  let minTime = first.timeMs;
  let maxTime = first.timeMs;
  let elevHigh: number | undefined;
  let elevLow: number | undefined;
  for (let i = 0; i < points.length; i += 1) {
    const p = points[i];
    if (!p) continue;
    minTime = Math.min(minTime, p.timeMs);
    maxTime = Math.max(maxTime, p.timeMs);
    if (p.ele !== undefined) {
      elevHigh = elevHigh === undefined ? p.ele : Math.max(elevHigh, p.ele);
      elevLow = elevLow === undefined ? p.ele : Math.min(elevLow, p.ele);
    }
    const prev = i > 0 ? points[i - 1] : undefined;
    if (!prev) continue;
    const d = haversineMetres(prev, p);
    distance += d;
    if (prev.ele !== undefined && p.ele !== undefined && p.ele > prev.ele) gain += p.ele - prev.ele;
    const dtMs = p.timeMs - prev.timeMs;
    if (dtMs > 0) {
      const speed = d / (dtMs / 1000);
      if (speed >= MOVING_SPEED_MS) movingMs += dtMs;
      maxSpeed = Math.max(maxSpeed, speed);
    }
  }
  const step = Math.max(1, Math.ceil(points.length / OUTLINE_POINTS));
  const outline: [number, number][] = [];
  for (let i = 0; i < points.length; i += step) {
    const p = points[i];
    if (p) outline.push([p.lat, p.lon]);
  }
  outline.push([last.lat, last.lon]);
  const elapsedTime = Math.round((maxTime - minTime) / 1000);
  return {
    startMs: first.timeMs,
    start: [first.lat, first.lon],
    end: [last.lat, last.lon],
    distance: Math.round(distance * 10) / 10,
    elapsedTime,
    movingTime: Math.min(elapsedTime, Math.round(movingMs / 1000)),
    maxSpeed: Math.round(maxSpeed * 1000) / 1000,
    elevationGain: Math.round(gain * 10) / 10,
    elevHigh,
    elevLow,
    outline,
    pointCount: points.length,
  };
}
