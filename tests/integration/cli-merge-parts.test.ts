import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { describeWhen, skipReasons } from '../support/skip-when';
import { cliEnv, keyringReady, signInCliToStrava } from '../support/cli-env';
import { runCli } from '../support/cli-runner';
import { makeSequenceFolder } from '../support/make-sequence-folder';
import { simClientId, simClientSecret } from '../support/sim-harness';
import { startSimulator, type Simulator } from '../../src/sim/index';
import { MtpwTokenStore } from '../../src/core/mtpw/mtpw-token-store';

let sim: Simulator | undefined;
let home: string | undefined;
afterEach(async () => {
  await sim?.close();
  if (home) await rm(home, { recursive: true, force: true });
});

const start = Date.UTC(2023, 3, 9, 10);

interface ItemLine {
  event?: string;
  name?: string;
  stage?: string;
  error?: { message: string };
}
const parse = (line: string): ItemLine => {
  try {
    return JSON.parse(line) as ItemLine;
  } catch {
    return {};
  }
};

/** Three parts of one ride (with MTPW ids), two parts whose times go backwards, one walk. */
async function setup() {
  sim = await startSimulator({
    clientId: simClientId,
    clientSecret: simClientSecret,
    processingDelayMs: 400,
  });
  home = await mkdtemp(join(tmpdir(), 'mtp-cli-merge-'));
  const { env, secrets } = cliEnv(sim.url, join(home, 'state'), {
    MTP_STRAVA_POLL_START_MS: '100',
    MTP_STRAVA_RETRY_BASE_MS: '50',
  });
  await signInCliToStrava(sim, secrets);
  await new MtpwTokenStore(secrets).save({ accessToken: sim.mtpwTokenFor(), connectedAt: 0 });
  const sequences = join(home, 'sequences');
  const ride: string[] = [];
  for (let i = 0; i < 3; i++) {
    const name = `Coast ride_part_${i + 1}`;
    ride.push(
      await makeSequenceFolder(sequences, {
        name,
        transportType: 'Earth',
        transportMethod: 'Bicycle',
        mtpwId: sim.seedMtpwSequence({ name }),
        track: { points: 60, start: start + i * 65_000, lat: 28.2916 + i * 0.0006 },
      }),
    );
  }
  for (let i = 0; i < 2; i++) {
    await makeSequenceFolder(sequences, {
      name: `Loop_part_${i + 1}`,
      transportType: 'Earth',
      transportMethod: 'Walk',
      // Part 2 starts 20 s before part 1 ends.
      track: { points: 60, start: start + 86_400_000 + i * 40_000 },
    });
  }
  await makeSequenceFolder(sequences, {
    name: 'Walk home',
    transportType: 'Earth',
    transportMethod: 'Walk',
    track: { points: 60, start: start + 2 * 86_400_000 },
  });
  return { env, sequences, ride };
}

describeWhen(keyringReady, skipReasons.keyring)('mtp-strava upload --merge-parts', () => {
  it('sends the parts as one activity, killed mid-way and resumed; a bad join fails alone', async () => {
    const { env, sequences, ride } = await setup();
    const args = ['upload', sequences, '--merge-parts', '--json'];
    // Killed once the ride's upload id is journaled, and while no other item's POST is in
    // flight: a POST cut off before its answer is sent again on resume, by design.
    const stages = new Map<string, string>();
    const killed = runCli(args, env, (line, run) => {
      const item = parse(line);
      if (item.name && item.stage) stages.set(item.name, item.stage);
      const ride = stages.get('Coast ride');
      const rideMidWay = ride === 'processing' || ride === 'syncing';
      if (rideMidWay && stages.get('Walk home') !== 'uploading') run.child.kill('SIGKILL');
    });
    await killed.exit;
    expect(killed.child.signalCode).toBe('SIGKILL');

    const resumed = runCli(args, env);
    expect(await resumed.exit).toBe(1);
    expect(resumed.stderr.join('\n')).not.toMatch(/at .*\.ts:\d+/);
    const items = resumed.lines.map(parse).filter((e) => e.event === 'item');
    const loop = items.filter((e) => e.name === 'Loop').at(-1);
    expect(loop?.stage).toBe('failed');
    expect(loop?.error?.message).toMatch(
      /"Loop_part_2" starts at .*, not after "Loop_part_1" ends/,
    );
    expect(JSON.parse(resumed.lines.at(-1) ?? '{}')).toMatchObject({
      event: 'summary',
      total: 3,
      done: 2,
      failed: 1,
    });

    const state = sim!.state();
    expect(state.activities.map((a) => a.name).sort()).toEqual(['Coast ride', 'Walk home']);
    expect(state.requests['POST /api/v3/uploads']).toBe(2);
    const activity = state.activities.find((a) => a.name === 'Coast ride');
    expect(activity?.start_date).toBe(new Date(start).toISOString().replace('.000Z', 'Z'));
    expect(activity?.sport_type).toBe('Ride');
    const linked = state.mtpw.sequences.filter((s) => s.name.startsWith('Coast ride_part_'));
    expect(linked.map((s) => s.strava)).toEqual([activity?.id, activity?.id, activity?.id]);
    for (const folder of ride) {
      const marker = JSON.parse(await readFile(join(folder, 'upload_strava.json'), 'utf8'));
      expect(marker).toMatchObject({ status: 'TRUE', activity_id: activity?.id });
    }
  }, 60_000);
});
