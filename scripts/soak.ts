/**
 * `npm run soak [-- --items 300 --kills 5 --seed 1]`: sequences through the real CLI
 * against the simulator under a fault plan (5xx, dropped connections, stalls past
 * the client's timeout, bursts of 429, access tokens expiring mid-run with rotating
 * refresh tokens, MTPW creates made but their answer lost, duplicate sequences), the CLI killed with SIGKILL at random moments
 * and restarted; after the last kill, failed items get the user's Retry
 * (`retry --all`) until none is left. Prints every figure and exits non-zero unless
 * the verdict (scripts/soak-verdict.ts) passes. Needs an unlocked keychain
 * (scripts/with-keyring.sh). `--bursts N` sets how many 429 bursts (default 3, each
 * just before a quarter hour).
 */
import { randomUUID } from 'node:crypto';
import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { signInCliToStrava } from '../tests/support/cli-env';
import { runCli } from '../tests/support/cli-runner';
import { makeSequenceFolder } from '../tests/support/make-sequence-folder';
import { startSimulator } from '../src/sim/index';
import { createKeytarSecretStore } from '../src/core/secrets/keytar-secret-store';
import { StravaTokenStore } from '../src/core/strava/strava-token-store';
import { MtpwTokenStore } from '../src/core/mtpw/mtpw-token-store';
import { mtpwFigures, statusRowSchema, stravaFigures } from './soak-figures';
import { soakVerdict, type SoakFigures } from './soak-verdict';

const { values } = parseArgs({
  options: {
    items: { type: 'string', default: '300' },
    kills: { type: 'string', default: '5' },
    seed: { type: 'string', default: '1' },
    bursts: { type: 'string', default: '3' },
  },
});
const items = Number(values.items);
const kills = Number(values.kills);
let seed = Number(values.seed);
const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;

const started = performance.now();
// Limits raised fivefold so a full run fits in minutes: the soak measures faults; the
// scheduler under Strava's default limits is proven by tests/integration/rate-limit-run.test.ts.
const sim = await startSimulator({
  clientId: '54321',
  clientSecret: 'sim-client-secret',
  processingDelayMs: 1000,
  seed: Number(values.seed),
  rateLimits: { overall: [1000, 10_000], read: [500, 5000] },
});
const root = await mkdtemp(join(tmpdir(), 'mtp-soak-'));
const service = `mtp-strava-soak-${randomUUID()}`;
const keychain = createKeytarSecretStore(service);
try {
  // Sequences: half with an MTPW id; about 5% are a second folder holding the same track (a true duplicate).
  const sequences = join(root, 'sequences');
  const tracks: number[] = [];
  for (let i = 0; i < items; i++) {
    const name = `Soak ${String(i).padStart(3, '0')}`;
    const copyOf =
      i > 10 && random() < 0.05 ? tracks[Math.floor(random() * tracks.length)] : undefined;
    const start = copyOf ?? Date.UTC(2020, 0, 1) + i * 3_600_000;
    await makeSequenceFolder(sequences, {
      name,
      transportType: 'Earth',
      transportMethod: 'Walk',
      ...(i % 2 === 0 ? { mtpwId: sim.seedMtpwSequence({ name }) } : {}),
      track: { points: 60, start },
    });
    if (copyOf === undefined) tracks.push(start);
  }
  const first = await signInCliToStrava(sim, keychain);
  await new MtpwTokenStore(keychain).save({
    accessToken: sim.mtpwTokenFor(),
    connectedAt: Date.now(),
  });

  const basePlan = () => {
    sim.faults.add('*', { type: 'status', status: 503 }, { probability: 0.1 });
    sim.faults.add('*', { type: 'drop' }, { probability: 0.03 });
    sim.faults.add('POST /api/v3/uploads', { type: 'drop', when: 'after' }, { probability: 0.02 });
    sim.faults.add('*', { type: 'stall', ms: 8000 }, { probability: 0.02 });
    sim.faults.add(
      'GET /api/v3/athlete/activities',
      { type: 'expire-token' },
      { probability: 0.05 },
    );
    sim.faults.add('POST /api/v3/uploads', { type: 'expire-token' }, { probability: 0.02 });
  };
  // The first list read always finds its token expired, so every run rotates the tokens at least once.
  sim.faults.add('GET /api/v3/athlete/activities', { type: 'expire-token' }, { times: 1 });
  // The first MTPW create is made but its answer lost: an orphan every run must report.
  sim.faults.add('POST /api/v1/sequence/create', { type: 'drop', when: 'after' }, { times: 1 });
  basePlan();
  // Bursts of 429 in the last half minute of a quarter hour. A 429 says "this window is
  // full", so the client rightly waits for the next one; what the burst has not used is
  // withdrawn a few seconds before the window ends, so no 429 lands in the next one.
  let burstsLeft = Number(values.bursts);
  let bursting = false;
  let injected429s = 0;
  const bursts = setInterval(() => {
    const toNextWindow = 900_000 - (Date.now() % 900_000);
    if (bursting && toNextWindow < 5_000) {
      const unused = sim.faults.list().find((f) => f.fault.type === 'rate-limit')?.remaining ?? 0;
      injected429s += 3 - Number(unused);
      sim.faults.clear();
      basePlan();
      bursting = false;
    }
    if (!bursting && burstsLeft > 0 && toNextWindow > 10_000 && toNextWindow < 35_000) {
      sim.faults.add('POST /api/v3/uploads', { type: 'rate-limit' }, { times: 3 });
      burstsLeft -= 1;
      bursting = true;
    }
  }, 1_000);

  const env = {
    STRAVA_BASE_URL: sim.url,
    MTPW_BASE_URL: sim.url,
    STRAVA_CLIENT_ID: '54321',
    STRAVA_CLIENT_SECRET: 'sim-client-secret',
    MTP_STRAVA_HOME: join(root, 'home'),
    MTP_STRAVA_KEYCHAIN_SERVICE: service,
    MTP_STRAVA_TIMEOUT_MS: '4000',
    MTP_STRAVA_RETRY_BASE_MS: '250',
  };
  const outputs: string[] = [];
  const errors: string[] = [];
  // Spread over the time the job takes now (about 0.1 s a sequence here), so every
  // requested SIGKILL lands while the CLI still has work to do.
  const killTimes = Array.from(
    { length: kills },
    () => 2_000 + random() * Math.max(4_000, items * 60),
  ).sort((a, b) => a - b);
  let killed = 0;
  let retryRounds = 0;
  let exit: number | null = null;
  for (let round = 0; exit !== 0 && round < kills + 8; round++) {
    // The simulated user: once the kills are over, a run that ended with failed items gets Retry.
    const retrying = round > 0 && killed >= kills && exit !== null;
    if (retrying) retryRounds += 1;
    const args = retrying
      ? ['retry', '--all', '--json']
      : ['upload', sequences, '--json', '--create-mtpw'];
    const run = runCli(args, env);
    const killAt =
      killed < kills ? (killTimes[killed] ?? 0) - (performance.now() - started) : Infinity;
    const timer = Number.isFinite(killAt)
      ? setTimeout(() => run.child.kill('SIGKILL'), Math.max(500, killAt))
      : undefined;
    exit = await run.exit;
    clearTimeout(timer);
    if (run.child.signalCode === 'SIGKILL') killed += 1;
    outputs.push(...run.lines, ...run.stderr);
    errors.push(...run.stderr);
  }
  clearInterval(bursts);

  const status = runCli(['status', '--json'], env);
  await status.exit;
  outputs.push(...status.lines, ...status.stderr);
  errors.push(...status.stderr);
  const rows = status.lines.map((l) => statusRowSchema.parse(JSON.parse(l)));
  // The tokens as they are now (rotated by the refreshes), read back before the keychain is emptied.
  const lastStrava = await new StravaTokenStore(keychain).load();
  const lastMtpw = await new MtpwTokenStore(keychain).load();
  const secrets = new Set<string>(['sim-client-secret', first.accessToken, first.refreshToken]);
  for (const s of [lastStrava?.accessToken, lastStrava?.refreshToken, lastMtpw?.accessToken])
    if (s) secrets.add(s);
  let leaks = 0;
  for (const entry of await readdir(root, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if (!(await stat(path)).isFile()) continue;
    const text = await readFile(path, 'latin1');
    for (const s of secrets) if (text.includes(s)) leaks += 1;
  }
  for (const s of secrets) if (outputs.some((line) => line.includes(s))) leaks += 1;

  const state = sim.state();
  const done = rows.filter((r) => r.stage === 'done');
  const failed = rows.filter((r) => r.stage === 'failed');
  const figures: SoakFigures = {
    items,
    done: done.length,
    failed: failed.length,
    lost: items - done.length - failed.length,
    distinctTracks: tracks.length,
    ...stravaFigures(state, tracks),
    doneWithoutActivity: done.filter((d) => !d.activityId).length,
    mtpwExpected: items,
    ...mtpwFigures(state, rows),
    killsRequested: kills,
    kills: killed,
    tokensReadBack: Boolean(lastStrava && lastMtpw),
    secretsFound: leaks,
    foreseeable429s: state.rateLimitRefusals,
  };
  const seconds = (performance.now() - started) / 1000;

  const f = figures;
  console.log(
    `soak: ${items} sequences (${tracks.length} distinct tracks), SIGKILLs ${killed} of ${kills} requested, Retry rounds ${retryRounds}, ${seconds.toFixed(0)} s wall`,
  );
  console.log(`soak: done ${f.done}, failed ${f.failed}, lost ${f.lost}`);
  for (const r of failed) console.log(`soak:   failed ${r.name}: ${r.error?.message ?? '?'}`);
  console.log(
    `soak: Strava activities ${state.activities.length}; distinct tracks with an activity ${f.tracksWithActivity} of ${f.distinctTracks}; extra (duplicated) ${f.activitiesExtra}; done items without an activity ${f.doneWithoutActivity}`,
  );
  console.log(
    `soak: MTPW sequences marked with their activity ${f.mtpwMarked} of ${f.mtpwExpected}; ${state.mtpw.sequences.length} on MTPW`,
  );
  console.log(
    `soak: MTPW interrupted creates reported ${f.interruptedCreatesReported}, extra sequences found ${f.mtpwOrphans}, duplicates not reported ${f.mtpwDuplicates}`,
  );
  for (const r of rows.filter((r) => r.mtpwWarning))
    console.log(`soak:   ${r.name}: ${r.mtpwWarning}`);
  console.log(
    `soak: 429s injected in bursts and answered ${injected429s}${bursting ? ' (plus a burst still running at the end)' : ''}`,
  );
  console.log(
    `soak: 429s the scheduler could have foreseen ${f.foreseeable429s}; requests ${Object.entries(
      state.requests,
    )
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}`,
  );
  console.log(
    `soak: secrets searched for ${secrets.size} (client secret, first and last Strava tokens, MTPW token; last read back from the keychain: ${f.tokensReadBack ? 'yes' : 'NO'}; Strava tokens rotated: ${lastStrava?.refreshToken !== first.refreshToken ? 'yes' : 'no'}), found in files or output ${leaks}`,
  );
  const verdict = soakVerdict(figures);
  for (const p of verdict.problems) console.log(`soak:   OFF (${p.figures.join(', ')}): ${p.says}`);
  // What the CLI said on stderr, for a failed run (tokens would have been counted above).
  if (!verdict.pass) for (const line of errors.slice(-5)) console.log(`soak:   CLI: ${line}`);
  console.log(`soak: ${verdict.pass ? 'PASS' : 'FAIL'}`);
  process.exitCode = verdict.pass ? 0 : 1;
} finally {
  for (const account of await keychain.accounts().catch(() => [])) await keychain.delete(account);
  await sim.close();
  await rm(root, { recursive: true, force: true });
}
