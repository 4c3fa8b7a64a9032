/** Small GPX pieces for the corpus: most cases are one fault in an otherwise good file. */

export const gpx11 = 'http://www.topografix.com/GPX/1/1';
export const gpx10 = 'http://www.topografix.com/GPX/1/0';

/** A `<time>` text `seconds` after `start` (epoch ms), in GPX's usual `Z` form. */
export function isoAt(start: number, seconds: number): string {
  return new Date(start + seconds * 1000).toISOString().replace('.000Z', 'Z');
}

/** One `<trkpt>` with whatever it holds. */
export function trkpt(lat: string | number, lon: string | number, inner: string): string {
  return `<trkpt lat="${lat}" lon="${lon}">${inner}</trkpt>`;
}

/** A timed track point `i` of a small straight walk from `start`. */
export function walkPoint(start: number, i: number, time = true): string {
  const lat = (28.2916 + i * 0.00001).toFixed(7);
  const lon = (-16.6291 + i * 0.00001).toFixed(7);
  const inner = `<ele>${100 + (i % 7)}</ele>${time ? `<time>${isoAt(start, i)}</time>` : ''}`;
  return trkpt(lat, lon, inner);
}

/** `count` timed walk points; `untimed` lists the point numbers (from 1) left without a time. */
export function walkPoints(start: number, count: number, untimed: number[] = []): string[] {
  const skip = new Set(untimed);
  return Array.from({ length: count }, (_, i) => walkPoint(start, i, !skip.has(i + 1)));
}

/** A GPX 1.1 document with one track segment of `points`. */
export function gpxDoc(points: string[], options: { prolog?: string; root?: string } = {}): string {
  const prolog = options.prolog ?? '<?xml version="1.0" encoding="UTF-8"?>\n';
  const root = options.root ?? `<gpx version="1.1" creator="bad-input corpus" xmlns="${gpx11}">`;
  return `${prolog}${root}\n<trk><name>Corpus track</name><trkseg>\n${points.join('\n')}\n</trkseg></trk>\n</gpx>\n`;
}

/** A good small GPX 1.1 track of `count` points from `start`. */
export function goodGpx(start: number, count = 30): string {
  return gpxDoc(walkPoints(start, count));
}
