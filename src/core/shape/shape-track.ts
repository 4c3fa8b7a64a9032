import { invalidGpx } from '../sequence/gpx/gpx-errors';
import { cameraClean, cleanSummary } from './camera-clean';
import { dropZoneEnds } from './privacy-zones';
import type { ShapeOptions } from './shape-options';
import { keptFigures } from './shape-summary';
import type { ShapeDrops, ShapeSummary } from './shape-summary';
import { applyTimeOffset, formatTimeOffset } from './time-offset';
import { allIndices } from './track-points';
import type { TrackPoints } from './track-points';
import { trimEnds } from './trim-ends';

/** Strava makes no activity of fewer points or a shorter time. */
const minPoints = 2;
const minSeconds = 10;

/** A shaped track: the indices of the points to send, in the (time-shifted) track. */
export interface ShapedTrack {
  /** The track with the time offset applied; positions are the original's. */
  track: TrackPoints;
  /** Indices into `track` of the points kept, in order. */
  kept: Uint32Array;
  summary: ShapeSummary;
}

/** Who the track is, for messages and for the rules that depend on the transport. */
export interface ShapeContext {
  /** The sequence's name, as messages quote it. */
  name: string;
  /** The GPX read, named in the error's detail. */
  path: string;
  /** The transport method (`Plane` keeps its spikes). */
  transportMethod?: string;
}

const metres = (m: number): string => `${Math.round(m).toLocaleString('en-US')} m`;
const plural = (n: number, one: string, many: string): string =>
  `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;

/** The steps that dropped points, as "after …" says them. */
function stepsTaken(options: ShapeOptions, d: ShapeDrops): string[] {
  const steps: string[] = [];
  if (d.noFix + d.repeatedTimes + d.spikes > 0) steps.push('camera clean-up');
  if (d.zoneStart + d.zoneEnd > 0) steps.push('dropping the ends inside your privacy zones');
  const { trimStartM: start, trimEndM: end } = options;
  if (start > 0 && start === end) steps.push(`trimming ${metres(start)} from each end`);
  else if (start > 0 && end > 0)
    steps.push(`trimming ${metres(start)} from the start and ${metres(end)} from the end`);
  else if (start > 0) steps.push(`trimming ${metres(start)} from the start`);
  else if (end > 0) steps.push(`trimming ${metres(end)} from the end`);
  return steps;
}

/** One sentence per step that dropped points, for the summary. */
function dropNotes(d: ShapeDrops): string[] {
  const notes: string[] = [];
  const cleaned = cleanSummary(d);
  if (d.noFix + d.repeatedTimes + d.spikes > 0) notes.push(`Camera clean-up dropped ${cleaned}.`);
  if (d.zoneStart + d.zoneEnd > 0) {
    notes.push(
      `Privacy zones dropped ${plural(d.zoneStart, 'point', 'points')} at the start and ${plural(d.zoneEnd, 'point', 'points')} at the end.`,
    );
  }
  if (d.trimStart + d.trimEnd > 0) {
    notes.push(
      `Trimming dropped ${plural(d.trimStart, 'point', 'points')} at the start and ${plural(d.trimEnd, 'point', 'points')} at the end.`,
    );
  }
  return notes;
}

/** A year GPX can write (four digits): an offset must not push the track outside. */
const writableYear = (ms: number): boolean => {
  const year = new Date(ms).getUTCFullYear();
  return Number.isFinite(ms) && year >= 0 && year <= 9999;
};

/**
 * Shapes a checked track in a fixed order: camera clean-up, privacy zones, trims, time
 * offset (the zones are looked at again after the trims, so neither end sent lies in
 * one). Returns the points to send and what was done. Refuses (UploadError
 * `invalid-gpx`) a track left with fewer than 2 points or under 10 s, saying which
 * steps left it so: "nothing left after trimming 1,500 m from each end".
 */
export function shapeTrack(
  track: TrackPoints,
  options: ShapeOptions,
  context: ShapeContext,
): ShapedTrack {
  let kept = allIndices(track);
  const dropped: ShapeDrops = {
    noFix: 0,
    repeatedTimes: 0,
    spikes: 0,
    zoneStart: 0,
    zoneEnd: 0,
    trimStart: 0,
    trimEnd: 0,
  };
  if (options.clean) {
    const cleaned = cameraClean(
      track,
      kept,
      context.transportMethod === undefined ? {} : { transportMethod: context.transportMethod },
    );
    kept = cleaned.kept;
    Object.assign(dropped, cleaned.dropped);
  }
  const zoned = dropZoneEnds(track, kept, options.privacyZones);
  kept = zoned.kept;
  dropped.zoneStart = zoned.droppedStart;
  dropped.zoneEnd = zoned.droppedEnd;
  const trimmed = trimEnds(track, kept, { startM: options.trimStartM, endM: options.trimEndM });
  kept = trimmed.kept;
  dropped.trimStart = trimmed.droppedStart;
  dropped.trimEnd = trimmed.droppedEnd;
  // A trim can end the track inside a zone it crossed; the ends sent must never lie in one.
  const rezoned = dropZoneEnds(track, kept, options.privacyZones);
  kept = rezoned.kept;
  dropped.zoneStart += rezoned.droppedStart;
  dropped.zoneEnd += rezoned.droppedEnd;
  const shifted = applyTimeOffset(track, options.timeOffsetS);
  const figures = keptFigures(shifted, kept);
  refuseTooLittle(kept.length, figures.durationS, stepsTaken(options, dropped), context);
  const first = shifted.timeMs[kept[0] ?? 0] ?? 0;
  const last = shifted.timeMs[kept[kept.length - 1] ?? 0] ?? 0;
  if (!writableYear(first) || !writableYear(last)) {
    throw invalidGpx(
      context.path,
      `"${context.name}": a time offset of ${formatTimeOffset(options.timeOffsetS)} moves the track outside the years 0 to 9999.`,
    );
  }
  return {
    track: shifted,
    kept,
    summary: {
      pointsBefore: track.length,
      pointsAfter: kept.length,
      ...figures,
      timeOffsetS: options.timeOffsetS,
      dropped,
      notes: dropNotes(dropped),
    },
  };
}

/** The refusal of a track too small for Strava, naming the steps that made it so. */
function refuseTooLittle(
  points: number,
  seconds: number,
  steps: string[],
  context: ShapeContext,
): void {
  if (points >= minPoints && seconds >= minSeconds) return;
  const after = steps.length === 0 ? '' : ` after ${steps.join(' and ')}`;
  const left =
    points === 0
      ? `nothing left${after}`
      : points < minPoints
        ? `only 1 point left${after}`
        : steps.length === 0
          ? `the track lasts only ${Math.round(seconds * 10) / 10} s`
          : `only ${Math.round(seconds * 10) / 10} s left${after}`;
  throw invalidGpx(
    context.path,
    `"${context.name}": ${left}; Strava needs at least ${minPoints} points over ${minSeconds} s.`,
  );
}
