import { createWriteStream } from 'node:fs';
import { once } from 'node:events';

/** How a generated track looks. */
export interface GpxSpec {
  points: number;
  /** Epoch ms of the first point. */
  start?: number;
  intervalS?: number;
  lat?: number;
  lon?: number;
  /** Give every point an <ele>. */
  elevation?: boolean;
  name?: string;
}

/** Where point `i` of a track starting at `lat`, `lon` lies: north about 1.1 m a point, with a slow wobble east. */
export function generatedPointAt(lat: number, lon: number, i: number): [number, number] {
  return [lat + i * 0.00001, lon + Math.sin(i / 500) * 0.001];
}

const point = (spec: Required<GpxSpec>, i: number): string => {
  const [latN, lonN] = generatedPointAt(spec.lat, spec.lon, i);
  const lat = latN.toFixed(7);
  const lon = lonN.toFixed(7);
  const time = new Date(spec.start + i * spec.intervalS * 1000).toISOString().replace('.000Z', 'Z');
  const ele = spec.elevation ? `<ele>${(100 + Math.sin(i / 50) * 10).toFixed(1)}</ele>` : '';
  return `      <trkpt lat="${lat}" lon="${lon}">${ele}<time>${time}</time></trkpt>\n`;
};

const fill = (spec: GpxSpec): Required<GpxSpec> => ({
  start: Date.UTC(2021, 4, 1, 8, 0, 0),
  intervalS: 1,
  lat: 28.2916,
  lon: -16.6291,
  elevation: true,
  name: 'Generated track',
  ...spec,
});

/** A GPX 1.1 document as a string (small tracks). */
export function gpxText(spec: GpxSpec): string {
  const s = fill(spec);
  let body = '';
  for (let i = 0; i < s.points; i++) body += point(s, i);
  return header(s) + body + footer;
}

/** Writes a GPX 1.1 file point by point, so even very large tracks never sit in memory. */
export async function writeGpxFile(path: string, spec: GpxSpec): Promise<void> {
  const s = fill(spec);
  const out = createWriteStream(path);
  out.write(header(s));
  for (let i = 0; i < s.points; i++) {
    if (!out.write(point(s, i))) await once(out, 'drain');
  }
  out.end(footer);
  await once(out, 'finish');
}

const header = (s: Required<GpxSpec>) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="mtp-strava-uploader tests" xmlns="http://www.topografix.com/GPX/1/1">\n  <trk>\n    <name>${s.name}</name>\n    <trkseg>\n`;
const footer = '    </trkseg>\n  </trk>\n</gpx>\n';
