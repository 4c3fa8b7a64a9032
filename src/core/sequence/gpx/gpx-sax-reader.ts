import { SaxesParser } from 'saxes';
import type { SaxesTagNS } from 'saxes';
import type { UploadError } from '../../errors/upload-error';
import { isUploadError } from '../../errors/upload-error';
import { fileLabel, invalidGpx, xmlFault } from './gpx-errors';
import { isElevation, readPointTime, readPosition } from './gpx-point-fields';
import { GpxPointStats } from './gpx-point-stats';
import { readGpxRoot } from './gpx-root';
import { DoctypeGuard } from './doctype-guard';

/** Real GPX nests about six deep; far more is a hostile or broken file. */
const maxDepth = 256;
/** Text read (a time, a name) is kept up to this length: a longer time is invalid anyway. */
const maxText = 256;

/** What one pass over a GPX file found, before it is judged. */
export interface GpxReadResult {
  version: '1.0' | '1.1' | 'unknown';
  creator?: string;
  name?: string;
  tracks: number;
  segments: number;
  routes: number;
  track: GpxPointStats;
  route: GpxPointStats;
  /** The first fault among route points, which only matters when there are no track points. */
  routeError?: UploadError;
}

type PointKind = 'track' | 'route';
interface OpenPoint {
  kind: PointKind;
  lat: number;
  lon: number;
  time?: string;
  hasElevation: boolean;
}
type TextTarget = 'time' | 'ele' | 'docName' | 'trackName';

/**
 * Feeds a GPX file to a streaming XML parser and keeps only running figures. It
 * throws an UploadError at the first fault Strava would refuse, so the caller can stop
 * reading there. A DOCTYPE is refused as soon as it is seen: GPX never has one, and no
 * entity it declares (billion laughs, external files) must ever be expanded.
 */
export class GpxSaxReader {
  private readonly parser = new SaxesParser({ xmlns: true });
  private readonly file: string;
  /** Local names of the open elements; '' for elements outside the GPX namespace. */
  private readonly stack: string[] = [];
  private rootUri: string | undefined;
  private point: OpenPoint | undefined;
  private textTarget: TextTarget | undefined;
  private textDepth = 0;
  private text = '';
  /** Refuses a DOCTYPE at its start, before the root element. */
  private readonly doctype = new DoctypeGuard();
  private trackName: string | undefined;
  private readonly result: GpxReadResult;

  constructor(
    private readonly path: string,
    options: { gapSeconds: number; shapePoints: number },
  ) {
    this.file = fileLabel(path);
    const [track, route] = [new GpxPointStats(options), new GpxPointStats(options)];
    this.result = { version: 'unknown', tracks: 0, segments: 0, routes: 0, track, route };
    this.parser.on('doctype', () => {
      throw this.doctypeError();
    });
    this.parser.on('opentag', (tag) => this.open(tag));
    this.parser.on('closetag', () => this.close());
  }

  /** Parses the next piece of the file. */
  write(chunk: string): void {
    if (this.rootUri === undefined && this.doctype.starts(chunk)) throw this.doctypeError();
    try {
      this.parser.write(chunk);
    } catch (error) {
      throw this.notWellFormed(error, false);
    }
  }

  /** Ends the document and returns what was found. */
  end(): GpxReadResult {
    try {
      this.parser.close();
    } catch (error) {
      throw this.notWellFormed(error, true);
    }
    // GPX 1.0 names the file under <gpx>, 1.1 under <metadata>; else the first track's name.
    if (this.result.name === undefined && this.trackName !== undefined) {
      this.result.name = this.trackName;
    }
    return this.result;
  }

  private doctypeError(): UploadError {
    return invalidGpx(
      this.path,
      `${this.file} contains a DOCTYPE declaration, which GPX files never have; it is refused so that nothing it declares is ever expanded.`,
    );
  }

  private notWellFormed(error: unknown, atEnd: boolean): unknown {
    if (isUploadError(error) || !(error instanceof Error)) return error;
    const { line, column } = this.parser;
    const stage = this.rootUri === undefined ? 'before-root' : atEnd ? 'at-end' : { line, column };
    return xmlFault(this.path, error.message, stage);
  }

  private open(tag: SaxesTagNS): void {
    const parent = this.stack[this.stack.length - 1];
    if (this.stack.length >= maxDepth) {
      throw invalidGpx(
        this.path,
        `${this.file} is not a GPX file: its elements nest far too deep.`,
      );
    }
    if (this.rootUri === undefined) return this.openRoot(tag);
    // Extensions in other namespaces may reuse GPX names (a <time> of their own): skip them.
    const local = tag.uri === this.rootUri ? tag.local : '';
    this.stack.push(local);
    const { result } = this;
    switch (local) {
      case 'trk':
        result.tracks++;
        return result.track.startSegment();
      case 'trkseg':
        result.segments++;
        return result.track.startSegment();
      case 'rte':
        result.routes++;
        return result.route.startSegment();
      case 'trkpt':
        return this.openPoint(tag, 'track');
      case 'rtept':
        // Route points matter only while no track point has been seen.
        if (result.track.points === 0) this.openPoint(tag, 'route');
        return;
      case 'time':
      case 'ele':
        if (this.point !== undefined && (parent === 'trkpt' || parent === 'rtept')) {
          this.collect(local);
        }
        return;
      case 'name':
        if (result.name === undefined && (parent === 'metadata' || parent === 'gpx')) {
          this.collect('docName');
        } else if (this.trackName === undefined && parent === 'trk') {
          this.collect('trackName');
        }
        return;
    }
  }

  private openRoot(tag: SaxesTagNS): void {
    const root = readGpxRoot(this.path, tag);
    this.rootUri = root.uri;
    this.stack.push('gpx');
    this.result.version = root.version;
    if (root.creator !== undefined) this.result.creator = root.creator;
  }

  private openPoint(tag: SaxesTagNS, kind: PointKind): void {
    const position = readPosition(tag.attributes);
    if ('problem' in position) return this.fault(kind, position.problem);
    this.point = { kind, lat: position.lat, lon: position.lon, hasElevation: false };
  }

  private close(): void {
    const local = this.stack.pop();
    if (this.textTarget !== undefined && this.stack.length === this.textDepth) {
      return this.finishText();
    }
    if ((local === 'trkpt' || local === 'rtept') && this.point !== undefined) {
      const point = this.point;
      this.point = undefined;
      const time = readPointTime(point.time);
      if ('problem' in time) return this.fault(point.kind, time.problem);
      const stats = point.kind === 'track' ? this.result.track : this.result.route;
      stats.add(point.lat, point.lon, time.ms, point.hasElevation, time.zoned);
    }
  }

  /** A bad track point ends the check; a bad route point is noted for later. */
  private fault(kind: PointKind, problem: string): void {
    const stats = kind === 'track' ? this.result.track : this.result.route;
    const what = kind === 'track' ? 'Track point' : 'Route point';
    const error = invalidGpx(this.path, `${what} ${stats.points + 1} in ${this.file} ${problem}`);
    if (kind === 'track') throw error;
    this.result.routeError ??= error;
  }

  private collect(target: TextTarget): void {
    this.textTarget = target;
    this.textDepth = this.stack.length - 1;
    this.text = '';
    // Text is gathered only inside the few elements read, so the whitespace between
    // elements and long extension text cost no copies.
    this.parser.on('text', this.append);
    this.parser.on('cdata', this.append);
  }

  private readonly append = (text: string): void => {
    if (this.text.length < maxText) this.text += text.slice(0, maxText - this.text.length);
  };

  private finishText(): void {
    const { text, point } = this;
    switch (this.textTarget) {
      case 'time':
        if (point !== undefined) point.time ??= text;
        break;
      case 'ele':
        if (point !== undefined && isElevation(text)) point.hasElevation = true;
        break;
      case 'docName':
        this.result.name = text.trim();
        break;
      case 'trackName':
        this.trackName = text.trim();
        break;
    }
    this.textTarget = undefined;
    this.parser.off('text');
    this.parser.off('cdata');
  }
}
