export { formatTimeOffset, parseTimeOffset, timeOffsetForms } from '../../shared/time-offset-text';
import type { TrackPoints } from './track-points';

/**
 * The track with every time shifted by the offset. Only the time column is new: the
 * positions are shared, and the original track is left as it was.
 */
export function applyTimeOffset(track: TrackPoints, offsetS: number): TrackPoints {
  if (offsetS === 0) return track;
  const offsetMs = offsetS * 1000;
  const timeMs = new Float64Array(track.length);
  for (let i = 0; i < timeMs.length; i++) timeMs[i] = (track.timeMs[i] ?? 0) + offsetMs;
  return { ...track, timeMs };
}
