import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile, chmod } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { writeTextAtomic } from '../../src/core/sequence/marker/atomic-text-write';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('replaces a file with the new text and keeps the mode it is given', async () => {
  dir = await mkdtemp(join(tmpdir(), 'mtp-atomic-'));
  const path = join(dir, 'marker.json');
  await writeFile(path, 'old');
  await chmod(path, 0o604);
  await writeTextAtomic(path, 'new', (await stat(path)).mode);
  expect(await readFile(path, 'utf8')).toBe('new');
  expect((await stat(path)).mode & 0o777).toBe(0o604);
  expect(await readdir(dir)).toEqual(['marker.json']);
});

it('leaves the old file and no temporary file when the rename fails', async () => {
  dir = await mkdtemp(join(tmpdir(), 'mtp-atomic-'));
  // A folder where the file should go: the rename cannot replace it.
  await mkdir(join(dir, 'marker.json'));
  await writeFile(join(dir, 'marker.json', 'inside'), 'kept');
  await expect(writeTextAtomic(join(dir, 'marker.json'), 'new')).rejects.toThrow();
  expect(await readdir(dir)).toEqual(['marker.json']);
  expect(await readFile(join(dir, 'marker.json', 'inside'), 'utf8')).toBe('kept');
});
