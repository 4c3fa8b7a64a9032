import { existsSync } from 'node:fs';
import {
  chmod,
  copyFile,
  lstat,
  stat,
  mkdir,
  mkdtemp,
  readFile,
  readdir,
  rm,
  symlink,
  writeFile,
} from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itWhen, skipReasons } from '../support/skip-when';
import { UploadError } from '../../src/core/errors/upload-error';
import { markPending, markSentToStrava } from '../../src/core/sequence/marker/marker-writer';
import { readSequenceFolder } from '../../src/core/sequence/folder/sequence-folder';
import { gpxText } from '../support/generate-gpx';

const sharedDir = resolve(fileURLToPath(new URL('../../', import.meta.url)), '..', 'shared');
const fixture = resolve(sharedDir, 'fixtures/mtp/guides-docs_sequence_example_pretty.json');
const haveShared = existsSync(fixture);

const gpx = gpxText({ points: 5 });
const mtpwUuid = '0b7c1c5e-6f0e-4d59-9a43-3a3c1f0e9d21';
const upload = { uploadId: '8919699501', activityId: '18106372042' };

let root: string;
let count = 0;

async function folder(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(root, `case-${++count}`, name);
  await mkdir(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) await writeFile(join(dir, file), text);
  return dir;
}

const readJson = async (path: string): Promise<unknown> =>
  JSON.parse(await readFile(path, 'utf8')) as unknown;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'marker-writer-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('markSentToStrava', () => {
  itWhen(haveShared, skipReasons.shared)(
    'marks the real sequence file, changing nothing else in it',
    async () => {
      const dir = await folder('docs_sequence_example', { 'docs_sequence_example.gpx': gpx });
      const jsonPath = join(dir, 'docs_sequence_example.json');
      await copyFile(fixture, jsonPath);
      const before = await readFile(jsonPath, 'utf8');

      await markSentToStrava(await readSequenceFolder(dir), upload);

      // The only change: `destination` appended to `sequence`, in the file's own CRLF, 2-space style.
      const anchor = '"uploader_camera": "GoPro MAX"';
      const expected = before.replace(
        anchor,
        `${anchor},\r\n    "destination": {\r\n      "strava": true\r\n    }`,
      );
      expect(await readFile(jsonPath, 'utf8')).toBe(expected);
      expect(await readJson(join(dir, 'upload_strava.json'))).toEqual({
        sequence: 'Docs Sequence Example',
        status: 'TRUE',
        data: upload.uploadId,
        activity_id: upload.activityId,
      });
      expect(await readSequenceFolder(dir)).toMatchObject({
        alreadyOnStrava: true,
        stravaUploadId: upload.uploadId,
        stravaActivityId: upload.activityId,
      });
    },
  );

  it('keeps the other destinations and the minified layout of the uploader', async () => {
    const original = {
      sequence: {
        id: '6a6a0c88-b114-44a3-845e-816d64093ca2',
        uploader_sequence_name: 'Walk',
        destination: {
          mtp: mtpwUuid,
          mtpw_user_token: 'kept-as-is',
          strava: 8919699501,
          google: true,
        },
        distance_km: 0.024831810359854052,
      },
      photo: { p1: { modified: { latitude: 51.2484762 } } },
    };
    const dir = await folder('walk', { 'walk.json': JSON.stringify(original), 'walk.gpx': gpx });

    await markSentToStrava(await readSequenceFolder(dir), upload);

    const expected = structuredClone(original);
    expected.sequence.destination.strava = true as unknown as number;
    expect(await readFile(join(dir, 'walk.json'), 'utf8')).toBe(JSON.stringify(expected));
  });

  it('keeps a four-space layout and its final newline', async () => {
    const original = { sequence: { uploader_sequence_name: 'Walk' }, photo: {} };
    const dir = await folder('walk', {
      'walk.json': `${JSON.stringify(original, null, 4)}\n`,
      'walk.gpx': gpx,
    });
    await markSentToStrava(await readSequenceFolder(dir), upload);
    expect(await readFile(join(dir, 'walk.json'), 'utf8')).toBe(
      `${JSON.stringify({ sequence: { ...original.sequence, destination: { strava: true } }, photo: {} }, null, 4)}\n`,
    );
  });

  it('writes only upload_strava.json in a plain folder', async () => {
    const dir = await folder('ride', { 'ride.gpx': gpx });
    await markSentToStrava(await readSequenceFolder(dir), upload);
    expect((await readdir(dir)).sort()).toEqual(['ride.gpx', 'upload_strava.json']);
    expect(await readFile(join(dir, 'upload_strava.json'), 'utf8')).toBe(
      '{"sequence":"ride","status":"TRUE","data":"8919699501","activity_id":"18106372042"}',
    );
    expect(await readSequenceFolder(dir)).toMatchObject({ kind: 'plain', alreadyOnStrava: true });
  });

  it('reads back its own marker for a name cut to 100 characters', async () => {
    const long = 'A very long sequence name '.repeat(6);
    const dir = await folder('walk', {
      'walk.json': JSON.stringify({ sequence: { uploader_sequence_name: long } }),
      'walk.gpx': gpx,
    });
    await markSentToStrava(await readSequenceFolder(dir), upload);
    expect((await readSequenceFolder(dir)).alreadyOnStrava).toBe(true);
  });

  it('refuses to write through a marker link that points out of the folder', async () => {
    const outside = join(root, 'outside.json');
    await writeFile(outside, 'untouched');
    const dir = await folder('ride', { 'ride.gpx': gpx });
    const info = await readSequenceFolder(dir);
    await symlink(outside, join(dir, 'upload_strava.json'));
    const error = await markSentToStrava(info, upload).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(UploadError);
    expect((error as UploadError).message).toMatch(
      /^"ride\/upload_strava\.json" is a link to a file outside the folder/,
    );
    expect(await readFile(outside, 'utf8')).toBe('untouched');
  });

  it('writes through a link to a file inside the folder, keeps its permissions, and leaves no temporary file', async () => {
    const dir = await folder('hike', { 'hike.gpx': gpx, 'kept-marker.json': '{}' });
    await chmod(join(dir, 'kept-marker.json'), 0o640);
    await symlink('kept-marker.json', join(dir, 'upload_strava.json'));
    await markSentToStrava(await readSequenceFolder(dir), upload);
    expect((await lstat(join(dir, 'upload_strava.json'))).isSymbolicLink()).toBe(true);
    expect(await readJson(join(dir, 'kept-marker.json'))).toMatchObject({ status: 'TRUE' });
    expect((await stat(join(dir, 'kept-marker.json'))).mode & 0o777).toBe(0o640);
    expect((await readdir(dir)).sort()).toEqual([
      'hike.gpx',
      'kept-marker.json',
      'upload_strava.json',
    ]);
  });
});

describe('markPending', () => {
  it('writes PENDING, which reads back as not yet on Strava but with its upload id', async () => {
    const json = JSON.stringify({ sequence: { uploader_sequence_name: 'Walk' }, photo: {} });
    const dir = await folder('walk', { 'walk.json': json, 'walk.gpx': gpx });

    await markPending(await readSequenceFolder(dir), upload.uploadId);

    expect(await readJson(join(dir, 'upload_strava.json'))).toEqual({
      sequence: 'Walk',
      status: 'PENDING',
      data: upload.uploadId,
    });
    expect(await readFile(join(dir, 'walk.json'), 'utf8')).toBe(json);
    const pending = await readSequenceFolder(dir);
    expect(pending).toMatchObject({ alreadyOnStrava: false, stravaUploadId: upload.uploadId });

    await markSentToStrava(pending, upload);
    expect(await readSequenceFolder(dir)).toMatchObject({
      alreadyOnStrava: true,
      stravaUploadId: upload.uploadId,
    });
    // Atomic writes leave no temporary files behind.
    expect((await readdir(dir)).sort()).toEqual(['upload_strava.json', 'walk.gpx', 'walk.json']);
  });
});
