import { memo } from 'react';
import type { ShapePreview } from '../../shared/shape-request';
import { keptTrackPath } from './kept-track-path';
import { fitBox, trackPath } from './track-path';

const width = 96;
const height = 72;
const pad = 8;

interface Props {
  shape: ReadonlyArray<readonly [number, number]> | undefined;
  /** What shaping keeps: the trimmed ends are drawn greyed out, the kept part in colour. */
  shaped?: ShapePreview | undefined;
  /** The privacy zones this row leaves out, drawn where they fall on the track. */
  zones?: ReadonlyArray<{ lat: number; lon: number; radiusM: number }> | undefined;
}

/** Zones as circles in the drawing's own units, on the projection of `points`. */
function zoneCircles(
  points: ReadonlyArray<readonly [number, number]> | undefined,
  zones: Props['zones'],
): { cx: number; cy: number; r: number }[] {
  if (!points || points.length < 2 || !zones?.length) return [];
  const { project, unitsPerMetre } = fitBox(points, width, height, pad);
  return zones.map((z) => {
    const [cx, cy] = project([z.lat, z.lon]);
    return { cx, cy, r: Math.max(2, z.radiusM * unitsPerMetre) };
  });
}

/** A small drawing of a track's shape from its sampled points: no map, works offline. */
function TrackDrawing({ shape, shaped, zones }: Props) {
  const kept = shaped ? keptTrackPath(shaped, width, height, pad) : undefined;
  const path = !kept && shape ? trackPath(shape, width, height, pad) : undefined;
  const circles = zoneCircles(kept ? shaped?.points : shape, zones);
  return (
    <svg
      className="track"
      viewBox={`0 0 ${width} ${height}`}
      width={width}
      height={height}
      aria-hidden="true"
      focusable="false"
    >
      <rect className="track-bg" x="0" y="0" width={width} height={height} rx="8" />
      {circles.map((c, i) => (
        <circle key={i} className="track-zone" cx={c.cx} cy={c.cy} r={c.r} />
      ))}
      {kept ? (
        <>
          <path className="track-line track-dropped" d={kept.whole} />
          {kept.kept && (
            <>
              <path className="track-line" d={kept.kept.d} />
              <circle
                className="track-start"
                cx={kept.kept.start[0]}
                cy={kept.kept.start[1]}
                r="3.2"
              />
              <circle className="track-end" cx={kept.kept.end[0]} cy={kept.kept.end[1]} r="3.2" />
            </>
          )}
        </>
      ) : path ? (
        <>
          <path className="track-line" d={path.d} />
          <circle className="track-start" cx={path.start[0]} cy={path.start[1]} r="3.2" />
          <circle className="track-end" cx={path.end[0]} cy={path.end[1]} r="3.2" />
        </>
      ) : (
        <path className="track-none" d={`M${width / 2 - 10} ${height / 2}h20`} />
      )}
    </svg>
  );
}

export default memo(TrackDrawing);
