import { SaxesParser } from 'saxes';
import type { SaxesTagNS } from 'saxes';
import type { UploadError } from '../errors/upload-error';
import { isUploadError } from '../errors/upload-error';
import { fileLabel, invalidGpx, xmlFault } from '../sequence/gpx/gpx-errors';
import { isElevation, readPointTime, readPosition } from '../sequence/gpx/gpx-point-fields';
import { readGpxRoot } from '../sequence/gpx/gpx-root';
import { fixCode, TrackPointsBuilder } from './track-points';
import type { TrackPoints } from './track-points';
import { DoctypeGuard } from '../sequence/gpx/doctype-guard';

/** As the check's reader: real GPX nests about six deep. */
const maxDepth = 256;
/** A time, an elevation or a fix is short; longer text is cut (and then refused as a time). */
const maxText = 256;

type TextTarget = 'time' | 'ele' | 'fix';
interface OpenPoint {
  lat: number;
  lon: number;
  time?: string;
  ele: number;
  fix: number;
}

/**
 * Reads the track points of a GPX (position, time, elevation, fix, segment) into
 * column arrays, with the same safety as the check's reader (GpxSaxReader): a DOCTYPE
 * is refused at once, so no entity is ever expanded, and elements of other namespaces
 * (extensions) are skipped. A fault throws the UploadError the check would give.
 */
export class TrackSaxReader {
  private readonly parser = new SaxesParser({ xmlns: true });
  private readonly points = new TrackPointsBuilder();
  private readonly stack: string[] = [];
  private rootUri: string | undefined;
  private readonly doctype = new DoctypeGuard();
  private point: OpenPoint | undefined;
  private target: TextTarget | undefined;
  private targetDepth = 0;
  private text = '';
  /** -1 until the first `<trk>` or `<trkseg>`: the first one opens segment 0. */
  private segment = -1;
  private pointsInSegment = 0;

  constructor(private readonly path: string) {
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

  /** Ends the document and returns its track points. */
  end(): TrackPoints {
    try {
      this.parser.close();
    } catch (error) {
      throw this.notWellFormed(error, true);
    }
    return this.points.finish();
  }

  private doctypeError(): UploadError {
    return invalidGpx(
      this.path,
      `${fileLabel(this.path)} contains a DOCTYPE declaration, which GPX files never have; it is refused so that nothing it declares is ever expanded.`,
    );
  }

  private notWellFormed(error: unknown, atEnd: boolean): unknown {
    if (isUploadError(error) || !(error instanceof Error)) return error;
    const { line, column } = this.parser;
    const stage = this.rootUri === undefined ? 'before-root' : atEnd ? 'at-end' : { line, column };
    return xmlFault(this.path, error.message, stage);
  }

  private open(tag: SaxesTagNS): void {
    if (this.stack.length >= maxDepth) {
      throw invalidGpx(
        this.path,
        `${fileLabel(this.path)} is not a GPX file: its elements nest far too deep.`,
      );
    }
    if (this.rootUri === undefined) {
      this.rootUri = readGpxRoot(this.path, tag).uri;
      this.stack.push('gpx');
      return;
    }
    const parent = this.stack[this.stack.length - 1];
    const local = tag.uri === this.rootUri ? tag.local : '';
    this.stack.push(local);
    switch (local) {
      case 'trk':
      case 'trkseg':
        return this.startSegment();
      case 'trkpt':
        return this.openPoint(tag);
      case 'time':
      case 'ele':
      case 'fix':
        if (this.point !== undefined && parent === 'trkpt') this.collect(local);
        return;
    }
  }

  /** A new segment, except for the `<trkseg>` that opens a `<trk>` before any point. */
  private startSegment(): void {
    if (this.segment >= 0 && this.pointsInSegment === 0) return;
    this.segment++;
    this.pointsInSegment = 0;
  }

  private openPoint(tag: SaxesTagNS): void {
    const position = readPosition(tag.attributes);
    if ('problem' in position) return this.fault(position.problem);
    this.point = { lat: position.lat, lon: position.lon, ele: Number.NaN, fix: 0 };
  }

  private close(): void {
    const local = this.stack.pop();
    if (this.target !== undefined && this.stack.length === this.targetDepth) {
      return this.finishText();
    }
    if (local !== 'trkpt' || this.point === undefined) return;
    const point = this.point;
    this.point = undefined;
    const time = readPointTime(point.time);
    if ('problem' in time) return this.fault(time.problem);
    if (this.segment < 0) this.segment = 0;
    this.pointsInSegment++;
    this.points.add(point.lat, point.lon, time.ms, point.ele, point.fix, this.segment);
  }

  private fault(problem: string): never {
    throw invalidGpx(
      this.path,
      `Track point ${this.points.length + 1} in ${fileLabel(this.path)} ${problem}`,
    );
  }

  private collect(target: TextTarget): void {
    this.target = target;
    this.targetDepth = this.stack.length - 1;
    this.text = '';
    // Text is gathered only inside the few elements read, as in GpxSaxReader.
    this.parser.on('text', this.append);
    this.parser.on('cdata', this.append);
  }

  private readonly append = (text: string): void => {
    if (this.text.length < maxText) this.text += text.slice(0, maxText - this.text.length);
  };

  private finishText(): void {
    const { text, point } = this;
    if (point !== undefined) {
      switch (this.target) {
        case 'time':
          point.time ??= text;
          break;
        case 'ele':
          if (isElevation(text)) point.ele = Number(text);
          break;
        case 'fix':
          point.fix = fixCode(text);
          break;
      }
    }
    this.target = undefined;
    this.parser.off('text');
    this.parser.off('cdata');
  }
}
