/** GPX `<fix>` values, stored as small codes; 0 is a point without a `<fix>`. */
export const fixCodes = { none: 1, '2d': 2, '3d': 3, dgps: 4, pps: 5 } as const;
export type FixName = keyof typeof fixCodes;
const fixNames: readonly (FixName | undefined)[] = [undefined, 'none', '2d', '3d', 'dgps', 'pps'];

/** The `<fix>` name of a code, or undefined for a point without one. */
export function fixName(code: number): FixName | undefined {
  return fixNames[code];
}

/** The code of a `<fix>` text, or 0 when it is not a GPX fix value. */
export function fixCode(text: string): number {
  const key = text.trim();
  return key in fixCodes ? fixCodes[key as FixName] : 0;
}

/**
 * A track's points in column arrays: a 30 MB GPX (some 150,000 points) takes about
 * 6 MB here, where as many small objects would take several times that. Shaping never
 * changes these arrays; it picks the indices of the points it keeps.
 */
export interface TrackPoints {
  readonly length: number;
  readonly lat: Float64Array;
  readonly lon: Float64Array;
  /** Epoch milliseconds, as read (before any time offset). */
  readonly timeMs: Float64Array;
  /** Elevation in metres; NaN where the point has none. */
  readonly ele: Float64Array;
  /** A fixCodes value; 0 where the point has no `<fix>`. */
  readonly fix: Uint8Array;
  /** Number of the segment (`<trkseg>`, counted over the file from 0) the point is in. */
  readonly segment: Uint32Array;
}

/** One point, as a caller builds a track from values (tests, merged parts). */
export interface TrackPoint {
  lat: number;
  lon: number;
  timeMs: number;
  ele?: number;
  fix?: FixName;
  segment?: number;
}

/** Collects points into growing column arrays, then hands out a TrackPoints. */
export class TrackPointsBuilder {
  private size = 0;
  private lat = new Float64Array(1024);
  private lon = new Float64Array(1024);
  private timeMs = new Float64Array(1024);
  private ele = new Float64Array(1024);
  private fix = new Uint8Array(1024);
  private segment = new Uint32Array(1024);

  /** Number of points added so far. */
  get length(): number {
    return this.size;
  }

  /** Adds one point; `ele` NaN and `fix` 0 mean "none". */
  add(lat: number, lon: number, timeMs: number, ele: number, fix: number, segment: number): void {
    if (this.size === this.lat.length) this.grow();
    const i = this.size++;
    this.lat[i] = lat;
    this.lon[i] = lon;
    this.timeMs[i] = timeMs;
    this.ele[i] = ele;
    this.fix[i] = fix;
    this.segment[i] = segment;
  }

  /** The points, in arrays cut to size (the builder must not be used afterwards). */
  finish(): TrackPoints {
    const n = this.size;
    return {
      length: n,
      lat: this.lat.slice(0, n),
      lon: this.lon.slice(0, n),
      timeMs: this.timeMs.slice(0, n),
      ele: this.ele.slice(0, n),
      fix: this.fix.slice(0, n),
      segment: this.segment.slice(0, n),
    };
  }

  private grow(): void {
    const size = this.lat.length * 2;
    const grown = <T extends Float64Array | Uint8Array | Uint32Array>(old: T, made: T): T => {
      made.set(old);
      return made;
    };
    this.lat = grown(this.lat, new Float64Array(size));
    this.lon = grown(this.lon, new Float64Array(size));
    this.timeMs = grown(this.timeMs, new Float64Array(size));
    this.ele = grown(this.ele, new Float64Array(size));
    this.fix = grown(this.fix, new Uint8Array(size));
    this.segment = grown(this.segment, new Uint32Array(size));
  }
}

/** A TrackPoints from plain points (tests, and the parts of a merge). */
export function trackFromPoints(points: readonly TrackPoint[]): TrackPoints {
  const builder = new TrackPointsBuilder();
  for (const p of points) {
    const fix = p.fix === undefined ? 0 : fixCodes[p.fix];
    builder.add(p.lat, p.lon, p.timeMs, p.ele ?? Number.NaN, fix, p.segment ?? 0);
  }
  return builder.finish();
}

/** Every index of a track, in order: what shaping starts from. */
export function allIndices(track: TrackPoints): Uint32Array {
  const kept = new Uint32Array(track.length);
  for (let i = 0; i < kept.length; i++) kept[i] = i;
  return kept;
}
