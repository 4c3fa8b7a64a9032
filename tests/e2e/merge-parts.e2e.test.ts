import { generatedPointAt } from '../support/generate-gpx';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeSequenceFolder } from '../support/make-sequence-folder';
import { describeWhen, skipReasons } from '../support/skip-when';
import {
  chromiumPresent,
  dropFolders,
  screenshot,
  seriousViolations,
  startWorld,
  authorizeIn,
  metresBetween,
  type E2eWorld,
} from './e2e-world';

const start = Date.UTC(2022, 6, 3, 9, 0, 0);
const pointsPerPart = 300;
/** Each part goes on where the one before ended, in place and in time. */
const partLatStep = pointsPerPart * 0.00001;
const partTimeStepMs = (pointsPerPart + 5) * 1000;

let w: E2eWorld;
beforeAll(async () => {
  if (!chromiumPresent) return;
  w = await startWorld();
  w.page.setDefaultTimeout(8_000);
}, 120_000);
afterAll(async () => w?.close());

/** Point `i` of a part, placed as tests/support/generate-gpx.ts places it. */
const pointOf = generatedPointAt;

/** Writes `<base>_part_1…count`: the sum of the parts' lengths, and the joins' between them. */
async function makeParts(base: string, count: number, lat: number, lon: number) {
  let sumM = 0;
  let joinsM = 0;
  for (let p = 0; p < count; p++) {
    const partLat = lat + p * partLatStep;
    await makeSequenceFolder(w.folders, {
      name: `${base}_part_${p + 1}`,
      transportType: 'Earth',
      transportMethod: 'Bicycle',
      track: { points: pointsPerPart, lat: partLat, lon, start: start + p * partTimeStepMs },
    });
    for (let i = 1; i < pointsPerPart; i++)
      sumM += metresBetween(pointOf(partLat, lon, i - 1), pointOf(partLat, lon, i));
    if (p > 0)
      joinsM += metresBetween(pointOf(partLat - partLatStep, lon, pointsPerPart - 1), [
        partLat,
        lon,
      ]);
  }
  return { sumM, joinsM };
}

const nav = (name: string) => w.page.getByRole('navigation').getByRole('button', { name });
const doneRows = () => w.page.getByText('Done', { exact: true }).count();

// One user's session: each test starts where the previous one ended.
describeWhen(chromiumPresent, skipReasons.chromium)(
  'split sequences in the app: the preview groups the parts and offers the merge',
  () => {
    it('connects Strava', async () => {
      await w.page.getByRole('heading', { name: 'Accounts' }).waitFor();
      await authorizeIn(w.page, w.page.getByRole('button', { name: /^Connect$/ }).first());
      await w.page
        .getByText(/Connected as/)
        .first()
        .waitFor();
    });

    let parts = { sumM: 0, joinsM: 0 };
    it('groups three parts of one ride and offers the merge, off by default', async () => {
      parts = await makeParts('Coast ride', 3, 28.2916, -16.6291);
      await nav('Upload').click();
      await dropFolders(w.page, ['Coast ride_part_1', 'Coast ride_part_2', 'Coast ride_part_3']);
      await w.page.getByText('Coast ride is in 3 parts').waitFor();
      const offer = w.page.getByLabel('Send the 3 parts as one activity');
      expect(await offer.isChecked()).toBe(false);
      await w.page.getByRole('button', { name: 'Upload 3 sequences' }).waitFor();
      expect(await seriousViolations(w.page)).toEqual([]);
    });

    it('ticked from the keyboard, the button counts one activity', async () => {
      const offer = w.page.getByLabel('Send the 3 parts as one activity');
      await offer.waitFor();
      await expect.poll(() => offer.isEnabled()).toBe(true);
      await offer.focus();
      await w.page.keyboard.press('Space');
      expect(await offer.isChecked()).toBe(true);
      await w.page.getByRole('button', { name: 'Upload 1 sequence' }).waitFor();
      await w.page.getByText(/One activity named Coast ride, with part 1's changes/).waitFor();
      await screenshot(w.page, 'merge-parts');
      expect(await seriousViolations(w.page)).toEqual([]);
    });

    it(
      'uploads one activity of the three parts: its distance is about the sum of theirs',
      { timeout: 60_000 },
      async () => {
        await w.page.getByRole('button', { name: 'Upload 1 sequence' }).click();
        await w.page.getByRole('heading', { name: 'Queue' }).waitFor();
        await expect.poll(doneRows, { timeout: 30_000 }).toBe(1);
        const activities = w.sim.state().activities;
        expect(activities).toHaveLength(1);
        const [activity] = activities;
        expect(activity?.name).toBe('Coast ride');
        expect(Date.parse(activity?.start_date ?? '')).toBe(start);
        // The parts' lengths, and the two joins from one part's last point to the next one's first.
        expect(parts.sumM).toBeGreaterThan(900);
        expect(activity?.distance ?? 0).toBeCloseTo(parts.sumM + parts.joinsM, -1);
      },
    );

    it('left unticked, the parts go as activities of their own', { timeout: 60_000 }, async () => {
      await makeParts('Bay loop', 2, 40.1, 3.2);
      await nav('Upload').click();
      await dropFolders(w.page, ['Bay loop_part_1', 'Bay loop_part_2']);
      await w.page.getByText('Bay loop is in 2 parts').waitFor();
      expect(await w.page.getByLabel('Send the 2 parts as one activity').isChecked()).toBe(false);
      // The last batch's "uploaded" status is still shown: it must not cover the button.
      await w.page
        .getByText(/uploaded\./)
        .first()
        .waitFor();
      await w.page.getByRole('button', { name: 'Upload 2 sequences' }).click({ timeout: 5_000 });
      await expect.poll(doneRows, { timeout: 30_000 }).toBe(3);
      const names = w.sim
        .state()
        .activities.map((a) => a.name)
        .sort();
      expect(names).toEqual(['Bay loop_part_1', 'Bay loop_part_2', 'Coast ride']);
    });
  },
);
