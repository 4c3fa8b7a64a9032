/**
 * `npm run demo:cli`: the real `mtp-strava` job in a terminal, against the built-in
 * simulator, no account needed. It runs the CLI itself (as a user would): signs in
 * to Strava and Map the Paths through their authorize pages (the demo clicks
 * Authorize), uploads sample MTP folders with `--create-mtpw` while the simulator
 * answers one upload 503 and loses the answer of another, fixes the broken folder
 * and presses Retry, shows `status`, reads the folder markers, and logs out.
 * Sign-ins go to a throwaway keychain service; where no keychain is reachable it
 * runs itself again inside a throwaway GNOME Keyring (scripts/with-keyring.sh).
 * Everything it made (folders, keychain entries) is removed at the end.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createKeytarSecretStore } from '../src/core/secrets/keytar-secret-store';
import type { SecretStore } from '../src/core/ports';
import { startSimulator, type Simulator } from '../src/sim/index';
import { runCli, type CliRun } from '../tests/support/cli-runner';
import { gpxText } from '../tests/support/generate-gpx';
import { makeSequenceFolder } from '../tests/support/make-sequence-folder';
import { authorizeStrava, authorizeMtpw } from './demo-cli-browser';

const clientId = '54321';
const clientSecret = 'sim-client-secret';
const repoRoot = fileURLToPath(new URL('..', import.meta.url));

/** True when the keychain answers; a desktop keychain may ask to be unlocked. */
async function keychainWorks(store: SecretStore): Promise<boolean> {
  const probe = store
    .set('demo.probe', 'x')
    .then(() => store.delete('demo.probe'))
    .then(() => true);
  const timeout = new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 10_000));
  return Promise.race([probe.catch(() => false), timeout]);
}

const service = `mtp-strava-demo-${randomUUID()}`;
const keychain = createKeytarSecretStore(service);
if (!(await keychainWorks(keychain))) {
  if (process.env.MTP_KEYRING_READY === '1' || !existsSync('/usr/bin/dbus-run-session')) {
    console.error(
      'The demo keeps its sign-ins in the system keychain, like mtp-strava, and none is reachable here. ' +
        'On Linux, install gnome-keyring and dbus (npm test installs them) and run it again.',
    );
    process.exit(1);
  }
  console.log('No keychain is reachable here: running the demo inside a throwaway GNOME Keyring.');
  const again = spawnSync(
    'bash',
    ['scripts/with-keyring.sh', process.execPath, '--import', 'tsx', 'scripts/demo-cli.ts'],
    { cwd: repoRoot, stdio: 'inherit' },
  );
  process.exit(again.status ?? 1);
}

/** Runs one CLI command, printing it and what it says, indented. */
async function cli(
  env: Record<string, string>,
  args: string[],
  onLine?: (line: string, run: CliRun) => void,
): Promise<number | null> {
  console.log(`\n$ mtp-strava ${args.join(' ')}`);
  const run = runCli(args, env, (line, r) => {
    console.log(`  ${line}`);
    onLine?.(line, r);
  });
  const code = await run.exit;
  for (const line of run.stderr) console.log(`  ${line}`);
  return code;
}

/** Three MTP Desktop Uploader folders (two already on MTPW) and one with a broken track. */
async function writeSamples(dir: string, sim: Simulator): Promise<string> {
  const samples = [
    { name: 'Harbour walk', transportType: 'Earth', transportMethod: 'Walk', points: 900 },
    { name: 'Coast ride', transportType: 'Earth', transportMethod: 'Bicycle', points: 2400 },
    { name: 'Bay paddle', transportType: 'Water', transportMethod: 'Paddleboard', points: 1500 },
    { name: 'Broken track', transportType: 'Earth', transportMethod: 'Walk', points: 600 },
  ];
  for (const [i, s] of samples.entries()) {
    await makeSequenceFolder(dir, {
      ...s,
      description: `${s.name} along the shore`,
      ...(i < 2 ? { mtpwId: sim.seedMtpwSequence({ name: s.name }) } : {}),
      track: { points: s.points, start: Date.UTC(2021, 5, i + 1, 9), lat: 28.29 + i * 0.01 },
    });
  }
  const broken = join(dir, 'Broken track', 'Broken track.gpx');
  await writeFile(
    broken,
    '<?xml version="1.0"?><gpx version="1.1"><trk><trkseg><trkpt lat="1" lon="2"></trkpt></trkseg></trk></gpx>',
  );
  return broken;
}

const sim = await startSimulator({ clientId, clientSecret, processingDelayMs: 1500 });
const work = await mkdtemp(join(tmpdir(), 'mtp-demo-cli-'));
const cleanUp = async () => {
  for (const account of await keychain.accounts().catch(() => [])) await keychain.delete(account);
  await sim.close();
  await rm(work, { recursive: true, force: true });
};
process.once('SIGINT', () => void cleanUp().finally(() => process.exit(130)));
try {
  const sequences = join(work, 'sequences');
  const broken = await writeSamples(sequences, sim);
  const env: Record<string, string> = {
    STRAVA_BASE_URL: sim.url,
    MTPW_BASE_URL: sim.url,
    STRAVA_CLIENT_ID: clientId,
    STRAVA_CLIENT_SECRET: clientSecret,
    MTPW_CLIENT_ID: 'mtp-desktop-demo',
    MTP_STRAVA_HOME: join(work, 'home'),
    MTP_STRAVA_KEYCHAIN_SERVICE: service,
    MTP_STRAVA_RETRY_BASE_MS: '500',
  };
  console.log(`Simulated Strava and Map the Paths at ${sim.url} (state: ${sim.url}/__sim/state)`);
  console.log(`Sample sequence folders in ${sequences}`);
  console.log(`Sign-ins in a throwaway keychain service: ${service}`);

  const browserFailed = (error: unknown) =>
    console.log(`  (the demo's browser failed: ${String(error)})`);
  await cli(env, ['login', 'strava', '--no-open'], (line) => {
    authorizeStrava(line).catch(browserFailed);
  });
  await cli(env, ['login', 'mtpw', '--no-open'], (line, run) => {
    authorizeMtpw(line, run).catch(browserFailed);
  });

  // Strava's bad moments: one upload answered 503, one created but its answer lost.
  sim.faults.add('POST /api/v3/uploads', { type: 'status', status: 503 });
  sim.faults.add('POST /api/v3/uploads', { type: 'drop', when: 'after' });
  await cli(env, ['upload', sequences, '--create-mtpw']);

  console.log(`\n(The demo fixes the broken track, as you would, then presses Retry.)`);
  await writeFile(broken, gpxText({ points: 600, start: Date.UTC(2021, 5, 4, 9), lat: 28.33 }));
  await cli(env, ['retry', '--all']);
  await cli(env, ['status']);

  const state = sim.state();
  const count = (key: string) => state.requests[key] ?? 0;
  console.log('\nWhat happened, from the simulator and the folders:');
  console.log(
    `  Strava: ${state.activities.length} activities for 4 tracks; ${count('POST /api/v3/uploads')} upload POSTs ` +
      `(one answered 503 and retried, one re-sent after its answer was lost and recognised as Strava's duplicate); ` +
      `${count('GET /api/v3/athlete/activities')} activity-list reads and ${count('GET /api/v3/uploads/{id}')} single polls confirmed them.`,
  );
  console.log(
    `  Map the Paths: ${count('POST /api/v1/sequence/create')} sequences created, ` +
      `${state.mtpw.sequences.filter((s) => s.strava).length} of ${state.mtpw.sequences.length} linked to their activity.`,
  );
  for (const name of ['Harbour walk', 'Coast ride', 'Bay paddle', 'Broken track']) {
    const marker = await readFile(join(sequences, name, 'upload_strava.json'), 'utf8')
      .then((text) => (JSON.parse(text) as { status?: string }).status ?? '?')
      .catch(() => 'not written');
    console.log(`  ${name}/upload_strava.json: status ${marker}`);
  }
  await cli(env, ['logout']);
} finally {
  await cleanUp();
  console.log('\nRemoved the sample folders, the CLI state and the keychain entries.');
}
