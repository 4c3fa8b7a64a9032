import { existsSync } from 'node:fs';
import { copyFile, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itWhen, skipReasons } from '../support/skip-when';
import { readSequenceFolder } from '../../src/core/sequence/folder/sequence-folder';
import { gpxText } from '../support/generate-gpx';

const sharedDir = resolve(fileURLToPath(new URL('../../', import.meta.url)), '..', 'shared');
const fixture = resolve(sharedDir, 'fixtures/mtp/guides-docs_sequence_example_pretty.json');
const haveShared = existsSync(fixture);

const gpx = gpxText({ points: 5 });
const mtpwUuid = '0b7c1c5e-6f0e-4d59-9a43-3a3c1f0e9d21';

/** A sequence file as the MTP Desktop Uploader writes it (minified), with `sequence` fields replaced. */
const sequenceJson = (sequence: Record<string, unknown> = {}): string =>
  JSON.stringify({
    sequence: {
      id: '6a6a0c88-b114-44a3-845e-816d64093ca2',
      distance_km: 1.5,
      earliest_time: '2021-05-01T08:00:00',
      latest_time: '2021-05-01T08:00:04',
      uploader_sequence_name: 'Morning Walk',
      uploader_sequence_description: 'Along the coast',
      uploader_transport_type: 'Earth',
      uploader_transport_method: 'Walk',
      uploader_tags: ['coast', ' sea '],
      created: '2021-05-01T10:00:00',
      uploader_camera: 'GoPro MAX',
      destination: {},
      ...sequence,
    },
    photo: {},
  });

let root: string;
let count = 0;

/** Makes a fresh folder `name` (inside its own parent) holding `files`. */
async function folder(name: string, files: Record<string, string>): Promise<string> {
  const parent = join(root, `case-${++count}`);
  const dir = join(parent, name);
  await mkdir(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) await writeFile(join(dir, file), text);
  return dir;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sequence-folder-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('readSequenceFolder on MTP folders', () => {
  itWhen(haveShared, skipReasons.shared)(
    'reads the real sequence file of the uploader docs',
    async () => {
      const dir = await folder('docs_sequence_example', { 'docs_sequence_example.gpx': gpx });
      await copyFile(fixture, join(dir, 'docs_sequence_example.json'));
      await mkdir(join(dir, 'final_raw'));
      expect(await readSequenceFolder(dir)).toEqual({
        folder: dir,
        name: 'Docs Sequence Example',
        description: 'Just a sample to be used in the wiki',
        transport: {
          type: 'Water',
          method: 'Paddleboard',
          mtpApi: 'Paddleboard',
          stravaSport: 'StandUpPaddling',
        },
        tags: ['docs'],
        gpxPath: join(dir, 'docs_sequence_example.gpx'),
        kind: 'mtp',
        jsonPath: join(dir, 'docs_sequence_example.json'),
        alreadyOnStrava: false,
        captureStart: '2020-04-13T15:37:22',
        captureEnd: '2020-04-13T15:37:37',
      });
    },
  );

  it('takes the MTPW id from destination.mtp, never from sequence.id', async () => {
    const dir = await folder('walk', {
      'walk.json': sequenceJson({ destination: { mtp: mtpwUuid.toUpperCase() } }),
      'walk.gpx': gpx,
    });
    const info = await readSequenceFolder(dir);
    expect(info.mtpwId).toBe(mtpwUuid);
    const without = await folder('walk', { 'walk.json': sequenceJson(), 'walk.gpx': gpx });
    expect((await readSequenceFolder(without)).mtpwId).toBeUndefined();
  });

  it('has no MTPW id once destination.mtp is true', async () => {
    const dir = await folder('walk', {
      'walk.json': sequenceJson({ destination: { mtp: true } }),
      'walk.gpx': gpx,
    });
    const info = await readSequenceFolder(dir);
    expect(info.mtpwId).toBeUndefined();
    expect(info.kind).toBe('mtp');
  });

  it('trims the name and falls back to the folder name', async () => {
    const named = await folder('walk', {
      'walk.json': sequenceJson({ uploader_sequence_name: '  Morning Walk \n' }),
      'walk.gpx': gpx,
    });
    expect((await readSequenceFolder(named)).name).toBe('Morning Walk');
    const blank = await folder('walk', {
      'walk.json': sequenceJson({ uploader_sequence_name: '   ' }),
      'walk.gpx': gpx,
    });
    expect((await readSequenceFolder(blank)).name).toBe('walk');
    const absent = await folder('walk', {
      'walk.json': sequenceJson({ uploader_sequence_name: undefined }),
      'walk.gpx': gpx,
    });
    expect((await readSequenceFolder(absent)).name).toBe('walk');
  });

  it('cuts a name longer than MTPW allows to 100 characters, never halving one', async () => {
    const dir = await folder('walk', {
      'walk.json': sequenceJson({ uploader_sequence_name: 'Ä'.repeat(150) }),
      'walk.gpx': gpx,
    });
    const { name } = await readSequenceFolder(dir);
    expect(name).toBe(`${'Ä'.repeat(99)}…`);
    const emoji = await folder('walk', {
      'walk.json': sequenceJson({ uploader_sequence_name: '🚶'.repeat(80) }),
      'walk.gpx': gpx,
    });
    const cut = (await readSequenceFolder(emoji)).name;
    expect(cut).toBe(`${'🚶'.repeat(49)}…`);
    expect(cut.length).toBeLessThanOrEqual(100);
  });

  it('reads description, tags, capture times and the mapped transport', async () => {
    const dir = await folder('walk', { 'walk.json': sequenceJson(), 'walk.gpx': gpx });
    expect(await readSequenceFolder(dir)).toMatchObject({
      description: 'Along the coast',
      tags: ['coast', 'sea'],
      captureStart: '2021-05-01T08:00:00',
      captureEnd: '2021-05-01T08:00:04',
      transport: { type: 'Earth', method: 'Walk', mtpApi: 'Walk', stravaSport: 'Walk' },
    });
  });

  it('leaves the transport out when the table does not know it', async () => {
    const dir = await folder('walk', {
      'walk.json': sequenceJson({ uploader_transport_method: 'Jetpack' }),
      'walk.gpx': gpx,
    });
    const info = await readSequenceFolder(dir);
    expect(info.transport).toBeUndefined();
    expect(info.name).toBe('Morning Walk');
  });

  it('reads a file with a byte order mark and null optional fields', async () => {
    const text = sequenceJson({ uploader_sequence_description: null, uploader_tags: null });
    const dir = await folder('walk', { 'walk.json': `\uFEFF${text}`, 'walk.gpx': gpx });
    const info = await readSequenceFolder(dir);
    expect(info.description).toBeUndefined();
    expect(info.tags).toEqual([]);
  });

  it('uses <name>.gpx when other GPX files lie next to it', async () => {
    const dir = await folder('walk', {
      'walk.json': sequenceJson(),
      'walk.gpx': gpx,
      'walk-backup.gpx': gpx,
    });
    expect((await readSequenceFolder(dir)).gpxPath).toBe(join(dir, 'walk.gpx'));
  });

  it('accepts a GPX that is a link to a file inside the folder', async () => {
    const dir = await folder('walk', { 'walk.json': sequenceJson(), 'track.xml': gpx });
    await mkdir(join(dir, 'originals'));
    await writeFile(join(dir, 'originals', 'real.gpx'), gpx);
    await symlink(join('originals', 'real.gpx'), join(dir, 'walk.gpx'));
    expect((await readSequenceFolder(dir)).gpxPath).toBe(join(dir, 'walk.gpx'));
  });

  it('resolves a relative folder path to an absolute one', async () => {
    const dir = await folder('walk', { 'walk.json': sequenceJson(), 'walk.gpx': gpx });
    const info = await readSequenceFolder(relative(process.cwd(), dir));
    expect(info.folder).toBe(dir);
    expect(info.gpxPath).toBe(join(dir, 'walk.gpx'));
  });
});

describe('readSequenceFolder on parts of long sequences', () => {
  it('reads a _part_N folder whose files carry the full folder name', async () => {
    const dir = await folder('walk_part_2', {
      'walk_part_2.json': sequenceJson({ uploader_sequence_name: 'Morning Walk_part_2' }),
      'walk_part_2.gpx': gpx,
    });
    await mkdir(join(dir, '..', 'walk_part_1'));
    await mkdir(join(dir, '..', 'walk_part_3'));
    await mkdir(join(dir, '..', 'run_part_9'));
    const info = await readSequenceFolder(dir);
    expect(info.parts).toEqual({ index: 2, of: 3 });
    expect(info.name).toBe('Morning Walk_part_2');
    expect(info.gpxPath).toBe(join(dir, 'walk_part_2.gpx'));
  });

  it('reads a _part_N folder whose files carry the base name', async () => {
    const dir = await folder('walk_part_1', { 'walk.json': sequenceJson(), 'walk.gpx': gpx });
    const info = await readSequenceFolder(dir);
    expect(info.kind).toBe('mtp');
    expect(info.parts).toEqual({ index: 1, of: 1 });
    expect(info.jsonPath).toBe(join(dir, 'walk.json'));
    expect(info.gpxPath).toBe(join(dir, 'walk.gpx'));
  });

  it('prefers the files named exactly like the folder', async () => {
    const dir = await folder('walk_part_1', {
      'walk.json': sequenceJson({ uploader_sequence_name: 'Base' }),
      'walk.gpx': gpx,
      'walk_part_1.json': sequenceJson({ uploader_sequence_name: 'Exact' }),
      'walk_part_1.gpx': gpx,
    });
    const info = await readSequenceFolder(dir);
    expect(info.name).toBe('Exact');
    expect(info.gpxPath).toBe(join(dir, 'walk_part_1.gpx'));
  });
});

describe('readSequenceFolder on plain folders', () => {
  it('reads a folder holding one GPX of any name', async () => {
    const dir = await folder('Evening ride', { 'Track 2021-05-01.GPX': gpx });
    expect(await readSequenceFolder(dir)).toEqual({
      folder: dir,
      name: 'Evening ride',
      tags: [],
      gpxPath: join(dir, 'Track 2021-05-01.GPX'),
      kind: 'plain',
      alreadyOnStrava: false,
    });
  });

  it('ignores JSON files that are not sequence files, and folders named like GPX', async () => {
    const dir = await folder('ride', {
      'track.gpx': gpx,
      'settings.json': '{"units":"metric"}',
      'notes.json': 'not even json',
      'upload_mtp.json': '{"sequence":"ride","status":"TRUE"}',
    });
    await mkdir(join(dir, 'old.gpx'));
    const info = await readSequenceFolder(dir);
    expect(info.kind).toBe('plain');
    expect(info.gpxPath).toBe(join(dir, 'track.gpx'));
  });

  it('sets parts for a plain _part_N folder', async () => {
    const dir = await folder('ride_part_4', { 'ride.gpx': gpx });
    const info = await readSequenceFolder(dir);
    expect(info.kind).toBe('plain');
    expect(info.parts).toEqual({ index: 4, of: 4 });
  });

  it('is not troubled by names that are not UTF-8 or are very long', async () => {
    const longName = `${'very-long-track-name-'.repeat(11)}.gpx`;
    const dir = await folder('x'.repeat(200), { [longName]: gpx });
    await writeFile(
      Buffer.concat([
        Buffer.from(`${dir}/`),
        Buffer.from([0x6e, 0xff, 0xfe]),
        Buffer.from('.json'),
      ]),
      '{}',
    );
    const info = await readSequenceFolder(dir);
    expect(info.gpxPath).toBe(join(dir, longName));
    expect(info.name).toHaveLength(100);
  });
});

describe('readSequenceFolder and the Strava markers', () => {
  it('reports a PENDING upload as not on Strava, with its upload id', async () => {
    const dir = await folder('walk', {
      'walk.json': sequenceJson(),
      'walk.gpx': gpx,
      'upload_strava.json': '{"sequence":"Morning Walk","status":"PENDING","data":"8919699501"}',
    });
    const info = await readSequenceFolder(dir);
    expect(info.alreadyOnStrava).toBe(false);
    expect(info.stravaUploadId).toBe('8919699501');
  });

  it('reports a TRUE upload as on Strava, reading the number id of the original uploader', async () => {
    const dir = await folder('walk', {
      'walk.json': sequenceJson(),
      'walk.gpx': gpx,
      'upload_strava.json': '{"sequence":"Morning Walk","status":"TRUE","data":8919699501}',
    });
    const info = await readSequenceFolder(dir);
    expect(info.alreadyOnStrava).toBe(true);
    expect(info.stravaUploadId).toBe('8919699501');
  });

  it('reads destination.strava: true as on Strava, and a number as the upload id', async () => {
    const done = await folder('walk', {
      'walk.json': sequenceJson({ destination: { strava: true } }),
      'walk.gpx': gpx,
    });
    expect(await readSequenceFolder(done)).toMatchObject({ alreadyOnStrava: true });
    const sent = await folder('walk', {
      'walk.json': sequenceJson({ destination: { strava: 8919699501 } }),
      'walk.gpx': gpx,
    });
    expect(await readSequenceFolder(sent)).toMatchObject({
      alreadyOnStrava: false,
      stravaUploadId: '8919699501',
    });
  });

  it('accepts a marker naming the folder rather than the sequence', async () => {
    const dir = await folder('morning_walk', {
      'morning_walk.json': sequenceJson(),
      'morning_walk.gpx': gpx,
      'upload_strava.json': '{"sequence":"morning_walk","status":"TRUE","data":"1"}',
    });
    expect((await readSequenceFolder(dir)).alreadyOnStrava).toBe(true);
  });

  it('reads a marker in a plain folder', async () => {
    const dir = await folder('ride', {
      'ride.gpx': gpx,
      'upload_strava.json': '{"sequence":"ride","status":"TRUE","data":"42","activity_id":"77"}',
    });
    expect(await readSequenceFolder(dir)).toMatchObject({
      kind: 'plain',
      alreadyOnStrava: true,
      stravaUploadId: '42',
      stravaActivityId: '77',
    });
  });
});
