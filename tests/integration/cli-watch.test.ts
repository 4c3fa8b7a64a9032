import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it, vi } from 'vitest';
import { MtpwTokenStore } from '../../src/core/mtpw/mtpw-token-store';
import { startSimulator, type Simulator } from '../../src/sim/index';
import { cliEnv, keyringReady, signInCliToStrava } from '../support/cli-env';
import { runCli, type CliRun } from '../support/cli-runner';
import { makeSequenceFolder } from '../support/make-sequence-folder';
import { simClientId, simClientSecret } from '../support/sim-harness';
import { describeWhen, skipReasons } from '../support/skip-when';

let sim: Simulator | undefined;
let home: string | undefined;
const runs: CliRun[] = [];
afterEach(async () => {
  for (const run of runs.splice(0)) if (run.child.exitCode === null) run.child.kill('SIGKILL');
  await sim?.close();
  if (home) await rm(home, { recursive: true, force: true });
});

/** The simulator, an empty folder to watch, and a CLI environment signed in to both services. */
async function setup() {
  sim = await startSimulator({
    clientId: simClientId,
    clientSecret: simClientSecret,
    processingDelayMs: 200,
  });
  home = await mkdtemp(join(tmpdir(), 'mtp-cli-watch-'));
  const { env, secrets } = cliEnv(sim.url, join(home, 'state'), {
    MTP_STRAVA_POLL_START_MS: '100',
    MTP_STRAVA_RETRY_BASE_MS: '50',
  });
  await signInCliToStrava(sim, secrets);
  await new MtpwTokenStore(secrets).save({
    accessToken: sim.mtpwTokenFor(),
    connectedAt: Date.now(),
  });
  const sequences = join(home, 'sequences');
  await mkdir(sequences);
  return { env, sequences };
}

type Line = { event?: string; folder?: string; stage?: string; name?: string };
const parsed = (run: CliRun): Line[] =>
  run.lines.flatMap((l) => {
    try {
      return [JSON.parse(l) as Line];
    } catch {
      return [];
    }
  });

/** Waits until the run has printed a line matching `match`. */
const waitForLine = (run: CliRun, match: (line: Line) => boolean) =>
  vi.waitFor(
    () => {
      if (run.child.exitCode !== null) throw new Error(`watch exited: ${run.stderr.join('\n')}`);
      expect(parsed(run).some(match), run.lines.join('\n')).toBe(true);
    },
    { timeout: 45_000, interval: 100 },
  );

const walk = (name: string, day: number) => ({
  name,
  transportType: 'Earth',
  transportMethod: 'Walk',
  track: { points: 40, start: Date.UTC(2022, 3, day, 9) },
});

function watch(env: Record<string, string>, sequences: string): CliRun {
  const run = runCli(['watch', sequences, '--json', '--settle', '1'], env);
  runs.push(run);
  return run;
}

describeWhen(keyringReady, skipReasons.keyring)('mtp-strava watch', () => {
  it('uploads each folder added one after the other once, across a restart; Ctrl-C exits 0', async () => {
    const { env, sequences } = await setup();
    const first = watch(env, sequences);
    await waitForLine(first, (l) => l.event === 'watching');

    await makeSequenceFolder(sequences, walk('Morning walk', 1));
    await waitForLine(first, (l) => l.name === 'Morning walk' && l.stage === 'done');
    expect(sim?.state().activities).toHaveLength(1);

    await makeSequenceFolder(sequences, walk('Evening walk', 2));
    await waitForLine(first, (l) => l.name === 'Evening walk' && l.stage === 'done');
    expect(sim?.state().activities).toHaveLength(2);
    expect(sim?.state().uploads).toHaveLength(2);
    expect(parsed(first).filter((l) => l.event === 'queued')).toHaveLength(2);

    first.child.kill('SIGINT');
    expect(await first.exit).toBe(0);

    // Started again over the same folder: the two are known, only the new one is sent.
    const second = watch(env, sequences);
    await waitForLine(second, (l) => l.event === 'watching');
    await makeSequenceFolder(sequences, walk('Night walk', 3));
    await waitForLine(second, (l) => l.name === 'Night walk' && l.stage === 'done');
    expect(
      parsed(second)
        .filter((l) => l.event === 'queued')
        .map((l) => l.folder),
    ).toEqual([join(sequences, 'Night walk')]);
    expect(sim?.state().activities).toHaveLength(3);
    expect(sim?.state().uploads).toHaveLength(3);
    second.child.kill('SIGINT');
    expect(await second.exit).toBe(0);
  }, 120_000);
});
