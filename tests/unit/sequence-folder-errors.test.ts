import { chmod, mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UploadError } from '../../src/core/errors/upload-error';
import { readSequenceFolder } from '../../src/core/sequence/folder/sequence-folder';
import { gpxText } from '../support/generate-gpx';
import { refusalSchema, runAsNobody, runningAsRoot } from '../support/as-nobody';

const gpx = gpxText({ points: 5 });

const sequenceJson = (sequence: Record<string, unknown> = {}): string =>
  JSON.stringify({
    sequence: {
      id: '6a6a0c88-b114-44a3-845e-816d64093ca2',
      uploader_sequence_name: 'Walk',
      uploader_transport_type: 'Earth',
      uploader_transport_method: 'Walk',
      uploader_tags: [],
      ...sequence,
    },
    photo: {},
  });

let root: string;
let count = 0;

async function folder(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(root, `case-${++count}`, name);
  await mkdir(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) await writeFile(join(dir, file), text);
  return dir;
}

/** The UploadError readSequenceFolder fails with; fails the test if it succeeds or throws else. */
async function folderError(dir: string): Promise<UploadError> {
  try {
    await readSequenceFolder(dir);
  } catch (error) {
    if (error instanceof UploadError) {
      expect(error.kind).toBe('invalid-folder');
      expect(error.retryable).toBe(false);
      return error;
    }
    throw error;
  }
  throw new Error(`expected ${dir} to be refused`);
}

/** The refusal for `dir`: in this process, or as `nobody` when root would read it all the same. */
async function unreadableError(dir: string): Promise<{ message: string }> {
  return runningAsRoot
    ? refusalSchema.parse(await runAsNobody('refusal-child.ts', dir, 'folder'))
    : folderError(dir);
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'sequence-errors-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('readSequenceFolder refuses a folder it cannot use', () => {
  it('says so when the folder does not exist', async () => {
    const error = await folderError(join(root, 'gone'));
    expect(error.message).toBe(
      'The folder "gone" does not exist (it may have been moved, renamed or deleted).',
    );
  });

  it('says so when the path is a file, not a folder', async () => {
    const dir = await folder('walk', { 'walk.gpx': gpx });
    const error = await folderError(join(dir, 'walk.gpx'));
    expect(error.message).toMatch(/^"walk\.gpx" is not a folder\./);
  });

  it('says so when the folder is a symbolic link loop', async () => {
    const loop = join(root, 'loop');
    await symlink(loop, loop);
    const error = await folderError(loop);
    expect(error.message).toMatch(/"loop" is a symbolic link that loops back on itself/);
  });

  it('says so when the folder cannot be read', async () => {
    const dir = await folder('walk', { 'walk.gpx': gpx });
    await chmod(dir, 0o000);
    try {
      const error = await unreadableError(dir);
      expect(error.message).toMatch(/"walk" cannot be read: permission denied/);
    } finally {
      await chmod(dir, 0o755);
    }
  });

  it('says so when a file of the folder cannot be read', async () => {
    const dir = await folder('walk', { 'walk.json': sequenceJson(), 'walk.gpx': gpx });
    await chmod(join(dir, 'walk.json'), 0o000);
    const error = await unreadableError(dir);
    expect(error.message).toBe(
      '"walk/walk.json" cannot be read: permission denied. Check its permissions.',
    );
  });
});

describe('readSequenceFolder refuses a folder whose GPX is not clear', () => {
  it('lists at most five names when there are several GPX files', async () => {
    const files = Object.fromEntries(
      ['a', 'b', 'c', 'd', 'e', 'f', 'g'].map((n) => [`${n}.gpx`, gpx]),
    );
    const error = await folderError(await folder('tracks', files));
    expect(error.message).toBe(
      'The folder "tracks" holds several GPX files ("a.gpx", "b.gpx", "c.gpx", "d.gpx", "e.gpx" and 2 more), so the app cannot tell which one to upload. Keep one, or put each in its own folder.',
    );
  });

  it('says so when a plain folder has no GPX', async () => {
    const error = await folderError(await folder('empty', { 'notes.txt': 'hello' }));
    expect(error.message).toBe(
      'The folder "empty" has no GPX file. Choose a sequence folder that holds one.',
    );
  });

  it('says so when an MTP folder has its JSON but no GPX at all', async () => {
    const error = await folderError(await folder('walk', { 'walk.json': sequenceJson() }));
    expect(error.message).toBe(
      'The folder "walk" has no GPX file: "walk/walk.json" is there, but its track "walk/walk.gpx" is missing.',
    );
  });

  it('refuses a JSON whose <name>.gpx is missing while another GPX is there', async () => {
    const error = await folderError(
      await folder('walk', { 'walk.json': sequenceJson(), 'other.gpx': gpx }),
    );
    expect(error.message).toMatch(
      /^"walk\/walk\.json" is there, but its track "walk\/walk\.gpx" is missing; the folder holds "other\.gpx" instead\./,
    );
  });

  it('refuses a GPX that is a link to a file outside the folder', async () => {
    const outside = join(root, 'secret.gpx');
    await writeFile(outside, gpx);
    const dir = await folder('walk', {});
    await symlink(outside, join(dir, 'walk.gpx'));
    const error = await folderError(dir);
    expect(error.message).toMatch(/^"walk\/walk\.gpx" is a link to a file outside the folder/);
  });

  it('refuses a GPX that is a link loop', async () => {
    const dir = await folder('walk', { 'walk.json': sequenceJson() });
    await symlink('walk.gpx', join(dir, 'walk.gpx'));
    const error = await folderError(dir);
    expect(error.message).toMatch(
      /^"walk\/walk\.gpx" is a symbolic link that loops back on itself/,
    );
  });

  it('refuses a GPX whose name is not UTF-8, asking to rename it', async () => {
    const dir = await folder('walk', {});
    const name = Buffer.concat([Buffer.from('tr'), Buffer.from([0xe9]), Buffer.from('k.gpx')]);
    await writeFile(Buffer.concat([Buffer.from(`${dir}/`), name]), gpx);
    const error = await folderError(dir);
    expect(error.message).toBe(
      '"walk/tr\uFFFDk.gpx" has a file name that is not valid UTF-8 text, so the app cannot open it. Rename the file.',
    );
  });

  it('shortens very long names in its messages', async () => {
    const long = (c: string) => `${c.repeat(240)}.gpx`;
    const error = await folderError(await folder('walk', { [long('a')]: gpx, [long('b')]: gpx }));
    expect(error.message).toContain(
      '"aaaaaaaaaaaaaaaaaaaaaaaaaaaaa…aaaaaaaaaaaaaaaaaaaaaaaaa.gpx"',
    );
    expect(error.message.length).toBeLessThan(300);
  });
});

describe('readSequenceFolder refuses a sequence file it cannot trust', () => {
  it('says on which line the JSON breaks', async () => {
    const dir = await folder('walk', {
      'walk.json': '{\n  "sequence": {\n    "uploader_sequence_name": "Walk",,\n  }\n}\n',
      'walk.gpx': gpx,
    });
    const error = await folderError(dir);
    expect(error.message).toBe('"walk/walk.json" is not valid JSON (line 3).');
  });

  it('says so when the JSON file is empty', async () => {
    const error = await folderError(await folder('walk', { 'walk.json': ' \n', 'walk.gpx': gpx }));
    expect(error.message).toBe('"walk/walk.json" is empty.');
  });

  it('names the field of a wrong type', async () => {
    const dir = await folder('walk', {
      'walk.json': sequenceJson({ uploader_tags: 'coast,sea' }),
      'walk.gpx': gpx,
    });
    const error = await folderError(dir);
    expect(error.message).toBe(
      '"walk/walk.json" has a wrong value for "sequence.uploader_tags": expected a list of words.',
    );
  });

  it('says so when the sequence object is missing', async () => {
    const dir = await folder('walk', { 'walk.json': '{"photo":{}}', 'walk.gpx': gpx });
    const error = await folderError(dir);
    expect(error.message).toBe(
      '"walk/walk.json" has a wrong value for "sequence": expected an object.',
    );
  });

  it('refuses a malformed MTPW id', async () => {
    const dir = await folder('walk', {
      'walk.json': sequenceJson({ destination: { mtp: '12345' } }),
      'walk.gpx': gpx,
    });
    const error = await folderError(dir);
    expect(error.message).toBe(
      '"walk/walk.json" has a malformed MTPW id in "sequence.destination.mtp": expected a uuid or true.',
    );
  });

  it('refuses a sequence file named for another folder', async () => {
    const dir = await folder('walk-copy', { 'walk.json': sequenceJson(), 'walk.gpx': gpx });
    const error = await folderError(dir);
    expect(error.message).toMatch(
      /^"walk-copy\/walk\.json" is a sequence file named for another folder than "walk-copy"\./,
    );
  });

  it('refuses an upload_strava.json about another sequence', async () => {
    const dir = await folder('walk', {
      'walk.json': sequenceJson(),
      'walk.gpx': gpx,
      'upload_strava.json': '{"sequence":"Evening Run","status":"TRUE","data":"1"}',
    });
    const error = await folderError(dir);
    expect(error.message).toBe(
      '"walk/upload_strava.json" is about another sequence ("Evening Run"), not "walk". Remove it if it was copied here by mistake.',
    );
  });

  it('refuses an upload_strava.json that is not JSON', async () => {
    const dir = await folder('walk', { 'walk.gpx': gpx, 'upload_strava.json': 'TRUE' });
    const error = await folderError(dir);
    expect(error.message).toBe('"walk/upload_strava.json" is not valid JSON (line 1).');
  });

  it('refuses a sequence file that is a link out of the folder', async () => {
    const outside = join(root, 'elsewhere.json');
    await writeFile(outside, sequenceJson());
    const dir = await folder('walk', { 'walk.gpx': gpx });
    await symlink(outside, join(dir, 'walk.json'));
    const error = await folderError(dir);
    expect(error.message).toMatch(/^"walk\/walk\.json" is a link to a file outside the folder/);
  });
});
