import { join } from 'node:path';
import { writeGpxFile } from '../support/generate-gpx';
import type { CorpusCase } from './corpus-case';
import { folderWith, plainTrack, startFor } from './corpus-case';
import { gpx10, gpxDoc, isoAt, trkpt, walkPoint, walkPoints } from './gpx-builders';

/** A refused plain folder whose track is a good walk with `points` in it. */
const refusedPoints = (name: string, points: () => string[], says: RegExp): CorpusCase => ({
  name,
  make: async (parent) => ({
    path: await plainTrack(parent, name, gpxDoc(points())),
    expect: { file: `${name}.gpx`, says },
  }),
});

/** An accepted plain folder holding `content`; `says` is a warning the preview must show. */
const acceptedTrack = (
  name: string,
  content: (start: number) => string,
  says?: RegExp,
): CorpusCase => ({
  name,
  make: async (parent) => ({
    path: await plainTrack(parent, name, content(startFor(name))),
    expect: says === undefined ? { accepted: true } : { accepted: true, says },
  }),
});

/** Good points, with point `at` (from 1) replaced by `bad`. */
function withBad(name: string, count: number, at: number, bad: string): string[] {
  const points = walkPoints(startFor(name), count);
  points[at - 1] = bad;
  return points;
}

const hugeLatitude = (): string =>
  `<trkpt lat="${'1'.repeat(5 * 1024 * 1024)}" lon="1"><time>2021-05-01T08:00:02Z</time></trkpt>`;

/** Points Strava would refuse, and odd tracks it takes (which must upload). */
export const pointCases: CorpusCase[] = [
  refusedPoints(
    'no-time-at-all',
    () =>
      walkPoints(
        startFor('none'),
        20,
        Array.from({ length: 20 }, (_, i) => i + 1),
      ),
    /Track point 1 in "no-time-at-all\.gpx" has no time; Strava needs a time on every point/,
  ),
  refusedPoints(
    'one-point-without-time',
    () => walkPoints(startFor('one'), 5000, [3172]),
    /Track point 3172 in "one-point-without-time\.gpx" has no time/,
  ),
  refusedPoints(
    'single-point',
    () => walkPoints(startFor('single'), 1),
    /has only 1 track point; Strava needs at least 2 points with a time/,
  ),
  refusedPoints('zero-points', () => [], /has no track points; Strava needs at least 2 points/),
  refusedPoints(
    'lat-out-of-range',
    () => withBad('lat', 12, 7, trkpt('91.5', '-16.6', '<time>2021-05-01T08:00:06Z</time>')),
    /Track point 7 in "lat-out-of-range\.gpx" has no valid latitude \(lat="91\.5"\); it must be a number from -90 to 90/,
  ),
  refusedPoints(
    'lon-out-of-range',
    () => withBad('lon', 12, 3, trkpt('28.3', '-180.5', '<time>2021-05-01T08:00:02Z</time>')),
    /Track point 3 in "lon-out-of-range\.gpx" has no valid longitude \(lon="-180\.5"\)/,
  ),
  refusedPoints(
    'lat-not-a-number',
    () => withBad('nan', 12, 2, trkpt('north', '-16.6', '<time>2021-05-01T08:00:01Z</time>')),
    /Track point 2 in "lat-not-a-number\.gpx" has no valid latitude \(lat="north"\)/,
  ),
  refusedPoints(
    'enormous-attribute-5mb',
    () => withBad('huge-attr', 6, 3, hugeLatitude()),
    /Track point 3 in "enormous-attribute-5mb\.gpx" has no valid latitude \(lat="1{40}…"\)/,
  ),
  refusedPoints(
    'unreadable-time',
    () => withBad('time', 6, 4, trkpt('28.3', '-16.6', '<time>yesterday</time>')),
    /Track point 4 in "unreadable-time\.gpx" has a time Strava cannot read \("yesterday"\)/,
  ),
  refusedPoints(
    'impossible-date',
    () => withBad('feb', 6, 2, trkpt('28.3', '-16.6', '<time>2021-02-30T08:00:00Z</time>')),
    /Track point 2 in "impossible-date\.gpx" has a time Strava cannot read/,
  ),
  acceptedTrack(
    'times-backwards',
    (start) =>
      gpxDoc(
        [0, 1, 2, 3, 2, 1, 4, 5].map((s, i) =>
          trkpt(28.29 + i * 1e-5, -16.62, `<time>${isoAt(start, s * 10)}</time>`),
        ),
      ),
    /earlier than the point before/,
  ),
  acceptedTrack('bom-then-valid', (start) => `\uFEFF${gpxDoc(walkPoints(start, 20))}`),
  acceptedTrack('gpx-1-0', (start) =>
    gpxDoc(walkPoints(start, 20), {
      root: `<gpx version="1.0" creator="corpus" xmlns="${gpx10}">`,
    }),
  ),
  acceptedTrack('time-offsets', (start) =>
    gpxDoc(
      Array.from({ length: 20 }, (_, i) => {
        const local = new Date(start + i * 1000 + 2 * 3600_000).toISOString().slice(0, 19);
        return trkpt(28.29 + i * 1e-5, -16.62, `<time>${local}+02:00</time>`);
      }),
    ),
  ),
  acceptedTrack(
    'times-without-zone',
    (start) => gpxDoc(walkPoints(start, 20).map((p) => p.replace(/Z<\/time>/, '</time>'))),
    /without a time zone; they are read as UTC/,
  ),
  acceptedTrack('prefixed-namespace', (start) =>
    gpxDoc(walkPoints(start, 20), {
      root: `<gpx:gpx version="1.1" creator="corpus" xmlns:gpx="http://www.topografix.com/GPX/1/1">`,
    })
      .replace(/<(\/?)(trk|trkseg|trkpt|name|ele|time)\b/g, '<$1gpx:$2')
      .replace('</gpx>', '</gpx:gpx>'),
  ),
  acceptedTrack('extension-with-own-time', (start) =>
    gpxDoc(
      walkPoints(start, 20).map((p) =>
        p.replace(
          '</trkpt>',
          '<extensions><x:time xmlns:x="urn:corpus">soon</x:time></extensions></trkpt>',
        ),
      ),
    ),
  ),
  {
    name: 'huge-30mb',
    make: async (parent) => {
      const folder = await folderWith(parent, 'huge-30mb');
      // A generated point takes about 105 bytes: 300,000 make a little over 30 MiB.
      await writeGpxFile(join(folder, 'huge-30mb.gpx'), {
        points: 300_000,
        start: startFor('huge-30mb'),
        name: 'huge-30mb',
      });
      return { path: folder, expect: { accepted: true } };
    },
  },
  acceptedTrack('two-points-exactly', (start) =>
    gpxDoc([walkPoint(start, 0), walkPoint(start, 1)]),
  ),
];
