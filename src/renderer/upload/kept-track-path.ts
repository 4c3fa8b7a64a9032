import type { ShapePreview } from '../../shared/shape-request';
import { fitProjection, pathThrough } from './track-path';

/** A shaped track drawn into a box: the whole track (greyed) and the part kept (in colour). */
export interface KeptTrackPath {
  /** The whole track, drawn under the kept part. */
  whole: string;
  /** The part sent; undefined when nothing would be. */
  kept?: { d: string; start: [number, number]; end: [number, number] };
}

/**
 * Draws a shape preview: the whole track fitted to the box, and over it the kept
 * part, from the exact first kept point through the drawing points flagged kept to
 * the exact last kept point. Both use one projection, so the kept part lies exactly
 * on the grey line. Undefined when there is nothing to draw.
 */
export function keptTrackPath(
  preview: Pick<ShapePreview, 'points' | 'kept' | 'keptStart' | 'keptEnd'>,
  width: number,
  height: number,
  pad: number,
): KeptTrackPath | undefined {
  const { points } = preview;
  if (points.length < 2) return undefined;
  const project = fitProjection(points, width, height, pad);
  const whole = pathThrough(points.map(project));
  const inner = points.filter((_, i) => preview.kept[i] === true);
  const keptPoints = [
    ...(preview.keptStart ? [preview.keptStart] : []),
    ...inner,
    ...(preview.keptEnd ? [preview.keptEnd] : []),
  ].map(project);
  if (keptPoints.length < 2) return { whole };
  return {
    whole,
    kept: {
      d: pathThrough(keptPoints),
      start: keptPoints[0]!,
      end: keptPoints[keptPoints.length - 1]!,
    },
  };
}
