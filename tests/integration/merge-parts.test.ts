import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { expandSequenceFolders } from '../../src/core/pipeline/expand-inputs';
import { shapeOptionsSchema } from '../../src/core/shape/shape-options';
import { inspectGpx, type TrackPoint } from '../../src/sim/gpx-inspect';
import { summarizeTrack } from '../../src/sim/track-metrics';
import { makeSequenceFolder } from '../support/make-sequence-folder';
import { startPipelineHarness, type PipelineHarness } from '../support/pipeline-harness';

let h: PipelineHarness;
afterEach(async () => h?.close());

const start = Date.UTC(2022, 5, 4, 9);
const merge = shapeOptionsSchema.parse({ mergeParts: true });

/** The points of a folder's GPX, as the simulator reads them. */
async function pointsOf(folder: string, name: string): Promise<TrackPoint[]> {
  const inspected = inspectGpx(await readFile(join(folder, `${name}.gpx`), 'utf8'));
  if (!inspected.ok) throw new Error(inspected.reason);
  return inspected.points;
}

/** `<base>_part_1…n` under `parent`, each 60 points a second apart, `gapS` after the one before. */
async function parts(parent: string, base: string, n: number, gapS: number, mtpw: boolean) {
  const folders: string[] = [];
  for (let i = 0; i < n; i++) {
    const name = `${base}_part_${i + 1}`;
    folders.push(
      await makeSequenceFolder(parent, {
        name,
        transportType: 'Earth',
        transportMethod: 'Walk',
        ...(mtpw ? { mtpwId: h.sim.seedMtpwSequence({ name }) } : {}),
        track: { points: 60, start: start + i * (59 + gapS) * 1000, lat: 28.2916 + i * 0.0006 },
      }),
    );
  }
  return folders;
}

describe('--merge-parts', () => {
  it('sends three part folders as one activity, marks and links every part; a bad join fails alone', async () => {
    h = await startPipelineHarness();
    const ride = await parts(h.dir, 'Morning ride', 3, 5, true);
    // Part 2 starts 30 s before part 1 ends: not one capture in order.
    await parts(h.dir, 'Backwards', 2, -30, false);
    const solo = await makeSequenceFolder(h.dir, {
      name: 'Solo walk',
      transportType: 'Earth',
      transportMethod: 'Walk',
      track: { points: 60, start: start + 86_400_000 },
    });
    const pipeline = h.pipeline();
    const added = pipeline.add(await expandSequenceFolders([h.dir]), {
      createMtpw: false,
      shape: merge,
    });
    expect(added.map((i) => i.name).sort()).toEqual(['Backwards', 'Morning ride', 'Solo walk']);
    expect(await pipeline.run()).toEqual({ done: 2, failed: 1, stillProcessing: 0 });

    const items = pipeline.items();
    const backwards = items.find((i) => i.name === 'Backwards');
    expect(backwards?.stage).toBe('failed');
    expect(backwards?.error?.message).toMatch(
      /"Backwards_part_2" starts at .*, not after "Backwards_part_1" ends/,
    );
    expect(items.find((i) => i.folder === solo)?.stage).toBe('done');

    const merged = items.find((i) => i.name === 'Morning ride');
    expect(merged?.stage).toBe('done');
    const activities = h.sim.state().activities;
    expect(activities).toHaveLength(2);
    const activity = activities.find((a) => a.name === 'Morning ride');
    if (!activity || !merged?.activityId) throw new Error('no merged activity');
    expect(activity.id).toBe(merged.activityId);
    const ids = merged.parts?.map((p) => p.mtpwId) ?? [];
    expect(activity.external_id).toContain(ids[0]);

    // The activity is the three tracks end to end.
    const all: TrackPoint[] = [];
    for (const [n, folder] of ride.entries())
      all.push(...(await pointsOf(folder, `Morning ride_part_${n + 1}`)));
    const expected = summarizeTrack(all);
    const shown = await h.strava.api.getActivity(activity.id);
    expect(shown).toMatchObject({
      start_date: new Date(start).toISOString().replace('.000Z', 'Z'),
      distance: expected.distance,
      elapsed_time: expected.elapsedTime,
      start_latlng: expected.start,
      end_latlng: expected.end,
    });
    expect(expected.elapsedTime).toBe(3 * 59 + 2 * 5);

    // Every part: its marker, and its MTPW sequence linked to the one activity.
    for (const folder of ride) {
      const marker = JSON.parse(await readFile(join(folder, 'upload_strava.json'), 'utf8'));
      expect(marker).toMatchObject({ status: 'TRUE', activity_id: activity.id });
    }
    const linked = h.sim.state().mtpw.sequences.filter((s) => ids.includes(s.unique_id));
    expect(linked).toHaveLength(3);
    for (const sequence of linked) expect(sequence.strava).toBe(activity.id);

    // A later run reads the markers: the parts are not sent again, merged or not.
    const again = h.pipeline();
    again.add(ride, { createMtpw: false, shape: merge });
    again.add(ride, { createMtpw: false });
    await again.run();
    expect(h.sim.state().uploads).toHaveLength(2);
  });

  it('is off by default: part folders are sent one by one', async () => {
    h = await startPipelineHarness();
    const folders = await parts(h.dir, 'Split', 2, 5, false);
    const pipeline = h.pipeline();
    pipeline.add(folders, { createMtpw: false });
    expect(await pipeline.run()).toMatchObject({ done: 2 });
    expect(h.sim.state().activities).toHaveLength(2);
  });

  it('refuses a group with a part missing, naming it', async () => {
    h = await startPipelineHarness();
    const folders = await parts(h.dir, 'Gap', 3, 5, false);
    const pipeline = h.pipeline();
    pipeline.add([folders[0]!, folders[2]!], { createMtpw: false, shape: merge });
    expect(await pipeline.run()).toMatchObject({ failed: 1 });
    expect(pipeline.items()[0]?.error?.message).toMatch(/part 2 is not among the folders given/);
    expect(h.sim.state().uploads).toHaveLength(0);
  });

  it('refuses a group that leaves out a later part lying beside it', async () => {
    h = await startPipelineHarness();
    const folders = await parts(h.dir, 'Tail', 3, 5, false);
    const pipeline = h.pipeline();
    pipeline.add(folders.slice(0, 2), { createMtpw: false, shape: merge });
    expect(await pipeline.run()).toMatchObject({ failed: 1 });
    expect(pipeline.items()[0]?.error?.message).toMatch(
      /"Tail" cannot be merged: part 3 is in the same folder but not among the folders given/,
    );
    expect(h.sim.state().uploads).toHaveLength(0);
  });

  it('refuses a group with a part already on Strava on its own: merging would send it twice', async () => {
    h = await startPipelineHarness();
    const folders = await parts(h.dir, 'Once', 2, 5, false);
    await writeFile(
      join(folders[1]!, 'upload_strava.json'),
      JSON.stringify({ sequence: 'Once_part_2', status: 'TRUE', data: '123' }),
    );
    const pipeline = h.pipeline();
    pipeline.add(folders, { createMtpw: false, shape: merge });
    expect(await pipeline.run()).toMatchObject({ failed: 1 });
    expect(pipeline.items()[0]?.error?.message).toMatch(
      /"Once_part_2" is already on Strava on its own, and merging would send it twice/,
    );
    expect(h.sim.state().uploads).toHaveLength(0);
  });

  it('shapes the joined track as one: a trim cuts only the start of part 1', async () => {
    h = await startPipelineHarness();
    const folders = await parts(h.dir, 'Trimmed', 3, 5, false);
    const pipeline = h.pipeline();
    pipeline.add(folders, {
      createMtpw: false,
      shape: shapeOptionsSchema.parse({ mergeParts: true, trimStartM: 30 }),
    });
    expect(await pipeline.run()).toMatchObject({ done: 1 });
    const [activity] = h.sim.state().activities;
    const shown = await h.strava.api.getActivity(activity?.id ?? '');
    const startMs = Date.parse(String(shown.start_date));
    // About 1.1 m a point, a point a second: some 27 s of part 1 go; the end stays part 3's.
    expect(startMs - start).toBeGreaterThan(20_000);
    expect(startMs - start).toBeLessThan(40_000);
    expect(startMs + Number(shown.elapsed_time) * 1000).toBe(start + (2 * 64 + 59) * 1000);
  });

  it('with --create-mtpw, creates one MTPW sequence for the whole and writes it into part 1', async () => {
    h = await startPipelineHarness();
    const folders = await parts(h.dir, 'Created', 2, 5, false);
    const pipeline = h.pipeline();
    pipeline.add(folders, { createMtpw: true, shape: merge });
    expect(await pipeline.run()).toMatchObject({ done: 1 });
    const [item] = pipeline.items();
    const sequences = h.sim.state().mtpw.sequences;
    expect(sequences.map((s) => s.name)).toEqual(['Created']);
    expect(sequences[0]?.strava).toBe(item?.activityId);
    const file = JSON.parse(await readFile(join(folders[0]!, 'Created_part_1.json'), 'utf8')) as {
      sequence: { destination?: unknown };
    };
    expect(file.sequence.destination).toMatchObject({ mtp: item?.mtpwId, strava: true });
  });
});
