import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { CorpusCase } from './corpus-case';
import { folderWith, plainTrack, seededBytes, startFor } from './corpus-case';
import { goodGpx, gpxDoc, walkPoints } from './gpx-builders';

/** A refused plain folder `name/` whose track `name.gpx` holds `content`. */
const refusedTrack = (
  name: string,
  content: () => string | Buffer,
  says: RegExp,
  knownGap?: string,
): CorpusCase => ({
  name,
  ...(knownGap === undefined ? {} : { knownGap }),
  make: async (parent) => ({
    path: await plainTrack(parent, name, content()),
    expect: { file: `${name}.gpx`, says },
  }),
});

/** Nine levels of ten: 10^9 "lol"s if anything ever expanded it. */
function billionLaughs(): string {
  const entities = ['<!ENTITY lol "lol">'];
  for (let i = 1; i <= 9; i++) {
    const prev = i === 1 ? 'lol' : `lol${i - 1}`;
    entities.push(`<!ENTITY lol${i} "${`&${prev};`.repeat(10)}">`);
  }
  const body = gpxDoc(walkPoints(startFor('lol'), 5), { prolog: '' }).replace(
    'Corpus track',
    '&lol9;',
  );
  return `<?xml version="1.0"?>\n<!DOCTYPE gpx [\n${entities.join('\n')}\n]>\n${body}`;
}

const xxe = (): string =>
  gpxDoc(walkPoints(startFor('xxe'), 5), {
    prolog: '<?xml version="1.0"?>\n<!DOCTYPE gpx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n',
  }).replace('Corpus track', '&xxe;');

const kml = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document><Placemark><name>Walk</name>
<LineString><coordinates>-16.6291,28.2916,0 -16.6290,28.2917,0</coordinates></LineString>
</Placemark></Document></kml>
`;

/** A good track cut at the first occurrence of `marker`, plus `extra` characters. */
function cutAt(marker: string, extra: number): string {
  const text = goodGpx(startFor('cut'), 40);
  const at = text.indexOf(marker, text.length / 2);
  return text.slice(0, at + extra);
}

/** Bad XML: files that are not GPX, are damaged, or try to make the parser do harm. */
export const xmlCases: CorpusCase[] = [
  refusedTrack('empty-gpx', () => '', /is empty; Strava needs a track with timed points/),
  {
    name: 'dot-gpx-empty',
    make: async (parent) => ({
      path: await folderWith(parent, 'dot-gpx-empty', { '.gpx': '' }),
      expect: { file: '".gpx"', says: /is empty/ },
    }),
  },
  refusedTrack('binary-bytes', () => seededBytes(256 * 1024, 7), /does not read as XML/),
  refusedTrack('whitespace-only', () => ' \n\t\n  \n', /does not read as XML/),
  refusedTrack(
    'plain-text',
    () => 'lat 28.29 lon -16.62 at 08:00\nlat 28.30 lon -16.63 at 08:01\n',
    /is not a GPX file/,
  ),
  refusedTrack('truncated-mid-element', () => cutAt('<trkpt', 4), /looks cut short/),
  refusedTrack('truncated-mid-attribute', () => cutAt('lat="', 7), /looks cut short/),
  refusedTrack(
    'binary-after-good-start',
    () =>
      Buffer.concat([
        Buffer.from(goodGpx(startFor('bin'), 40).slice(0, 900)),
        seededBytes(4096, 3).fill(0, 0, 4),
      ]),
    /is damaged: its XML breaks at line \d+, column \d+/,
  ),
  refusedTrack(
    'mismatched-tags',
    () => gpxDoc([...walkPoints(startFor('tags'), 3), '<trkpt lat="1" lon="2"><time>x</trkpt>']),
    /is damaged: its XML breaks at line \d+/,
  ),
  refusedTrack(
    'undefined-entity',
    () => goodGpx(startFor('entity'), 5).replace('Corpus track', '&nope;'),
    /is damaged: its XML breaks at line \d+/,
  ),
  refusedTrack('billion-laughs', billionLaughs, /contains a DOCTYPE declaration/),
  refusedTrack('xxe-etc-passwd', xxe, /contains a DOCTYPE declaration/),
  refusedTrack(
    'external-dtd',
    () =>
      goodGpx(startFor('dtd'), 5).replace(
        '?>\n',
        '?>\n<!DOCTYPE gpx SYSTEM "file:///etc/passwd">\n',
      ),
    /contains a DOCTYPE declaration/,
  ),
  refusedTrack(
    'doctype-only',
    () => '<?xml version="1.0"?>\n<!DOCTYPE gpx>\n',
    /contains a DOCTYPE declaration/,
  ),
  refusedTrack(
    'endless-doctype',
    () => `<?xml version="1.0"?>\n<!DOCTYPE gpx [\n${'<!-- padding -->\n'.repeat(200_000)}`,
    /contains a DOCTYPE declaration/,
  ),
  refusedTrack(
    'foreign-namespace',
    () =>
      gpxDoc(walkPoints(startFor('ns'), 5), {
        root: '<gpx version="1.1" xmlns="http://example.com/not-gpx">',
      }),
    /is not GPX 1\.0 or 1\.1: its namespace is http:\/\/example\.com\/not-gpx/,
  ),
  refusedTrack('kml-renamed', () => kml, /its root element is <kml>, not <gpx>/),
  refusedTrack(
    'deep-nesting-10000',
    () =>
      `<?xml version="1.0"?>\n<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><extensions>${'<a>'.repeat(10_000)}${'</a>'.repeat(10_000)}</extensions></gpx>\n`,
    /its elements nest far too deep/,
  ),
  {
    name: 'utf16-gpx',
    make: async (parent) => {
      const folder = await folderWith(parent, 'utf16-gpx');
      const text = goodGpx(startFor('utf16'), 10).replace('UTF-8', 'UTF-16');
      await writeFile(join(folder, 'utf16-gpx.gpx'), Buffer.from(`\uFEFF${text}`, 'utf16le'));
      return { path: folder, expect: { file: 'utf16-gpx.gpx', says: /UTF-16|encod/i } };
    },
  },
];
