import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
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

/** The generated track starts here and heads north about 1.1 m a point. */
const home = { lat: 28.2916, lon: -16.6291 };
const zoneRadiusM = 100;
const points = 600;
const trackStart = Date.UTC(2021, 4, 1, 8, 0, 0);

/** Where the generated track is at point `i` (tests/support/generate-gpx.ts: one point a second). */
const pointAt = (i: number): [number, number] => generatedPointAt(home.lat, home.lon, i);

let w: E2eWorld;
beforeAll(async () => {
  if (!chromiumPresent) return;
  w = await startWorld();
  w.page.setDefaultTimeout(8_000);
}, 120_000);
afterAll(async () => w?.close());

const nav = (name: string) => w.page.getByRole('navigation').getByRole('button', { name });
const dialog = () => w.page.getByRole('dialog');

// One user's session: each test starts where the previous one ended.
describeWhen(chromiumPresent, skipReasons.chromium)(
  'shaping in the app: Settings zones, the Edit panel, the batch bar, against the simulator',
  () => {
    it('connects Strava and saves a privacy zone around the start in Settings', async () => {
      await w.page.getByRole('heading', { name: 'Accounts' }).waitFor();
      await authorizeIn(w.page, w.page.getByRole('button', { name: /^Connect$/ }).first());
      await w.page
        .getByText(/Connected as/)
        .first()
        .waitFor();
      await nav('Settings').click();
      const uploads = w.page
        .locator('section')
        .filter({ has: w.page.getByRole('heading', { name: 'Uploads' }) });
      await uploads.getByRole('button', { name: 'Add a privacy zone' }).click();
      await uploads.getByLabel(/^Latitude/).fill(String(home.lat));
      await uploads.getByLabel(/^Longitude/).fill(String(home.lon));
      await uploads.getByLabel(/^Radius/).fill(String(zoneRadiusM));
      await uploads.getByRole('button', { name: 'Save' }).click();
      await uploads.getByText('Saved.').waitFor();
    });

    it('applies the zone to a new row by default: the drawing greys the start out and says the distance after shaping', async () => {
      await makeSequenceFolder(w.folders, {
        name: 'Zone walk',
        transportType: 'Earth',
        transportMethod: 'Walk',
        track: { points, lat: home.lat, lon: home.lon, start: trackStart },
      });
      await nav('Upload').click();
      await dropFolders(w.page, ['Zone walk']);
      await w.page.getByRole('button', { name: /Upload 1 sequence/ }).waitFor();
      await w.page.getByText('Every sequence starts with: 1 privacy zone (Settings).').waitFor();
      await w.page.getByText(/After shaping: 0\.[0-9] km/).waitFor();
      await w.page.getByText(/Privacy zones dropped \d+ points at the start/).waitFor();
      expect(await w.page.locator('.preview .track-dropped').count()).toBe(1);
      // The zone itself is drawn where it falls on the track.
      expect(await w.page.locator('.preview .track-zone').count()).toBe(1);
    });

    it('the batch bar sets commute on every row', async () => {
      await w.page.getByRole('button', { name: 'Edit all 1 sequence' }).click();
      await dialog().getByLabel('Commute').check();
      expect(await seriousViolations(w.page)).toEqual([]);
      await dialog().getByRole('button', { name: 'Apply to all' }).click();
      await dialog().waitFor({ state: 'detached' });
    });

    it('is keyboard-usable: Enter opens the panel on its Name, Escape closes it and focus goes back', async () => {
      await w.page.getByRole('button', { name: 'Edit Zone walk' }).focus();
      await w.page.keyboard.press('Enter');
      await dialog().waitFor();
      expect(await w.page.evaluate('document.activeElement.id')).toMatch(/-name$/);
      await w.page.keyboard.press('Escape');
      await dialog().waitFor({ state: 'detached' });
      expect(await w.page.evaluate('document.activeElement.getAttribute("aria-label")')).toBe(
        'Edit Zone walk',
      );
    });

    it('the Edit panel refuses bad values with the reason, then takes a name, a sport and a trim', async () => {
      await w.page.getByRole('button', { name: 'Edit Zone walk' }).click();
      const panel = dialog();
      await panel.getByRole('heading', { name: 'Edit Zone walk' }).waitFor();
      // The batch bar's value shows in the row's own panel.
      expect(await panel.getByLabel('Commute').isChecked()).toBe(true);
      await panel.getByLabel('Name').fill('Morning shaped walk');
      await panel.getByLabel('Sport').fill('Hkie');
      await panel.getByLabel('Trim start (m)').fill('-5');
      await panel.getByLabel('Time offset').fill('yesterday');
      await panel.getByRole('button', { name: 'Apply', exact: true }).click();
      await panel.getByText(/"Hkie" is not a Strava sport type; did you mean .*Hike/).waitFor();
      await panel.getByText('The start trim cannot be negative.').waitFor();
      await panel.getByText(/"yesterday" is not a time offset/).waitFor();
      expect(await panel.getByLabel('Sport').getAttribute('aria-invalid')).toBe('true');
      await panel.getByLabel('Sport').fill('Hike');
      await panel.getByLabel('Trim start (m)').fill('0');
      await panel.getByLabel('Trim end (m)').fill('100');
      await panel.getByLabel('Time offset').fill('');
      expect(await seriousViolations(w.page)).toEqual([]);
      // Tall enough for the whole panel, for the README.
      await w.page.setViewportSize({ width: 1100, height: 900 });
      await screenshot(w.page, 'edit-panel');
      await w.page.setViewportSize({ width: 1100, height: 760 });
      await panel.getByRole('button', { name: 'Apply', exact: true }).click();
      await panel.waitFor({ state: 'detached' });
      await w.page.getByText('Morning shaped walk').waitFor();
      await w.page
        .getByText(/Trimming dropped 0 points at the start and \d+ points at the end/)
        .waitFor();
      expect(await seriousViolations(w.page)).toEqual([]);
    });

    it('gear: Allow gear reconnects Strava with profile:read_all, then offers the bikes and shoes', async () => {
      await w.page.getByRole('button', { name: 'Edit Morning shaped walk' }).click();
      const panel = dialog();
      expect(await panel.getByLabel('Name').inputValue()).toBe('Morning shaped walk');
      await authorizeIn(w.page, panel.getByRole('button', { name: 'Allow gear' }));
      await panel
        .getByLabel('Gear', { exact: true })
        .selectOption({ label: 'Bike: Sim gravel bike' });
      expect(await seriousViolations(w.page)).toEqual([]);
      await panel.getByRole('button', { name: 'Apply', exact: true }).click();
      await panel.waitFor({ state: 'detached' });
    });

    it(
      'uploads the shaped track: name, sport, options, the start outside the zone, the distance shorter',
      { timeout: 60_000 },
      async () => {
        await w.page.getByRole('button', { name: /Upload 1 sequence/ }).click();
        await w.page.getByRole('heading', { name: 'Queue' }).waitFor();
        await expect
          .poll(() => w.page.getByText('Done', { exact: true }).count(), { timeout: 30_000 })
          .toBe(1);
        const [activity] = w.sim.state().activities;
        expect(activity?.name).toBe('Morning shaped walk');
        expect(activity?.sport_type).toBe('Hike');
        expect(activity?.commute).toBe(true);
        expect(activity?.gear_id).toBe('b1001');
        // The track's position follows its time, so the start time says where it starts.
        const startIndex = (Date.parse(activity?.start_date ?? '') - trackStart) / 1000;
        expect(Number.isInteger(startIndex)).toBe(true);
        expect(metresBetween(pointAt(startIndex), [home.lat, home.lon])).toBeGreaterThan(
          zoneRadiusM,
        );
        expect(metresBetween(pointAt(startIndex - 1), [home.lat, home.lon])).toBeLessThanOrEqual(
          zoneRadiusM,
        );
        // About 665 m as recorded; the zone takes 100 m from the start and the trim 100 m from the end.
        const whole = (points - 1) * 1.11;
        expect(activity?.distance ?? 0).toBeLessThan(whole - 180);
        expect(activity?.distance ?? 0).toBeGreaterThan(whole - 260);
      },
    );

    it(
      'offers the time offset on a row whose GPX times were read as UTC, and sends the times shifted',
      { timeout: 60_000 },
      async () => {
        const folder = await makeSequenceFolder(w.folders, {
          name: 'Clock walk',
          transportType: 'Earth',
          transportMethod: 'Walk',
          // Far from the privacy zone: only the offset changes the track.
          track: { points: 120, lat: 40, lon: 3, start: trackStart },
        });
        const gpx = join(folder, 'Clock walk.gpx');
        await writeFile(gpx, (await readFile(gpx, 'utf8')).replaceAll('Z</time>', '</time>'));
        await nav('Upload').click();
        await dropFolders(w.page, ['Clock walk']);
        await w.page.getByText(/read as UTC/).waitFor();
        await w.page.getByRole('button', { name: 'Set a time offset for Clock walk' }).click();
        const offset = dialog().getByLabel('Time offset');
        await offset.waitFor();
        expect(await w.page.evaluate('document.activeElement.id')).toMatch(/-time-offset$/);
        await offset.fill('-02:00');
        await dialog().getByRole('button', { name: 'Apply', exact: true }).click();
        await dialog().waitFor({ state: 'detached' });
        await w.page.getByRole('button', { name: /Upload 1 sequence/ }).click();
        await expect
          .poll(() => w.page.getByText('Done', { exact: true }).count(), { timeout: 30_000 })
          .toBe(2);
        const activity = w.sim.state().activities.find((a) => a.name === 'Clock walk');
        expect(Date.parse(activity?.start_date ?? '')).toBe(trackStart - 2 * 3600_000);
      },
    );
  },
);
