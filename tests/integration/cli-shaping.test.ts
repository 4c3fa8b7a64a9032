import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { describeWhen, skipReasons } from '../support/skip-when';
import { cliEnv, keyringReady, signInCliToStrava } from '../support/cli-env';
import { runCli } from '../support/cli-runner';
import { makeSequenceFolder } from '../support/make-sequence-folder';
import { simClientId, simClientSecret } from '../support/sim-harness';
import { startSimulator, type Simulator } from '../../src/sim/index';
import { localDateTime } from '../../src/core/shape/name-template';

let sim: Simulator | undefined;
let home: string | undefined;
afterEach(async () => {
  await sim?.close();
  if (home) await rm(home, { recursive: true, force: true });
});

const trackStart = Date.UTC(2021, 4, 1, 8, 0, 0);
/** The generated track climbs about 1.11 m a point, one point a second. */
const longPoints = 600;

/** A simulator, a long Walk and a short one, and a CLI signed in to Strava. */
async function setup() {
  sim = await startSimulator({
    clientId: simClientId,
    clientSecret: simClientSecret,
    processingDelayMs: 200,
  });
  home = await mkdtemp(join(tmpdir(), 'mtp-cli-shape-'));
  const { env, secrets } = cliEnv(sim.url, join(home, 'state'), {
    MTP_STRAVA_POLL_START_MS: '100',
    MTP_STRAVA_RETRY_BASE_MS: '50',
  });
  await signInCliToStrava(sim, secrets);
  const sequences = join(home, 'sequences');
  const long = await makeSequenceFolder(sequences, {
    name: 'Long walk',
    transportType: 'Earth',
    transportMethod: 'Walk',
    track: { points: longPoints, start: trackStart },
  });
  const short = await makeSequenceFolder(sequences, {
    name: 'Short walk',
    transportType: 'Earth',
    transportMethod: 'Walk',
    track: { points: 60, start: trackStart + 86_400_000 },
  });
  return { env, sequences, long, short };
}

const gpxOf = async (folder: string) => {
  const name = (await readdir(folder)).find((n) => n.endsWith('.gpx'));
  return readFile(join(folder, name ?? 'missing.gpx'));
};

const shapeArgs = [
  '--trim-start',
  '200',
  '--privacy-zone',
  '28.2916,-16.6291,50',
  '--time-offset',
  '+01:00',
  '--sport-type',
  'Ride',
  '--name-template',
  '{name} {date}',
  '--commute',
  '--hide-from-home',
];

describeWhen(keyringReady, skipReasons.keyring)('mtp-strava upload with shaping flags', () => {
  it('sends the shaped track and options; a folder left with nothing fails alone', async () => {
    const { env, sequences, long, short } = await setup();
    const longBefore = await gpxOf(long);
    const shortBefore = await gpxOf(short);
    const run = runCli(['upload', sequences, '--json', ...shapeArgs], env);
    const code = await run.exit;
    expect(run.stderr.join('\n')).not.toMatch(/at .*\.ts:\d+/);
    expect(code).not.toBe(0);

    const activities = sim!.state().activities;
    expect(activities).toHaveLength(1);
    const activity = activities[0]!;
    // Privacy zone and trim dropped at least 200 m (about 180 points, one a second) from the start.
    const startMs = Date.parse(activity.start_date);
    const shiftedStart = trackStart + 3_600_000;
    expect(startMs - shiftedStart).toBeGreaterThanOrEqual(170_000);
    expect(startMs - shiftedStart).toBeLessThan(longPoints * 1000);
    expect(activity.distance).toBeGreaterThan(0);
    expect(activity.distance).toBeLessThan(longPoints * 1.11 - 190);
    expect(activity.sport_type).toBe('Ride');
    expect(activity.name).toBe(`Long walk ${localDateTime(startMs).date}`);
    expect(activity.commute).toBe(true);
    expect(activity.hide_from_home).toBe(true);
    const requests = sim!.state().requests;
    const puts = Object.entries(requests).filter(([k]) => k.startsWith('PUT /api/v3/activities/'));
    expect(puts.reduce((n, [, c]) => n + c, 0)).toBe(1);

    const items = run.lines
      .map(
        (l) =>
          JSON.parse(l) as {
            event?: string;
            name?: string;
            stage?: string;
            error?: { message: string };
          },
      )
      .filter((e) => e.event === 'item');
    const shortLast = items.filter((e) => e.name === 'Short walk').at(-1);
    expect(shortLast?.stage).toBe('failed');
    expect(shortLast?.error?.message).toMatch(/trimming 200 m from the start/);

    // The folders' tracks are only read.
    expect((await gpxOf(long)).equals(longBefore)).toBe(true);
    expect((await gpxOf(short)).equals(shortBefore)).toBe(true);
    // No shaped working copy is left behind.
    const stateFiles = await readdir(join(home!, 'state'), { recursive: true });
    expect(stateFiles.filter((f) => String(f).endsWith('.shaped.gpx'))).toEqual([]);

    // A second run reads the journal: nothing is sent again, the PUT included.
    const again = runCli(['upload', sequences, '--json'], env);
    await again.exit;
    expect(sim!.state().activities).toHaveLength(1);
    const putsAfter = Object.entries(sim!.state().requests).filter(([k]) =>
      k.startsWith('PUT /api/v3/activities/'),
    );
    expect(putsAfter.reduce((n, [, c]) => n + c, 0)).toBe(1);
  });
});
