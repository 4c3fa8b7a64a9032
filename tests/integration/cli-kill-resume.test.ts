import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { describeWhen, skipReasons } from '../support/skip-when';
import { cliEnv, keyringReady } from '../support/cli-env';
import { runCli, type CliRun } from '../support/cli-runner';
import { makeSequenceFolder } from '../support/make-sequence-folder';
import { simClientId, simClientSecret } from '../support/sim-harness';
import { startSimulator, type Simulator } from '../../src/sim/index';
import { StravaTokenStore } from '../../src/core/strava/strava-token-store';
import { MtpwTokenStore } from '../../src/core/mtpw/mtpw-token-store';

let sim: Simulator | undefined;
let home: string | undefined;
afterEach(async () => {
  await sim?.close();
  if (home) await rm(home, { recursive: true, force: true });
});

/** A simulator, three MTP folders (two with MTPW ids), and a CLI environment already signed in to both. */
async function setup() {
  sim = await startSimulator({
    clientId: simClientId,
    clientSecret: simClientSecret,
    processingDelayMs: 300,
  });
  home = await mkdtemp(join(tmpdir(), 'mtp-cli-'));
  const { env, secrets } = cliEnv(sim.url, join(home, 'state'), {
    MTP_STRAVA_POLL_START_MS: '100',
    MTP_STRAVA_RETRY_BASE_MS: '50',
  });
  const t = sim.issueTokens({ scope: ['read', 'activity:write', 'activity:read_all'] });
  await new StravaTokenStore(secrets).save({
    accessToken: t.access_token,
    refreshToken: t.refresh_token,
    expiresAt: t.expires_at,
    scopes: ['read', 'activity:write', 'activity:read_all'],
  });
  await new MtpwTokenStore(secrets).save({
    accessToken: sim.mtpwTokenFor(),
    connectedAt: Date.now(),
  });
  const sequences = join(home, 'sequences');
  for (let i = 0; i < 3; i++) {
    await makeSequenceFolder(sequences, {
      name: `Walk ${i}`,
      transportType: 'Earth',
      transportMethod: 'Walk',
      ...(i < 2 ? { mtpwId: sim.seedMtpwSequence({ name: `Walk ${i}` }) } : {}),
      track: { points: 80, start: Date.UTC(2022, 2, i + 1, 9) },
    });
  }
  return { env, sequences, secrets };
}

const stageOf = (line: string) => {
  try {
    return (JSON.parse(line) as { stage?: string }).stage;
  } catch {
    return undefined;
  }
};

/** Runs `upload` and SIGKILLs it the first time any item reaches `stage`. */
async function killAt(stage: string, env: NodeJS.ProcessEnv, folder: string): Promise<CliRun> {
  const run = runCli(['upload', folder, '--json'], env, (line, r) => {
    if (stageOf(line) === stage) r.child.kill('SIGKILL');
  });
  await run.exit;
  return run;
}

describeWhen(keyringReady, skipReasons.keyring)(
  'the CLI killed with SIGKILL at each pipeline step, then restarted',
  () => {
    it.each(['reading', 'uploading', 'processing', 'syncing'])(
      'killed at "%s": every item finishes, no duplicate activity',
      async (stage) => {
        const { env, sequences } = await setup();
        const killed = await killAt(stage, env, sequences);
        expect(killed.child.signalCode).toBe('SIGKILL');
        const resumed = runCli(['upload', sequences, '--json'], env);
        expect(await resumed.exit).toBe(0);
        const state = sim!.state();
        expect(state.activities).toHaveLength(3);
        expect(new Set(state.activities.map((a) => a.upload_id_str)).size).toBe(3);
        expect(state.mtpw.sequences.filter((s) => s.strava)).toHaveLength(2);
        expect(JSON.parse(resumed.lines.at(-1) ?? '{}')).toMatchObject({
          event: 'summary',
          total: 3,
          done: 3,
        });
      },
    );

    it('killed after Strava created the upload but before it answered: the re-post is recognised as its duplicate', async () => {
      const { env, sequences } = await setup();
      // One item at a time, so the held POST is the only one in flight when the CLI dies.
      const args = ['upload', sequences, '--json', '--concurrency', '1'];
      sim!.faults.add('POST /api/v3/uploads', { type: 'stall', ms: 60_000, when: 'after' });
      const run = runCli(args, env);
      while (sim!.state().uploads.length === 0) await new Promise((r) => setTimeout(r, 20));
      run.child.kill('SIGKILL');
      await run.exit;
      expect(run.child.signalCode).toBe('SIGKILL');
      const [orphan] = sim!.state().uploads;

      const resumed = runCli(args, env);
      expect(await resumed.exit).toBe(0);
      const state = sim!.state();
      expect(state.activities).toHaveLength(3);
      const first = state.activities.find((a) => a.upload_id_str === orphan?.id_str);
      expect(first).toBeDefined();
      // Three tracks, plus the one sent again after the restart: no more.
      expect(state.requests['POST /api/v3/uploads']).toBe(4);
      const repost = state.uploads.find((u) => u.error?.includes('duplicate of'));
      expect(repost?.error).toMatch(new RegExp(`duplicate of .*\\b${first?.id}\\b`));
      const status = runCli(['status', '--json'], env);
      await status.exit;
      const items = status.lines.map(
        (l) => JSON.parse(l) as { uploadId?: string; activityId?: string; activitySource?: string },
      );
      expect(items.find((i) => i.uploadId === repost?.id_str)).toMatchObject({
        activityId: first?.id,
        activitySource: 'duplicate',
      });
    });

    it('a second upload while the first is still working refuses in words, and nothing is sent twice', async () => {
      const { env, sequences } = await setup();
      // The first POST is held 4 s and dropped, so the first upload is still at work when the second starts.
      sim!.faults.add('POST /api/v3/uploads', { type: 'stall', ms: 4_000, when: 'before' });
      const first = runCli(['upload', sequences, '--json'], env);
      while (sim!.state().requests['POST /api/v3/uploads'] === undefined)
        await new Promise((r) => setTimeout(r, 20));
      const second = runCli(['upload', sequences, '--json'], env);
      expect(await second.exit).toBe(1);
      expect(second.stderr.join('\n')).toContain(
        'another mtp-strava is already working on this queue',
      );
      expect(second.lines).toEqual([]);
      expect(await first.exit).toBe(0);
      const state = sim!.state();
      expect(state.activities).toHaveLength(3);
      expect(new Set(state.activities.map((a) => a.upload_id_str)).size).toBe(3);
      // Once the first is done, the queue is free again.
      expect(await runCli(['retry', '--all'], env).exit).toBe(0);
    }, 60_000);

    it('sends nothing again when run a second time', async () => {
      const { env, sequences } = await setup();
      expect(await runCli(['upload', sequences, '--json'], env).exit).toBe(0);
      const posts = sim!.state().requests['POST /api/v3/uploads'];
      const again = runCli(['upload', sequences, '--json'], env);
      expect(await again.exit).toBe(0);
      expect(sim!.state().requests['POST /api/v3/uploads']).toBe(posts);
      const status = runCli(['status', '--json'], env);
      expect(await status.exit).toBe(0);
      expect(status.lines.map((l) => stageOf(l))).toEqual(['done', 'done', 'done']);
    }, 60_000);

    it('says what went wrong, without a stack trace, and exits non-zero', async () => {
      const { env } = await setup();
      const run = runCli(['upload', join(home!, 'does-not-exist'), '--json'], env);
      expect(await run.exit).toBe(1);
      const failed = run.lines
        .map((l) => JSON.parse(l) as { stage?: string; error?: { message: string } })
        .find((l) => l.stage === 'failed');
      expect(failed?.error?.message).toMatch(/does-not-exist/);
      expect([...run.lines, ...run.stderr].join('\n')).not.toMatch(/\n\s+at .*\(/);
      const bad = runCli(['upload'], env);
      expect(await bad.exit).toBe(2);
    });
  },
);
