/** One track point read from a GPX file. */
export interface TrackPoint {
  lat: number;
  lon: number;
  timeMs: number;
  ele: number | undefined;
}

/** What Strava's processing makes of a file: the points, or a human reason for refusing it. */
export type GpxInspection = { ok: true; points: TrackPoint[] } | { ok: false; reason: string };

// An optional namespace prefix (`gpx:trkpt`) is allowed wherever a tag name is matched.
const GPX_ROOT = /<(?:[\w.-]+:)?gpx[\s>/]/;
const TRKPT = /<((?:[\w.-]+:)?)trkpt\b([^>]*?)(?:\/>|>([\s\S]*?)<\/\1trkpt\s*>)/g;
const LAT = /\blat\s*=\s*["']([^"']*)["']/;
const LON = /\blon\s*=\s*["']([^"']*)["']/;
const TIME = /<(?:[\w.-]+:)?time\s*>\s*([^<]*?)\s*<\/(?:[\w.-]+:)?time\s*>/;
const ELE = /<(?:[\w.-]+:)?ele\s*>\s*([^<]*?)\s*<\/(?:[\w.-]+:)?ele\s*>/;
// Date.parse accepts many loose forms; GPX requires xsd:dateTime, so check the shape first.
const XSD_DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?$/;

/**
 * Reads a GPX document's track points the way Strava's processing judges them:
 * it must be GPX, have at least two track points, and every point needs a `<time>`.
 * A light scan rather than an XML parser: no DTDs or entities are ever expanded,
 * and a 30 MB file is read in one pass.
 */
export function inspectGpx(text: string): GpxInspection {
  if (!GPX_ROOT.test(text.slice(0, 65536))) {
    return { ok: false, reason: 'Improperly formatted data: the file is not a GPX document.' };
  }
  const points: TrackPoint[] = [];
  for (const match of text.matchAll(TRKPT)) {
    const n = points.length + 1;
    const attrs = match[2] ?? '';
    const inner = match[3] ?? '';
    const lat = Number(LAT.exec(attrs)?.[1] ?? NaN);
    const lon = Number(LON.exec(attrs)?.[1] ?? NaN);
    if (!(Math.abs(lat) <= 90) || !(Math.abs(lon) <= 180)) {
      return {
        ok: false,
        reason: `Improperly formatted data: track point ${n} has no valid lat/lon.`,
      };
    }
    const timeText = TIME.exec(inner)?.[1];
    if (timeText === undefined) {
      return { ok: false, reason: `Time information is missing from track point ${n}.` };
    }
    const timeMs = XSD_DATE_TIME.test(timeText) ? Date.parse(timeText) : NaN;
    if (Number.isNaN(timeMs)) {
      return {
        ok: false,
        reason: `Improperly formatted data: track point ${n} has an invalid time.`,
      };
    }
    const eleText = ELE.exec(inner)?.[1];
    const ele = eleText === undefined || eleText === '' ? undefined : Number(eleText);
    points.push({ lat, lon, timeMs, ele: Number.isFinite(ele) ? ele : undefined });
  }
  if (points.length < 2) {
    return {
      ok: false,
      reason: 'The file does not contain enough track points (at least 2 are needed).',
    };
  }
  return { ok: true, points };
}
