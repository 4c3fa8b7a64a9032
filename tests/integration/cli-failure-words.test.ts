import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { describeWhen, skipReasons } from '../support/skip-when';
import { cliEnv, keyringReady, signInCliToStrava } from '../support/cli-env';
import { runCli } from '../support/cli-runner';
import { makeSequenceFolder } from '../support/make-sequence-folder';
import { simClientId, simClientSecret } from '../support/sim-harness';
import { startSimulator, type Simulator } from '../../src/sim/index';

let sim: Simulator | undefined;
let home: string | undefined;
afterEach(async () => {
  await sim?.close();
  if (home) await rm(home, { recursive: true, force: true });
});

describeWhen(keyringReady, skipReasons.keyring)(
  'mtp-strava once the automatic retries are spent',
  () => {
    // Three CLI runs one after the other: more than 20 s under a full run on two cores.
    it(
      'says the upload failed, why, and how to retry; nothing promises another try',
      { timeout: 60_000 },
      async () => {
        sim = await startSimulator({ clientId: simClientId, clientSecret: simClientSecret });
        home = await mkdtemp(join(tmpdir(), 'mtp-cli-failed-'));
        const { env, secrets } = cliEnv(sim.url, join(home, 'state'), {
          MTP_STRAVA_RETRY_BASE_MS: '20',
        });
        await signInCliToStrava(sim, secrets);
        const folder = await makeSequenceFolder(join(home, 'sequences'), {
          name: 'Stormy crossing',
          track: { points: 30 },
        });
        // Every try answers 503: the first one and all three automatic retries.
        sim.faults.add('POST /api/v3/uploads', { type: 'status', status: 503 }, { times: 4 });

        const upload = runCli(['upload', folder, '--json'], env);
        expect(await upload.exit).toBe(1);
        expect(sim.state().requests['POST /api/v3/uploads']).toBe(4);

        const status = runCli(['status'], env);
        expect(await status.exit).not.toBe(0);
        const text = status.lines.join('\n');
        expect(text).toMatch(
          /✗ Stormy crossing: failed: .+ Retry with `mtp-strava retry [0-9a-f]+`\./,
        );
        expect(text).not.toMatch(/tried again|will retry/i);

        // The id it names is the one `retry` takes.
        const id = /mtp-strava retry ([0-9a-f]+)/.exec(text)?.[1] ?? '';
        const retry = runCli(['retry', id, '--json'], env);
        expect(await retry.exit).toBe(0);
        expect(sim.state().activities).toHaveLength(1);
      },
    );
  },
);
