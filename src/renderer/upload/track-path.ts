/** A track drawn into a box: the SVG path and its two ends, in the box's coordinates. */
export interface TrackPath {
  d: string;
  start: [number, number];
  end: [number, number];
}

/**
 * Projects [lat, lon] points into a `width` × `height` box (equirectangular, with
 * longitude shrunk by cos(latitude) so shapes keep their proportions), centred,
 * with `pad` around. Undefined when there is nothing to draw.
 */
export function trackPath(
  shape: ReadonlyArray<readonly [number, number]>,
  width: number,
  height: number,
  pad: number,
): TrackPath | undefined {
  if (shape.length < 2) return undefined;
  let minLat = Infinity;
  let maxLat = -Infinity;
  let minLon = Infinity;
  let maxLon = -Infinity;
  for (const [lat, lon] of shape) {
    minLat = Math.min(minLat, lat);
    maxLat = Math.max(maxLat, lat);
    minLon = Math.min(minLon, lon);
    maxLon = Math.max(maxLon, lon);
  }
  const shrink = Math.cos((((minLat + maxLat) / 2) * Math.PI) / 180);
  const spanX = (maxLon - minLon) * shrink;
  const spanY = maxLat - minLat;
  const span = Math.max(spanX, spanY);
  // A track that never moved is drawn as a dot in the middle.
  const scale =
    span > 0
      ? Math.min((width - 2 * pad) / (spanX || span), (height - 2 * pad) / (spanY || span))
      : 0;
  const offsetX = (width - spanX * scale) / 2;
  const offsetY = (height - spanY * scale) / 2;
  const project = ([lat, lon]: readonly [number, number]): [number, number] => [
    round(offsetX + (lon - minLon) * shrink * scale),
    round(offsetY + (maxLat - lat) * scale),
  ];
  const points = shape.map(project);
  const d = points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x} ${y}`).join('');
  return { d, start: points[0]!, end: points[points.length - 1]! };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
