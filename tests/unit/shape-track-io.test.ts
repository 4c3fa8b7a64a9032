import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTrackPoints } from '../../src/core/shape/read-track-points';
import { allIndices, trackFromPoints } from '../../src/core/shape/track-points';
import { decimalText, writeTrackGpx } from '../../src/core/shape/write-track-gpx';
import { checkGpx } from '../../src/core/sequence/gpx/gpx-check';
import { describeWhen, skipReasons } from '../support/skip-when';
import { pointsOf, trackArbitrary } from '../support/shape-tracks';

const fixtures = fileURLToPath(new URL('../../../shared/fixtures/mtp/', import.meta.url));
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'shape-io-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const gpx = (body: string) =>
  `<?xml version="1.0" encoding="UTF-8"?>\n<gpx version="1.1" creator="t" xmlns="http://www.topografix.com/GPX/1/1" xmlns:x="urn:x">${body}</gpx>`;

describe('readTrackPoints', () => {
  it('reads position, time, elevation, fix and segment, skipping other namespaces', async () => {
    const path = join(dir, 'fields.gpx');
    await writeFile(
      path,
      gpx(
        '<trk><trkseg>' +
          '<trkpt lat="1.5" lon="2.5"><ele>10.25</ele><time>2021-05-01T08:00:00Z</time><fix>3d</fix>' +
          '<extensions><x:time>1999-01-01T00:00:00Z</x:time></extensions></trkpt>' +
          '<trkpt lat="1.6" lon="2.6"><time>2021-05-01T10:00:01+02:00</time><fix>none</fix></trkpt>' +
          '</trkseg><trkseg><trkpt lat="1.7" lon="2.7"><time>2021-05-01T08:00:02.5Z</time></trkpt></trkseg></trk>' +
          '<trk><trkseg><trkpt lat="1.8" lon="2.8"><time>2021-05-01T08:00:03Z</time></trkpt></trkseg></trk>',
      ),
    );
    const track = await readTrackPoints(path);
    expect(track.length).toBe(4);
    expect(Array.from(track.lat)).toEqual([1.5, 1.6, 1.7, 1.8]);
    expect(Array.from(track.timeMs).map((t) => new Date(t).toISOString())).toEqual([
      '2021-05-01T08:00:00.000Z',
      '2021-05-01T08:00:01.000Z',
      '2021-05-01T08:00:02.500Z',
      '2021-05-01T08:00:03.000Z',
    ]);
    expect(track.ele[0]).toBe(10.25);
    expect(Number.isNaN(track.ele[1])).toBe(true);
    expect(Array.from(track.fix)).toEqual([3, 1, 0, 0]);
    expect(Array.from(track.segment)).toEqual([0, 0, 1, 2]);
  });

  it('refuses a DOCTYPE, so no entity is ever expanded', async () => {
    const path = join(dir, 'doctype.gpx');
    await writeFile(
      path,
      '<?xml version="1.0"?><!DOCTYPE gpx [<!ENTITY a "aaaa">]><gpx xmlns="http://www.topografix.com/GPX/1/1">&a;</gpx>',
    );
    await expect(readTrackPoints(path)).rejects.toMatchObject({
      kind: 'invalid-gpx',
      message: expect.stringContaining('DOCTYPE'),
    });
  });

  it('refuses a point without a time, naming it', async () => {
    const path = join(dir, 'untimed.gpx');
    await writeFile(
      path,
      gpx(
        '<trk><trkseg><trkpt lat="1" lon="2"><time>2021-05-01T08:00:00Z</time></trkpt><trkpt lat="1" lon="2"/></trkseg></trk>',
      ),
    );
    await expect(readTrackPoints(path)).rejects.toMatchObject({
      kind: 'invalid-gpx',
      message: expect.stringContaining('Track point 2'),
    });
  });

  it('says a missing file is not found', async () => {
    await expect(readTrackPoints(join(dir, 'absent.gpx'))).rejects.toMatchObject({
      kind: 'invalid-folder',
    });
  });
});

describeWhen(existsSync(fixtures), skipReasons.shared)(
  'readTrackPoints on the real MTP fixtures',
  () => {
    it.each([
      ['gopro2gsv-f2.gpx', 20, 1],
      ['gopro2gsv-testing-video-gpx_000001.gpx', 53, 3],
      ['gps-track-timestamper-log.gpx', 55, 1],
      ['gps-track-timestamper-log1.gpx', 55, 1],
    ])(
      'reads %s as checkGpx counts it (%i points, %i segments)',
      async (name, points, segments) => {
        const path = join(fixtures, name);
        const [track, report] = await Promise.all([readTrackPoints(path), checkGpx(path)]);
        expect(track.length).toBe(points);
        expect(report.points).toBe(points);
        expect(new Set(track.segment).size).toBe(segments);
        expect(new Date(Math.min(...track.timeMs)).toISOString()).toBe(report.startTime);
      },
    );

    it('reads GPX 1.1 without <ele> as points without elevation', async () => {
      const track = await readTrackPoints(join(fixtures, 'gps-track-timestamper-log1.gpx'));
      expect(Array.from(track.ele).every(Number.isNaN)).toBe(true);
    });

    it('writes a working copy elsewhere and leaves the sequence GPX as it was', async () => {
      const source = join(fixtures, 'gopro2gsv-testing-video-gpx_000001.gpx');
      const before = await readFile(source);
      const track = await readTrackPoints(source);
      const copy = join(dir, 'video-copy.gpx');
      await writeTrackGpx(copy, track, allIndices(track), { name: 'Video' });
      expect(await readFile(source)).toEqual(before);
      const report = await checkGpx(copy);
      expect(report).toMatchObject({ points: 53, segments: 3, version: '1.1', name: 'Video' });
    });
  },
);

describe('writeTrackGpx', () => {
  it('writes GPX that checkGpx passes and the reader reads back exactly (property)', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(trackArbitrary, async (track) => {
        const path = join(dir, `prop-${n++}.gpx`);
        await writeTrackGpx(path, track, allIndices(track));
        const back = await readTrackPoints(path);
        expect(pointsOf(back)).toEqual(pointsOf(track));
        expect(Array.from(back.segment).join()).toBe(renumber(track.segment).join());
        if (track.length >= 2) expect((await checkGpx(path)).points).toBe(track.length);
        await rm(path);
      }),
      { numRuns: 40 },
    );
  });

  it('writes only the kept points, a new segment where they change segment, and escapes the name', async () => {
    const track = trackFromPoints([
      { lat: 1, lon: 1, timeMs: 0, segment: 0, ele: 5, fix: 'dgps' },
      { lat: 2, lon: 2, timeMs: 1000, segment: 0 },
      { lat: 3, lon: 3, timeMs: 2000, segment: 1 },
      { lat: 4, lon: 4, timeMs: 3000, segment: 1 },
    ]);
    const path = join(dir, 'kept.gpx');
    await writeTrackGpx(path, track, Uint32Array.from([0, 2, 3]), { name: 'Home & <away>' });
    const text = await readFile(path, 'utf8');
    expect(text.match(/<trkseg>/g)).toHaveLength(2);
    expect(text).toContain(
      '<trkpt lat="1" lon="1"><ele>5</ele><time>1970-01-01T00:00:00Z</time><fix>dgps</fix></trkpt>',
    );
    expect(text).not.toContain('lat="2"');
    expect(text).toContain('<name>Home &#38; &#60;away&#62;</name>');
    const report = await checkGpx(path);
    expect(report).toMatchObject({ points: 3, segments: 2, name: 'Home & <away>' });
    expect(await readdir(dir)).not.toContainEqual(expect.stringContaining('.partial'));
  });

  it('replaces an older working copy whole, and leaves no temporary file when it fails', async () => {
    const track = trackFromPoints([
      { lat: 1, lon: 1, timeMs: 0 },
      { lat: 2, lon: 2, timeMs: 60_000 },
    ]);
    const path = join(dir, 'again.gpx');
    await writeFile(path, 'old');
    await writeTrackGpx(path, track, allIndices(track));
    expect((await checkGpx(path)).points).toBe(2);
    const missing = join(dir, 'no-such-folder', 'copy.gpx');
    await expect(writeTrackGpx(missing, track, allIndices(track))).rejects.toMatchObject({
      kind: 'invalid-folder',
    });
    expect((await readdir(dir)).filter((f) => f.endsWith('.partial'))).toEqual([]);
  });

  it('never writes numbers in exponent form, which xsd:decimal refuses', () => {
    expect(decimalText(1e-7)).toBe('0.0000001');
    expect(decimalText(-2.5e-10)).toBe('-0.00000000025');
    expect(decimalText(-5e-324)).toBe('0');
    expect(decimalText(45.123456789)).toBe('45.123456789');
  });
});

/** Segment numbers as the reader gives them back: counted from 0, one per change. */
function renumber(segments: Uint32Array): number[] {
  const out: number[] = [];
  let n = -1;
  for (let i = 0; i < segments.length; i++) {
    if (i === 0 || segments[i] !== segments[i - 1]) n++;
    out.push(n);
  }
  return out;
}
