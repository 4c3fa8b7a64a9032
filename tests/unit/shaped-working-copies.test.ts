import { mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { silentLogger } from '../../src/core/ports';
import {
  removeLeftoverWorkingCopies,
  shapedCopyPath,
} from '../../src/core/pipeline/working-copies';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

it('start-up cleanup removes shaped copies and their partial writes, and nothing else', async () => {
  dir = await mkdtemp(join(tmpdir(), 'mtp-shaped-'));
  const ours = [
    '0123456789abcdef.shaped.gpx',
    '.0123456789abcdef.shaped.gpx.a1b2c3d4e5f6.partial',
    'fedcba9876543210.gpx.gz',
  ];
  const notOurs = ['ride.shaped.gpx', 'track.gpx', 'journal.json'];
  for (const name of [...ours, ...notOurs]) await writeFile(join(dir, name), 'x');
  expect(removeLeftoverWorkingCopies(dir, silentLogger)).toBe(ours.length);
  expect((await readdir(dir)).sort()).toEqual([...notOurs].sort());
  expect(shapedCopyPath(dir, '0123456789abcdef')).toBe(join(dir, '0123456789abcdef.shaped.gpx'));
});
