import { afterEach, describe, expect, it } from 'vitest';
import type { QueueSnapshot } from '../../src/shared/ipc-contract';
import type { ShapePreview } from '../../src/shared/shape-request';
import { answerOf, settledQueue, startAppHarness, type AppHarness } from '../support/app-harness';
import { makeSequenceFolder } from '../support/make-sequence-folder';

let h: AppHarness;
afterEach(async () => h?.close());

const call = (channel: string, request: unknown = {}) => h.app.handle(channel, request);
const value = <T>(channel: string, request?: unknown) => answerOf<T>(h.app, channel, request);

describe("the app's per-row shaping, through the controller against the simulator", () => {
  it("queue:add sends each row as edited, and the rows left out with Settings' defaults", async () => {
    h = await startAppHarness();
    await value('accounts:connect', { service: 'strava', method: 'window' });
    await value('settings:set', { uploads: { shaping: { hideFromHome: true } } });
    const edited = await makeSequenceFolder(h.dir, { name: 'Edited', track: { points: 60 } });
    const plain = await makeSequenceFolder(h.dir, {
      name: 'Plain',
      track: { points: 60, start: Date.UTC(2022, 0, 1) },
    });
    const settled = settledQueue(h.app);
    await value('queue:add', {
      paths: [edited, plain],
      createMtpw: false,
      shaping: [
        {
          paths: [edited],
          shape: {
            name: 'Given name',
            description: '',
            sportType: 'Hike',
            trimEndM: 20,
            commute: true,
          },
        },
      ],
    });
    const queue = await settled;
    expect(queue.items.map((i) => i.stage)).toEqual(['done', 'done']);
    const byName = new Map(h.sim.state().activities.map((a) => [a.name, a]));
    expect(byName.get('Given name')).toMatchObject({
      sport_type: 'Hike',
      description: '',
      commute: true,
      hide_from_home: false,
    });
    expect(byName.get('Given name')?.distance).toBeLessThan(59 * 1.11 - 15);
    expect(byName.get('Plain')).toMatchObject({ hide_from_home: true, commute: false });
  });

  it('refuses a row with a bad value, naming the field, and queues nothing', async () => {
    h = await startAppHarness();
    await value('accounts:connect', { service: 'strava', method: 'window' });
    const folder = await makeSequenceFolder(h.dir, { name: 'Bad', track: { points: 30 } });
    const answer = await call('queue:add', {
      paths: [folder],
      createMtpw: false,
      shaping: [{ paths: [folder], shape: { trimStartM: -3 } }],
    });
    expect(answer.ok).toBe(false);
    if (!answer.ok) expect(Object.keys(answer.error.fields ?? {})).toEqual(['trimStartM']);
    expect((await value<QueueSnapshot>('queue:get')).items).toEqual([]);
  });

  it('folders:shapePreview answers what a row would keep, for granted folders only', async () => {
    h = await startAppHarness();
    const folder = await makeSequenceFolder(h.dir, { name: 'Walk', track: { points: 200 } });
    const preview = await value<ShapePreview>('folders:shapePreview', {
      path: folder,
      shape: { trimStartM: 50 },
    });
    expect(preview.kept[0]).toBe(false);
    expect(preview.pointsAfter).toBeLessThan(200);
    const refused = await call('folders:shapePreview', { path: '/etc', shape: {} });
    expect(refused.ok).toBe(false);
  });
});
