import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { PreviewPool } from '../../src/core/app/preview-pool';
import { makeSequenceFolder } from '../support/make-sequence-folder';

let dir: string | undefined;
let pool: PreviewPool | undefined;
afterEach(async () => {
  await pool?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

it("answers whether a folder is marked done from the pool's worker threads", async () => {
  dir = await mkdtemp(join(tmpdir(), 'mtp-pool-done-'));
  const fresh = await makeSequenceFolder(dir, { name: 'Fresh walk' });
  const marked = await makeSequenceFolder(dir, { name: 'Marked walk' });
  await writeFile(
    join(marked, 'upload_strava.json'),
    JSON.stringify({ sequence: 'Marked walk', status: 'TRUE' }),
  );
  pool = new PreviewPool({ size: 1 });
  const answers = Promise.all([
    pool.isDone(fresh),
    pool.isDone(marked),
    pool.isDone(join(dir, 'gone')),
  ]);
  expect(pool.workers).toBe(1);
  expect(await answers).toEqual([false, true, false]);
}, 60_000);
