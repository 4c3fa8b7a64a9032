/** A track drawn into a box: the SVG path and its two ends, in the box's coordinates. */
export interface TrackPath {
  d: string;
  start: [number, number];
  end: [number, number];
}

type LatLon = readonly [number, number];

/** Maps [lat, lon] into a box's coordinates (see `trackPath`). */
export type Projection = (point: LatLon) => [number, number];

/**
 * The projection that fits `shape` into a `width` × `height` box (equirectangular,
 * with longitude shrunk by cos(latitude) so shapes keep their proportions), centred,
 * with `pad` around.
 */
export function fitProjection(
  shape: ReadonlyArray<LatLon>,
  width: number,
  height: number,
  pad: number,
): Projection {
  return fitBox(shape, width, height, pad).project;
}

/** Metres along a meridian per degree of latitude (Earth's mean radius). */
const metresPerDegree = (6_371_008.8 * Math.PI) / 180;

/**
 * `fitProjection`, and how many of the box's units a metre takes there (a circle
 * in metres stays a circle: longitude is shrunk by cos(latitude) already).
 */
export function fitBox(
  shape: ReadonlyArray<LatLon>,
  width: number,
  height: number,
  pad: number,
): { project: Projection; unitsPerMetre: number } {
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
  return {
    project: ([lat, lon]) => [
      round(offsetX + (lon - minLon) * shrink * scale),
      round(offsetY + (maxLat - lat) * scale),
    ],
    unitsPerMetre: scale / metresPerDegree,
  };
}

/** An SVG path through points already in the box's coordinates. */
export function pathThrough(points: ReadonlyArray<readonly [number, number]>): string {
  return points.map(([x, y], i) => `${i === 0 ? 'M' : 'L'}${x} ${y}`).join('');
}

/**
 * Projects [lat, lon] points into a `width` × `height` box (see `fitProjection`).
 * Undefined when there is nothing to draw.
 */
export function trackPath(
  shape: ReadonlyArray<LatLon>,
  width: number,
  height: number,
  pad: number,
): TrackPath | undefined {
  if (shape.length < 2) return undefined;
  const points = shape.map(fitProjection(shape, width, height, pad));
  return { d: pathThrough(points), start: points[0]!, end: points[points.length - 1]! };
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
