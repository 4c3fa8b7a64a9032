import { existsSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeWhen, skipReasons } from '../support/skip-when';
import { checkGpx } from '../../src/core/sequence/gpx/gpx-check';
import { gpxText, writeGpxFile } from '../support/generate-gpx';

const fixtures = fileURLToPath(new URL('../../../shared/fixtures/mtp/', import.meta.url));
const haveFixtures = existsSync(fixtures);

describeWhen(haveFixtures, skipReasons.shared)('checkGpx on the real MTP fixtures', () => {
  const fixture = (name: string) => join(fixtures, name);

  it('reads GPX 1.1 with a 61 s gap (gopro2gsv-f2.gpx)', async () => {
    const report = await checkGpx(fixture('gopro2gsv-f2.gpx'));
    expect(report).toMatchObject({
      version: '1.1',
      creator: 'gpx.py -- https://github.com/tkrajina/gpxpy',
      tracks: 1,
      segments: 1,
      points: 20,
      startTime: '2020-02-03T12:32:10.000Z',
      endTime: '2020-02-03T12:33:29.000Z',
      durationS: 79,
      hasElevation: true,
      gaps: [{ afterPoint: 10, seconds: 61 }],
      gapCount: 1,
      backwardsTimes: 0,
      repeatedTimes: 0,
      pointKind: 'trkpt',
    });
    expect(report.bytes).toBe(3237);
    expect(report.shape).toHaveLength(20);
    expect(report.warnings.join(' ')).toContain('61 s after point 10');
  });

  it('passes the 3-segment GPX 1.0 with repeated and backwards millisecond times, with warnings', async () => {
    const report = await checkGpx(fixture('gopro2gsv-testing-video-gpx_000001.gpx'));
    expect(report).toMatchObject({
      version: '1.0',
      tracks: 1,
      segments: 3,
      points: 53,
      startTime: '2021-09-04T07:25:17.352Z',
      endTime: '2021-09-04T07:25:19.352Z',
      durationS: 2,
      gapCount: 0,
      // Points 23, 31 and 53 jump back; the first points of segments 2 and 3 are not counted.
      backwardsTimes: 3,
      // Everything after segment 1 (points 12 to 53) repeats times already reached, but 11 points.
      repeatedTimes: 42,
    });
    expect(report.warnings).toEqual([
      expect.stringContaining(
        '3 points have a time earlier than the point before (first: point 23)',
      ),
      expect.stringContaining(
        '42 points repeat times the track had already reached (first: point 12)',
      ),
    ]);
  });

  it('reads the ExifTool GPX 1.0 (55 points, 5 s apart, with elevation)', async () => {
    const report = await checkGpx(fixture('gps-track-timestamper-log.gpx'));
    expect(report).toMatchObject({
      version: '1.0',
      creator: 'ExifTool 11.99',
      tracks: 1,
      segments: 1,
      points: 55,
      startTime: '2019-11-23T10:34:48.000Z',
      endTime: '2019-11-23T10:39:18.000Z',
      durationS: 270,
      hasElevation: true,
      gapCount: 0,
      warnings: [],
    });
    expect(report.distanceM).toBeGreaterThan(300);
    expect(report.distanceM).toBeLessThan(450);
  });

  it('reads log1.gpx (no <ele>) as the same track 100 s earlier, warning about elevation', async () => {
    const withEle = await checkGpx(fixture('gps-track-timestamper-log.gpx'));
    const report = await checkGpx(fixture('gps-track-timestamper-log1.gpx'));
    expect(report).toMatchObject({
      version: '1.1',
      points: 55,
      hasElevation: false,
      durationS: 270,
    });
    expect(Date.parse(report.startTime ?? '')).toBe(Date.parse(withEle.startTime ?? '') - 100_000);
    expect(report.distanceM).toBeCloseTo(withEle.distanceM, 6);
    expect(report.shape).toEqual(withEle.shape);
    expect(report.warnings).toEqual([expect.stringContaining('no elevation')]);
  });

  it('lists every pause above a smaller gap threshold, but not one exactly at it', async () => {
    const report = await checkGpx(fixture('gps-track-timestamper-log.gpx'), { gapSeconds: 4 });
    // 54 intervals: 52 of 5 s, one of 6 s and one of exactly 4 s, which is no gap.
    expect(report.gapCount).toBe(53);
    expect(report.gaps[0]).toEqual({ afterPoint: 1, seconds: 5 });
  });
});

describe('checkGpx on generated tracks', () => {
  let dir = '';
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'gpx-check-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  const file = async (name: string, text: string) => {
    const path = join(dir, name);
    await writeFile(path, text);
    return path;
  };

  /** The generator's own coordinates (tests/support/generate-gpx.ts), measured independently. */
  const expectedDistance = (points: number): number => {
    const coords = Array.from({ length: points }, (_, i) => [
      Number((28.2916 + i * 0.00001).toFixed(7)),
      Number((-16.6291 + Math.sin(i / 500) * 0.001).toFixed(7)),
    ]);
    const rad = (d: number) => (d * Math.PI) / 180;
    let sum = 0;
    for (let i = 1; i < coords.length; i++) {
      const [la1, lo1] = coords[i - 1] as [number, number];
      const [la2, lo2] = coords[i] as [number, number];
      const h =
        Math.sin(rad(la2 - la1) / 2) ** 2 +
        Math.cos(rad(la1)) * Math.cos(rad(la2)) * Math.sin(rad(lo2 - lo1) / 2) ** 2;
      sum += 2 * 6_371_000 * Math.asin(Math.sqrt(h));
    }
    return sum;
  };

  it('measures distance within 1% of the haversine sum, the duration, and a 64-point shape', async () => {
    const path = join(dir, 'hour.gpx');
    await writeGpxFile(path, { points: 3600, name: 'An hour' });
    const report = await checkGpx(path);
    const expected = expectedDistance(3600);
    expect(Math.abs(report.distanceM - expected) / expected).toBeLessThan(0.01);
    expect(report).toMatchObject({
      name: 'An hour',
      version: '1.1',
      points: 3600,
      durationS: 3599,
      startTime: '2021-05-01T08:00:00.000Z',
      hasElevation: true,
      gapCount: 0,
      warnings: [],
    });
    expect(report.shape).toHaveLength(64);
    expect(report.shape[0]).toEqual([28.2916, -16.6291]);
    const lastLat = Number((28.2916 + 3599 * 0.00001).toFixed(7));
    expect(report.shape[63]?.[0]).toBeCloseTo(lastLat, 7);
  });

  it('samples the shape evenly over a long track', async () => {
    const points = 20_000;
    const path = join(dir, 'long.gpx');
    await writeGpxFile(path, { points, intervalS: 2 });
    const report = await checkGpx(path, { shapePoints: 50 });
    expect(report.durationS).toBe((points - 1) * 2);
    expect(report.shape).toHaveLength(50);
    const indices = report.shape.map(([lat]) => Math.round((lat - 28.2916) / 0.00001));
    expect(indices[0]).toBe(0);
    expect(indices[49]).toBe(points - 1);
    const ideal = (points - 1) / 49;
    for (let i = 1; i < indices.length; i++) {
      const step = (indices[i] as number) - (indices[i - 1] as number);
      expect(step).toBeGreaterThan(ideal / 2);
      expect(step).toBeLessThan(ideal * 2);
    }
  });

  it('honours shapePoints 0 and small tracks', async () => {
    const path = await file('three.gpx', gpxText({ points: 3 }));
    expect((await checkGpx(path, { shapePoints: 0 })).shape).toEqual([]);
    expect((await checkGpx(path)).shape).toHaveLength(3);
  });

  it('lists at most 100 gaps but counts them all', async () => {
    const path = await file('sparse.gpx', gpxText({ points: 151, intervalS: 60 }));
    const report = await checkGpx(path);
    expect(report.gapCount).toBe(150);
    expect(report.gaps).toHaveLength(100);
    expect(report.gaps[99]).toEqual({ afterPoint: 100, seconds: 60 });
    expect(report.warnings[0]).toContain('150 pauses longer than 30 s');
  });

  it('reads the optional parts of GPX: offsets, no zone, CDATA, entities, BOM, no namespace', async () => {
    const text = `\uFEFF<?xml version="1.0"?>
<gpx version="1.1" creator="a &amp; b"><metadata><name>Caf&#xE9; &amp; walk</name></metadata>
<trk><name>ignored</name><trkseg>
<trkpt lat="10" lon="20"><time>2021-05-01T10:00:00+02:00</time></trkpt>
<trkpt lat="10.001" lon="20.001"><time><![CDATA[2021-05-01T08:00:05.5Z]]></time></trkpt>
<trkpt lat="10.002" lon="20.002"><ele>12</ele><time> 2021-05-01T08:00:07 </time></trkpt>
</trkseg></trk></gpx>`;
    const report = await checkGpx(await file('odd.gpx', text));
    expect(report).toMatchObject({
      version: '1.1',
      creator: 'a & b',
      name: 'Café & walk',
      points: 3,
      startTime: '2021-05-01T08:00:00.000Z',
      endTime: '2021-05-01T08:00:07.000Z',
      durationS: 7,
      hasElevation: true,
    });
    expect(report.warnings).toEqual([
      '2 points have no elevation.',
      '1 point has a time without a time zone; they are read as UTC, as GPX requires.',
    ]);
  });

  it('says "unknown" for a namespace-less file without a version, and takes the track name', async () => {
    const text = gpxText({ points: 2, name: 'Track name' })
      .replace(' version="1.1"', '')
      .replace(' xmlns="http://www.topografix.com/GPX/1/1"', '');
    const report = await checkGpx(await file('bare.gpx', text));
    expect(report).toMatchObject({ version: 'unknown', name: 'Track name', points: 2 });
  });

  it('counts a time equal to the previous one as repeated, not backwards', async () => {
    const text = gpxText({ points: 4 }).replace('08:00:02Z', '08:00:01Z');
    const report = await checkGpx(await file('same.gpx', text));
    expect(report).toMatchObject({ repeatedTimes: 1, backwardsTimes: 0, durationS: 3 });
  });

  it('ignores a time in a foreign-namespace extension', async () => {
    const text = `<gpx xmlns="http://www.topografix.com/GPX/1/1" xmlns:x="urn:x"><trk><trkseg>
<trkpt lat="1" lon="1"><time>2021-05-01T08:00:00Z</time><extensions><x:time>bad</x:time><time>2000-01-01T00:00:00Z</time></extensions></trkpt>
<trkpt lat="1" lon="1.0001"><time>2021-05-01T08:00:01Z</time></trkpt></trkseg></trk></gpx>`;
    const report = await checkGpx(await file('ext.gpx', text));
    expect(report).toMatchObject({ points: 2, startTime: '2021-05-01T08:00:00.000Z' });
  });

  it('refuses a planned route without a recorded track, before anything is sent', async () => {
    const text = `<gpx xmlns="http://www.topografix.com/GPX/1/0" version="1.0"><rte>
<rtept lat="1" lon="1"><time>2021-05-01T08:00:00Z</time></rtept>
<rtept lat="1.001" lon="1"><time>2021-05-01T08:00:10Z</time></rtept></rte></gpx>`;
    await expect(checkGpx(await file('route.gpx', text))).rejects.toMatchObject({
      kind: 'invalid-gpx',
      message: expect.stringMatching(/"route\.gpx" holds a planned route/),
    });
  });

  it('ignores route points (even bad ones) when there are track points', async () => {
    const text = gpxText({ points: 2 }).replace(
      '</gpx>',
      '<rte><rtept lat="1" lon="1"/></rte></gpx>',
    );
    const report = await checkGpx(await file('both.gpx', text));
    expect(report).toMatchObject({ pointKind: 'trkpt', points: 2 });
  });
});
