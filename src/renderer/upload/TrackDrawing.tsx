import { memo } from 'react';
import { trackPath } from './track-path';

const width = 96;
const height = 72;

/** A small drawing of a track's shape from its sampled points: no map, works offline. */
function TrackDrawing({ shape }: { shape: ReadonlyArray<readonly [number, number]> | undefined }) {
  const path = shape ? trackPath(shape, width, height, 8) : undefined;
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
      {path ? (
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
