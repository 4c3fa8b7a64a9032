import { existsSync } from 'node:fs';
import { readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Journal } from '../../src/core/pipeline/journal';
import { Pipeline } from '../../src/core/pipeline/pipeline';
import { silentLogger } from '../../src/core/ports';
import { workingCopyPath } from '../../src/core/pipeline/working-copies';
import { makeSequenceFolder } from '../support/make-sequence-folder';
import {
  fastOptions,
  startPipelineHarness,
  type PipelineHarness,
} from '../support/pipeline-harness';

let h: PipelineHarness;
afterEach(async () => h?.close());

const gzipped = async (dir: string) => (await readdir(dir)).filter((n) => n.includes('.gpx.gz'));
const leftovers = ['0123456789abcdef.gpx.gz', 'fedcba9876543210.gpx.gz.partial'];
const notOurs = ['holiday.gpx.gz', 'notes.txt'];

describe('working copies of the tracks', () => {
  it('are never written for a small track: it is gzipped and sent from memory', async () => {
    h = await startPipelineHarness();
    const folder = await makeSequenceFolder(h.dir, { name: 'Small walk' });
    const pipeline = h.pipeline();
    const seen: string[][] = [];
    pipeline.subscribe(() => void gzipped(h.dir).then((names) => seen.push(names)));
    pipeline.add([folder], { createMtpw: false });
    expect(await pipeline.run()).toEqual({ done: 1, failed: 0, stillProcessing: 0 });
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.flat()).toEqual([]);
    expect(h.sim.state().uploads).toHaveLength(1);
  });

  it('of a track too large for memory exist while it is sent and are deleted once Strava has answered', async () => {
    h = await startPipelineHarness();
    const folders = [];
    for (let i = 0; i < 3; i++)
      folders.push(
        await makeSequenceFolder(h.dir, {
          name: `Copy ${i}`,
          track: { points: 200, start: Date.UTC(2021, 6, i + 1, 8) },
        }),
      );
    const pipeline = h.pipeline({ inMemoryTrackBytes: 0 });
    let seenWhileSending = 0;
    const leftAfterAnswer: string[] = [];
    pipeline.subscribe((changed) => {
      for (const item of changed) {
        const copy = existsSync(workingCopyPath(h.dir, item.id));
        if (item.stage === 'uploading' && item.bytesSent > 0 && copy) seenWhileSending += 1;
        if (item.uploadId && copy) leftAfterAnswer.push(item.name);
      }
    });
    pipeline.add(folders, { createMtpw: false });
    expect(await pipeline.run()).toEqual({ done: 3, failed: 0, stillProcessing: 0 });
    expect(seenWhileSending).toBeGreaterThan(0);
    expect(leftAfterAnswer).toEqual([]);
    expect(await gzipped(h.dir)).toEqual([]);
  });

  it('left behind (a kill, an earlier version) are deleted at start-up; other files are not', async () => {
    h = await startPipelineHarness();
    for (const name of [...leftovers, ...notOurs]) await writeFile(join(h.dir, name), 'x');
    h.pipeline();
    const names = await readdir(h.dir);
    for (const name of leftovers) expect(names).not.toContain(name);
    for (const name of notOurs) expect(names).toContain(name);
  });

  it('are left alone by a process that does not hold the journal (a status while an upload runs)', async () => {
    h = await startPipelineHarness();
    h.pipeline();
    for (const name of leftovers) await writeFile(join(h.dir, name), 'x');
    const reader = Journal.open({ path: h.journalPath });
    expect(reader.writable).toBe(false);
    new Pipeline({
      strava: h.strava,
      journal: reader,
      clock: h.clock,
      workDir: h.dir,
      logger: silentLogger,
      options: fastOptions,
    });
    reader.close();
    expect(await readdir(h.dir)).toEqual(expect.arrayContaining(leftovers));
  });
});
