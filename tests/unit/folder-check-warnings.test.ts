import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { itemJson, itemLine } from '../../src/cli/progress-view';
import { previewFolder } from '../../src/core/app/folder-preview';
import { newQueueItem } from '../../src/core/pipeline/item-transitions';
import { readStep } from '../../src/core/pipeline/step-read';
import { shapeOptionsSchema } from '../../src/core/shape/shape-options';
import { makeSequenceFolder } from '../support/make-sequence-folder';

const noSport =
  'The transport "Car" has no Strava sport, so Strava will use your default sport: choose one.';
const readAsUtc = /points have times without a time zone; they are read as UTC/;
const activityUrl = (id: string) => `https://www.strava.com/activities/${id}`;

let root: string;
let car: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'check-warnings-'));
  car = await makeSequenceFolder(root, {
    name: 'Drive',
    transportType: 'Earth',
    transportMethod: 'Car',
  });
  // Times without their `Z`: GPX says they are UTC, a camera often meant local time.
  const gpx = join(car, 'Drive.gpx');
  await writeFile(gpx, (await readFile(gpx, 'utf8')).replace(/Z<\/time>/g, '</time>'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

describe('the folder check warns', () => {
  it('in the preview: no Strava sport for the transport, and times read as UTC', async () => {
    const preview = await previewFolder(car);
    expect(preview.problem).toBeUndefined();
    expect(preview.warnings[0]).toBe(noSport);
    expect(preview.warnings.join('\n')).toMatch(readAsUtc);
  });

  it('in the CLI: the read step keeps them on the item, and the lines show them', async () => {
    const item = await readStep(newQueueItem(car, false, 0));
    expect(item.warnings?.[0]).toBe(noSport);
    expect(item.warnings?.join('\n')).toMatch(readAsUtc);
    const done = { ...item, stage: 'done' as const, activityId: '1' };
    expect(itemLine(done, activityUrl)).toContain(`\n  ⚠ ${noSport}`);
    expect(JSON.parse(itemJson(done, activityUrl))).toMatchObject({
      warnings: expect.arrayContaining([noSport]),
    });
  });

  it('not about the sport once one is chosen with --sport-type', async () => {
    const shape = shapeOptionsSchema.parse({ sportType: 'Workout' });
    const item = await readStep({ ...newQueueItem(car, false, 0), shape });
    expect(item.warnings).not.toContain(noSport);
    expect(item.warnings?.join('\n')).toMatch(readAsUtc);
  });
});
