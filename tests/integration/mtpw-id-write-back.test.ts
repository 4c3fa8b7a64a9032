import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Journal } from '../../src/core/pipeline/journal';
import { Pipeline } from '../../src/core/pipeline/pipeline';
import { silentLogger } from '../../src/core/ports';
import { makeSequenceFolder } from '../support/make-sequence-folder';
import {
  fastOptions,
  startPipelineHarness,
  type PipelineHarness,
} from '../support/pipeline-harness';

let h: PipelineHarness;
afterEach(async () => h?.close());

const track = { points: 60, start: Date.UTC(2021, 6, 3, 8) };
const create = 'POST /api/v1/sequence/create';

const sequenceFile = async (folder: string, name: string) =>
  JSON.parse(await readFile(join(folder, `${name}.json`), 'utf8')) as {
    sequence: Record<string, unknown> & { destination?: Record<string, unknown> };
  };

describe('--create-mtpw writes the new id back into <name>.json', () => {
  it('as sequence.destination.mtp, keeping the rest of the file', async () => {
    h = await startPipelineHarness();
    const folder = await makeSequenceFolder(h.dir, { name: 'Fresh', track });
    const before = await sequenceFile(folder, 'Fresh');
    const pipeline = h.pipeline();
    pipeline.add([folder], { createMtpw: true });
    expect(await pipeline.run()).toMatchObject({ done: 1 });

    const [item] = pipeline.items();
    expect(item?.mtpwId).toBeDefined();
    expect(item?.mtpwIdToWriteBack).toBeUndefined();
    const after = await sequenceFile(folder, 'Fresh');
    expect(after.sequence).toEqual({
      ...before.sequence,
      destination: { mtp: item?.mtpwId, strava: true },
    });
  });

  it('after a crash between the create and the write-back: the id lands in the file, with no second create', async () => {
    h = await startPipelineHarness();
    const folder = await makeSequenceFolder(h.dir, { name: 'Crashed', track });
    // A journal whose process dies right after the record holding the new id reaches the disk.
    const journal = Journal.open({ path: h.journalPath, legacy: h.state });
    const save = journal.save.bind(journal);
    let dead = false;
    const stop = new AbortController();
    journal.save = (item, options) => {
      if (dead) throw new Error('the process is gone');
      save(item, options);
      if (item.mtpwIdToWriteBack) {
        dead = true;
        stop.abort();
        throw new Error('killed');
      }
    };
    const dying = new Pipeline({
      strava: h.strava,
      mtpw: { client: h.mtpw, connected: async () => (await h.mtpwTokens.load()) !== null },
      journal,
      clock: h.clock,
      workDir: h.dir,
      logger: silentLogger,
      options: fastOptions,
    });
    dying.add([folder], { createMtpw: true });
    await dying.run({ signal: stop.signal });
    journal.close();
    expect(dead).toBe(true);
    expect((await sequenceFile(folder, 'Crashed')).sequence.destination).toBeUndefined();
    expect(h.sim.state().requests[create]).toBe(1);

    const resumed = h.pipeline();
    const [journaled] = resumed.items();
    expect(journaled).toMatchObject({ mtpwIdToWriteBack: true, stage: 'uploading' });
    expect(await resumed.run()).toMatchObject({ done: 1 });

    const [item] = resumed.items();
    expect(item?.mtpwId).toBe(journaled?.mtpwId);
    expect((await sequenceFile(folder, 'Crashed')).sequence.destination).toMatchObject({
      mtp: item?.mtpwId,
    });
    expect(h.sim.state().requests[create]).toBe(1);
    expect(h.sim.state().mtpw.sequences).toHaveLength(1);
    expect(item?.mtpwWarning).toBeUndefined();
  });
});
