import { afterEach, describe, expect, it } from 'vitest';
import { itemJson, itemLine } from '../../src/cli/progress-view';
import { makeSequenceFolder } from '../support/make-sequence-folder';
import { startPipelineHarness, type PipelineHarness } from '../support/pipeline-harness';

let h: PipelineHarness;
afterEach(async () => h?.close());

const create = 'POST /api/v1/sequence/create';
const track = { points: 60, start: Date.UTC(2021, 6, 3, 8) };
const activityUrl = (id: string) => `https://www.strava.com/activities/${id}`;

describe('an MTPW create whose answer never came', () => {
  it('creates once more, counts the interrupted create and names the sequence that may exist twice', async () => {
    h = await startPipelineHarness();
    h.sim.faults.add(create, { type: 'drop', when: 'after' });
    const pipeline = h.pipeline();
    pipeline.add([await makeSequenceFolder(h.dir, { name: 'Cut off', track })], {
      createMtpw: true,
    });
    expect(await pipeline.run()).toEqual({ done: 1, failed: 0, stillProcessing: 0 });

    const [item] = pipeline.items();
    const sequences = h.sim.state().mtpw.sequences.filter((s) => s.name === 'Cut off');
    expect(sequences).toHaveLength(2);
    expect(item).toMatchObject({ stage: 'done', mtpwInterruptedCreates: 1, mtpwSynced: true });
    expect(item?.mtpwWarning).toMatch(/"Cut off" may now exist twice on Map the Paths/);
    const linked = sequences.find((s) => s.unique_id === item?.mtpwId);
    expect(linked?.strava).toBe(item?.activityId);
    expect(sequences.filter((s) => s.strava)).toHaveLength(1);
  });

  it('shows the warning in `status`, as words and as JSON', async () => {
    h = await startPipelineHarness();
    h.sim.faults.add(create, { type: 'drop', when: 'after' });
    const pipeline = h.pipeline();
    pipeline.add([await makeSequenceFolder(h.dir, { name: 'Shown', track })], {
      createMtpw: true,
    });
    await pipeline.run();
    const [item] = pipeline.items();
    if (!item) throw new Error('no item');
    expect(itemLine(item, activityUrl)).toMatch(/\n {2}⚠ "Shown" may now exist twice/);
    expect(JSON.parse(itemJson(item, activityUrl))).toMatchObject({
      mtpwInterruptedCreates: 1,
      mtpwWarning: item.mtpwWarning,
    });
  });

  it.each([400, 503])(
    'warns of nothing when MTPW answered %i: nothing was made',
    async (status) => {
      h = await startPipelineHarness();
      h.sim.faults.add(create, { type: 'status', status }, { times: status === 503 ? 4 : 1 });
      const pipeline = h.pipeline();
      pipeline.add([await makeSequenceFolder(h.dir, { name: 'Refused', track })], {
        createMtpw: true,
      });
      expect(await pipeline.run()).toMatchObject({ failed: 1 });
      pipeline.retry();
      expect(await pipeline.run()).toMatchObject({ done: 1 });
      const [item] = pipeline.items();
      expect(item?.mtpwWarning).toBeUndefined();
      expect(item?.mtpwInterruptedCreates).toBeUndefined();
      expect(h.sim.state().mtpw.sequences).toHaveLength(1);
    },
  );
});
