import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markMtpwSequence } from '../../src/core/sequence/marker/marker-writer';
import { readSequenceFolder } from '../../src/core/sequence/folder/sequence-folder';
import { gpxText } from '../support/generate-gpx';

const gpx = gpxText({ points: 5 });
const mtpwUuid = '0b7c1c5e-6f0e-4d59-9a43-3a3c1f0e9d21';

let root: string;
let count = 0;
async function folder(name: string, files: Record<string, string>): Promise<string> {
  const dir = join(root, `case-${++count}`, name);
  await mkdir(dir, { recursive: true });
  for (const [file, text] of Object.entries(files)) await writeFile(join(dir, file), text);
  return dir;
}

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mtpw-write-back-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('markMtpwSequence', () => {
  it('adds destination.mtp in the file’s own layout (BOM, CRLF, tab), keeping every other key', async () => {
    const original = {
      sequence: {
        uploader_sequence_name: 'Walk',
        destination: { strava: 8919699501, google: true },
        distance_km: 0.024831810359854052,
      },
      photo: { p1: { modified: { latitude: 51.2484762 } } },
    };
    const layout = (value: unknown) =>
      `\uFEFF${JSON.stringify(value, null, '\t').replace(/\n/g, '\r\n')}\r\n`;
    const dir = await folder('walk', { 'walk.json': layout(original), 'walk.gpx': gpx });

    expect(await markMtpwSequence(await readSequenceFolder(dir), mtpwUuid)).toBe(true);

    const expected = structuredClone(original) as typeof original & {
      sequence: { destination: { mtp?: string } };
    };
    expected.sequence.destination.mtp = mtpwUuid;
    expect(await readFile(join(dir, 'walk.json'), 'utf8')).toBe(layout(expected));
    expect((await readSequenceFolder(dir)).mtpwId).toBe(mtpwUuid);
    // Atomic: no temporary file is left beside it.
    expect((await readdir(dir)).sort()).toEqual(['walk.gpx', 'walk.json']);
  });

  it('adds a destination object to a minified file that has none', async () => {
    const original = { sequence: { uploader_sequence_name: 'Walk' }, photo: {} };
    const dir = await folder('walk', { 'walk.json': JSON.stringify(original), 'walk.gpx': gpx });
    await markMtpwSequence(await readSequenceFolder(dir), mtpwUuid);
    expect(await readFile(join(dir, 'walk.json'), 'utf8')).toBe(
      JSON.stringify({
        sequence: { ...original.sequence, destination: { mtp: mtpwUuid } },
        photo: {},
      }),
    );
  });

  it('leaves an id already there alone, and a plain folder has no file to write', async () => {
    const other = '11111111-2222-4333-8444-555555555555';
    const text = JSON.stringify({ sequence: { destination: { mtp: other } }, photo: {} });
    const dir = await folder('walk', { 'walk.json': text, 'walk.gpx': gpx });
    expect(await markMtpwSequence(await readSequenceFolder(dir), mtpwUuid)).toBe(false);
    expect(await readFile(join(dir, 'walk.json'), 'utf8')).toBe(text);

    const plain = await folder('track', { 'track.gpx': gpx });
    expect(await markMtpwSequence(await readSequenceFolder(plain), mtpwUuid)).toBe(false);
    expect(await readdir(plain)).toEqual(['track.gpx']);
  });
});
