import { haversineMeters } from '../sequence/gpx/gpx-distance';
import { fixCodes } from './track-points';
import type { TrackPoints } from './track-points';

/** A spike is faster than both this many times the track's 95th-percentile speed… */
const spikeFactor = 3;
/** …and this speed (108 km/h), so a slow track's jitter is never taken for spikes. */
const spikeFloorMps = 30;

/** How many points camera clean-up dropped, by reason. */
export interface CleanDrops {
  /** Points marked `<fix>none</fix>`. */
  noFix: number;
  /** Points with the same time as the point before them. */
  repeatedTimes: number;
  /** Single points far off the track, reached and left at an impossible speed. */
  spikes: number;
}

/** What cameraClean kept and dropped. */
export interface CleanResult {
  kept: Uint32Array;
  dropped: CleanDrops;
  /** The speed above which a point counted as a spike (m/s); undefined when not looked for. */
  spikeSpeedMps?: number;
}

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

/** The drops in words, as the preview shows them: "12 points without a fix, 3 spikes". */
export function cleanSummary(dropped: CleanDrops): string {
  const parts: string[] = [];
  if (dropped.noFix > 0)
    parts.push(plural(dropped.noFix, 'point without a fix', 'points without a fix'));
  if (dropped.repeatedTimes > 0) {
    parts.push(plural(dropped.repeatedTimes, 'point repeating a time', 'points repeating a time'));
  }
  if (dropped.spikes > 0) parts.push(plural(dropped.spikes, 'spike', 'spikes'));
  return parts.length === 0 ? 'nothing to drop' : parts.join(', ');
}

/** Speed from point a to point b in m/s, or NaN when b is not later than a. */
function speed(track: TrackPoints, a: number, b: number): number {
  const seconds = ((track.timeMs[b] ?? 0) - (track.timeMs[a] ?? 0)) / 1000;
  if (!(seconds > 0)) return Number.NaN;
  const metres = haversineMeters(
    track.lat[a] ?? 0,
    track.lon[a] ?? 0,
    track.lat[b] ?? 0,
    track.lon[b] ?? 0,
  );
  return metres / seconds;
}

/** The speed of each leg between consecutive kept points (NaN where time does not move forward). */
function legSpeeds(track: TrackPoints, kept: Uint32Array): Float64Array {
  const legs = new Float64Array(Math.max(0, kept.length - 1));
  for (let k = 0; k < legs.length; k++) legs[k] = speed(track, kept[k] ?? 0, kept[k + 1] ?? 0);
  return legs;
}

/** The nearest-rank 95th percentile of the numbers that are not NaN; 0 when there are none. */
function percentile95(values: Float64Array): number {
  const known = values.filter((v) => !Number.isNaN(v)).sort();
  if (known.length === 0) return 0;
  return known[Math.ceil(0.95 * known.length) - 1] ?? 0;
}

/** Keeps the points of `kept` whose fix is not `none` and whose time differs from the one before. */
function dropNoFixAndRepeats(
  track: TrackPoints,
  kept: Uint32Array,
  dropped: CleanDrops,
): Uint32Array {
  const out = new Uint32Array(kept.length);
  let n = 0;
  let previous = -1;
  for (const i of kept) {
    if (track.fix[i] === fixCodes.none) {
      dropped.noFix++;
      continue;
    }
    if (previous >= 0 && track.timeMs[i] === track.timeMs[previous]) {
      dropped.repeatedTimes++;
      continue;
    }
    out[n++] = i;
    previous = i;
  }
  return out.slice(0, n);
}

/**
 * Drops single points the speed says are off the track: reached from the last point
 * kept and left towards the next one faster than the limit. Measuring from the last
 * point kept means a good point between two spikes is not taken for one. An end point
 * counts when its one leg is too fast and its neighbour's other leg is not (so it is
 * the end point that is off). Legs whose time does not move forward say nothing about
 * speed and never make a spike.
 */
function dropSpikes(
  track: TrackPoints,
  kept: Uint32Array,
  limit: number,
  dropped: CleanDrops,
): Uint32Array {
  const n = kept.length;
  const at = (k: number): number => kept[k] ?? 0;
  const fast = (a: number, b: number): boolean => speed(track, a, b) > limit;
  const out = new Uint32Array(n);
  let m = 0;
  for (let k = 0; k < n; k++) {
    let spike = false;
    if (n >= 3 && k === 0) spike = fast(at(0), at(1)) && !fast(at(1), at(2));
    else if (n >= 3 && k === n - 1 && m > 0) {
      const last = out[m - 1] ?? 0;
      spike = fast(last, at(k)) && !(m >= 2 && fast(out[m - 2] ?? 0, last));
    } else if (m > 0 && k + 1 < n) {
      spike = fast(out[m - 1] ?? 0, at(k)) && fast(at(k), at(k + 1));
    }
    if (spike) dropped.spikes++;
    else out[m++] = at(k);
  }
  return out.slice(0, m);
}

/**
 * Camera clean-up: drops points marked `<fix>none</fix>`, keeps the first of
 * consecutive points sharing a time, and drops single-point spikes faster than both
 * 3× the track's 95th-percentile speed and 30 m/s. A plane really does go that fast,
 * so `Plane` tracks keep their spikes.
 */
export function cameraClean(
  track: TrackPoints,
  kept: Uint32Array,
  options: { transportMethod?: string } = {},
): CleanResult {
  const dropped: CleanDrops = { noFix: 0, repeatedTimes: 0, spikes: 0 };
  const timed = dropNoFixAndRepeats(track, kept, dropped);
  if (options.transportMethod?.trim().toLowerCase() === 'plane') return { kept: timed, dropped };
  const legs = legSpeeds(track, timed);
  const limit = Math.max(spikeFactor * percentile95(legs), spikeFloorMps);
  return { kept: dropSpikes(track, timed, limit, dropped), dropped, spikeSpeedMps: limit };
}
