import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandSequenceFolders } from '../../src/core/pipeline/expand-inputs';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mtp-expand-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('expandSequenceFolders', () => {
  it('takes a sequence folder as itself, even a broken one with image folders inside', async () => {
    const seq = join(dir, 'walk');
    await mkdir(join(seq, 'final_raw'), { recursive: true });
    await writeFile(join(seq, 'walk.json'), '{}');
    expect(await expandSequenceFolders([seq])).toEqual([seq]);
  });

  it('turns a folder of sequences into every one of its subfolders, broken ones included', async () => {
    const parent = join(dir, 'sequences');
    for (const name of ['a', 'b', 'empty']) await mkdir(join(parent, name), { recursive: true });
    await writeFile(join(parent, 'a', 'a.gpx'), '<gpx/>');
    await writeFile(join(parent, 'b', 'b.gpx'), '<gpx/>');
    await mkdir(join(parent, '.hidden'));
    expect(await expandSequenceFolders([parent])).toEqual(
      ['a', 'b', 'empty'].map((n) => join(parent, n)),
    );
  });

  it('keeps a folder with neither tracks nor sequences as itself, for the reader to explain', async () => {
    const lonely = join(dir, 'lonely');
    await mkdir(join(lonely, 'photos'), { recursive: true });
    expect(await expandSequenceFolders([lonely, lonely])).toEqual([lonely]);
  });
});
