import { randomBytes } from 'node:crypto';
import { chmod, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { refusalSchema, runAsNobody, runningAsRoot } from '../support/as-nobody';
import type { UploadError } from '../../src/core/errors/upload-error';
import { isUploadError } from '../../src/core/errors/upload-error';
import { checkGpx } from '../../src/core/sequence/gpx/gpx-check';
import { gpxText } from '../support/generate-gpx';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gpx-reject-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const file = async (name: string, content: string | Buffer) => {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
};

/** The UploadError checkGpx rejects with (fails the test if it resolves). */
const rejection = async (path: string, options?: Parameters<typeof checkGpx>[1]) => {
  const error: unknown = await checkGpx(path, options).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isUploadError(error)).toBe(true);
  return error as UploadError;
};

/** A refused track: kind invalid-gpx, never retried, the file named in the message. */
const refused = async (name: string, content: string | Buffer) => {
  const error = await rejection(await file(name, content));
  expect(error.kind).toBe('invalid-gpx');
  expect(error.retryable).toBe(false);
  expect(error.message).toContain(`"${name}"`);
  return error;
};

const point = (lat: string, lon: string, inner: string) =>
  `<trkpt lat="${lat}" lon="${lon}">${inner}</trkpt>`;
const track = (...points: string[]) =>
  `<?xml version="1.0"?><gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><trk><trkseg>${points.join('\n')}</trkseg></trk></gpx>`;
const timed = (second: number) =>
  `<time>2021-05-01T08:00:${String(second).padStart(2, '0')}Z</time>`;

describe('checkGpx refuses what Strava would refuse', () => {
  it.each([
    ['a small file, read whole', 10],
    ['a large file, streamed', 3000],
  ])('UTF-16 text: %s', async (_case, points) => {
    const text = gpxText({ points }).replace('UTF-8', 'UTF-16');
    const error = await refused(`utf16-${points}.gpx`, Buffer.from(`\uFEFF${text}`, 'utf16le'));
    expect(error.message).toMatch(/saved as UTF-16 text/);
  });

  it('an empty file', async () => {
    expect((await refused('empty.gpx', '')).message).toContain('is empty');
  });

  it('a file of whitespace', async () => {
    expect((await refused('blank.gpx', '  \n\n  ')).message).toContain('does not read as XML');
  });

  it('plain text', async () => {
    expect((await refused('notes.gpx', 'lat 28.1 lon -16.2\n')).message).toContain(
      'not a GPX file',
    );
  });

  it('binary bytes named .gpx', async () => {
    const bytes = Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0]),
      randomBytes(256 * 1024),
    ]);
    expect((await refused('photo.gpx', bytes)).message).toContain('does not read as XML');
  });

  it('binary bytes after a good start', async () => {
    const text = gpxText({ points: 50 });
    const bytes = Buffer.concat([
      Buffer.from(text.slice(0, 1000)),
      randomBytes(64 * 1024).fill(0, 0, 8),
    ]);
    expect((await refused('corrupt.gpx', bytes)).message).toMatch(
      /is damaged: its XML breaks at line \d+/,
    );
  });

  it('a truncated file', async () => {
    const text = gpxText({ points: 100 });
    const error = await refused('cut.gpx', text.slice(0, Math.floor(text.length / 2)));
    expect(error.message).toContain('cut short');
  });

  it('mismatched tags', async () => {
    const text = track(point('1', '1', timed(0)), '<trkpt lat="1" lon="2"><time>x</trkpt>');
    expect((await refused('tags.gpx', text)).message).toContain('is damaged');
  });

  it('a root element that is not gpx', async () => {
    const kml =
      '<?xml version="1.0"?><kml xmlns="http://www.opengis.net/kml/2.2"><Document/></kml>';
    expect((await refused('map.gpx', kml)).message).toContain(
      'its root element is <kml>, not <gpx>',
    );
  });

  it('a gpx root in a foreign namespace', async () => {
    const text = track(point('1', '1', timed(0)), point('1', '2', timed(1))).replace(
      'http://www.topografix.com/GPX/1/1',
      'http://example.com/not-gpx',
    );
    expect((await refused('odd-ns.gpx', text)).message).toContain('is not GPX 1.0 or 1.1');
  });

  it('any DOCTYPE, even a harmless one', async () => {
    const text = gpxText({ points: 3 }).replace('?>\n', '?>\n<!DOCTYPE gpx>\n');
    expect((await refused('doctype.gpx', text)).message).toContain('DOCTYPE');
  });

  it('a billion-laughs entity bomb, without expanding it', async () => {
    const entities = ['<!ENTITY lol "lol">'];
    for (let i = 1; i <= 9; i++) {
      const prev = i === 1 ? 'lol' : `lol${i - 1}`;
      entities.push(`<!ENTITY lol${i} "${`&${prev};`.repeat(10)}">`);
    }
    const text = `<?xml version="1.0"?>\n<!DOCTYPE gpx [\n${entities.join('\n')}\n]>\n${gpxText({ points: 3 }).split('\n').slice(1).join('\n').replace('Generated track', '&lol9;')}`;
    const error = await refused('lol.gpx', text);
    expect(error.message).toContain('DOCTYPE');
    expect(JSON.stringify(error)).not.toContain('lollol');
  });

  it('an external entity (XXE), never reading the file it names', async () => {
    const text = `<?xml version="1.0"?>\n<!DOCTYPE gpx [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>\n<gpx version="1.1" xmlns="http://www.topografix.com/GPX/1/1"><metadata><name>&xxe;</name></metadata><trk><trkseg>${point('1', '1', timed(0))}${point('1', '2', timed(1))}</trkseg></trk></gpx>`;
    const error = await refused('xxe.gpx', text);
    expect(error.message).toContain('DOCTYPE');
    for (const said of [
      error.message,
      error.detail ?? '',
      JSON.stringify(error),
      String(error.cause),
    ]) {
      expect(said).not.toContain('root:');
    }
  });

  it('an external DTD', async () => {
    const text = gpxText({ points: 3 }).replace(
      '?>\n',
      '?>\n<!DOCTYPE gpx SYSTEM "file:///etc/passwd">\n',
    );
    const error = await refused('dtd.gpx', text);
    expect(error.message).toContain('DOCTYPE');
    expect(JSON.stringify(error)).not.toContain('root:');
  });

  it('a DOCTYPE that never ends, refused before it is read whole', async () => {
    const text = `<?xml version="1.0"?>\n<!DOCTYPE gpx [\n${'<!-- padding -->\n'.repeat(200_000)}`;
    expect((await refused('endless.gpx', text)).message).toContain('DOCTYPE');
  });

  it('an undefined entity', async () => {
    const text = gpxText({ points: 3 }).replace('Generated track', '&nope;');
    expect((await refused('entity.gpx', text)).message).toContain('is damaged');
  });

  it('a track point without a time, naming the point and the file', async () => {
    const text = track(
      point('1', '1', timed(0)),
      point('1', '2', timed(1)),
      point('1', '3', '<ele>3</ele>'),
    );
    const error = await refused('walk.gpx', text);
    expect(error.message).toBe(
      'Track point 3 in "walk.gpx" has no time; Strava needs a time on every point.',
    );
  });

  it('a track point with a time Strava cannot read', async () => {
    const text = track(point('1', '1', timed(0)), point('1', '2', '<time>yesterday</time>'));
    const error = await refused('late.gpx', text);
    expect(error.message).toContain(
      'Track point 2 in "late.gpx" has a time Strava cannot read ("yesterday")',
    );
  });

  it('a track point with an empty time', async () => {
    const text = track(point('1', '1', '<time/>'), point('1', '2', timed(1)));
    expect((await refused('void.gpx', text)).message).toContain('Track point 1 in "void.gpx"');
  });

  it('a track point with an impossible date', async () => {
    const text = track(
      point('1', '1', timed(0)),
      point('1', '2', '<time>2021-02-30T08:00:00Z</time>'),
    );
    expect((await refused('feb.gpx', text)).message).toContain('Track point 2');
  });

  it.each([
    ['a latitude above 90', '91', '1', 'latitude'],
    ['a missing latitude', '', '1', 'latitude'],
    ['a longitude that is not a number', '1', 'abc', 'longitude'],
    ['a longitude below -180', '1', '-180.5', 'longitude'],
    ['an infinite latitude', 'Infinity', '1', 'latitude'],
  ])('%s', async (_, lat, lon, which) => {
    const bad = lat === '' ? `<trkpt lon="${lon}">${timed(1)}</trkpt>` : point(lat, lon, timed(1));
    const error = await refused('pos.gpx', track(point('1', '1', timed(0)), bad));
    expect(error.message).toContain(`Track point 2 in "pos.gpx" has no valid ${which}`);
  });

  it('a single point', async () => {
    const error = await refused('one.gpx', gpxText({ points: 1 }));
    expect(error.message).toContain('has only 1 track point');
  });

  it('no points at all', async () => {
    expect((await refused('none.gpx', track())).message).toContain('has no track points');
  });

  it('a route whose point has no time, when there are no track points', async () => {
    const text = `<gpx version="1.1"><rte><rtept lat="1" lon="1"><time>2021-05-01T08:00:00Z</time></rtept><rtept lat="1" lon="2"/></rte></gpx>`;
    expect((await refused('route.gpx', text)).message).toContain(
      'Route point 2 in "route.gpx" has no time',
    );
  });

  it('elements nested absurdly deep', async () => {
    const text = `<gpx>${'<a>'.repeat(300)}${'</a>'.repeat(300)}</gpx>`;
    expect((await refused('deep.gpx', text)).message).toContain('nest far too deep');
  });
});

describe('checkGpx on files it cannot read', () => {
  it('a missing file', async () => {
    const error = await rejection(join(dir, 'gone.gpx'));
    expect(error).toMatchObject({ kind: 'invalid-folder', retryable: false });
    expect(error.message).toBe('"gone.gpx" was not found.');
  });

  it('a directory', async () => {
    const path = join(dir, 'folder.gpx');
    await mkdir(path);
    const error = await rejection(path);
    expect(error).toMatchObject({ kind: 'invalid-folder', retryable: false });
    expect(error.message).toContain('"folder.gpx" is a folder');
  });

  it('a file without read permission', async () => {
    const path = await file('locked.gpx', gpxText({ points: 3 }));
    await chmod(path, 0o000);
    // Root reads it all the same: then the check runs as `nobody`, as a user would.
    const error = runningAsRoot
      ? refusalSchema.parse(await runAsNobody('refusal-child.ts', path, 'gpx'))
      : await rejection(path);
    expect(error).toMatchObject({ kind: 'invalid-folder', retryable: false });
    expect(error.message).toContain('permission denied');
  });

  it('an aborted check', async () => {
    const path = await file('fine.gpx', gpxText({ points: 3 }));
    const error = await rejection(path, { signal: AbortSignal.abort() });
    expect(error.kind).toBe('cancelled');
  });

  it('a check aborted while it runs', async () => {
    const path = await file('big.gpx', gpxText({ points: 20_000 }));
    const controller = new AbortController();
    const pending = checkGpx(path, { signal: controller.signal });
    controller.abort();
    const error: unknown = await pending.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toMatchObject({ kind: 'cancelled' });
  });
});
