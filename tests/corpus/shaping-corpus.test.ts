import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { shapeOptionsSchema } from '../../src/core/shape/shape-options';
import { startSimulator, type Simulator } from '../../src/sim/index';
import type { QueueItem } from '../../src/core/pipeline/queue-item';
import { cliEnv, keyringReady, signInCliToStrava } from '../support/cli-env';
import { runCli } from '../support/cli-runner';
import { makeSequenceFolder } from '../support/make-sequence-folder';
import { startPipelineHarness, type PipelineHarness } from '../support/pipeline-harness';
import { simClientId, simClientSecret } from '../support/sim-harness';
import { describeWhen, skipReasons } from '../support/skip-when';
import { shapingFlagCases, shapingLeftCases } from './corpus-cases';
import { expectClearRefusal } from './corpus-checks';

/**
 * The shaping part of the bad-input corpus: every bad flag value through the real CLI,
 * signed in to the simulator, must exit 2 naming the flag and its form with nothing
 * sent; every track shaping leaves too little of must fail with the reason while the
 * rest of its batch is sent.
 */

describeWhen(keyringReady, skipReasons.keyring)('bad shaping flag values, through the CLI', () => {
  let sim: Simulator | undefined;
  let home = '';
  const runs = new Map<string, Promise<{ code: number | null; stderr: string }>>();

  beforeAll(async () => {
    sim = await startSimulator({ clientId: simClientId, clientSecret: simClientSecret });
    home = await mkdtemp(join(tmpdir(), 'mtp-shaping-corpus-'));
    const { env, secrets } = cliEnv(sim.url, join(home, 'state'));
    await signInCliToStrava(sim, secrets);
    const folder = await makeSequenceFolder(join(home, 'sequences'), {
      name: 'Good walk',
      transportType: 'Earth',
      transportMethod: 'Walk',
    });
    // Started together: each is a whole Node process.
    for (const c of shapingFlagCases) {
      const run = runCli(['upload', folder, '--json', ...c.args], env);
      runs.set(
        c.name,
        run.exit.then((code) => ({ code, stderr: run.stderr.join('\n') })),
      );
    }
    await Promise.all(runs.values());
  }, 120_000);

  afterAll(async () => {
    await sim?.close();
    if (home !== '') await rm(home, { recursive: true, force: true });
  });

  for (const c of shapingFlagCases) {
    it(c.name, async () => {
      const run = await runs.get(c.name);
      expect(run?.code).toBe(2);
      expect(run?.stderr).toContain(c.flag);
      expect(run?.stderr).toMatch(c.says);
      expect(run?.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('sent nothing for any of them, not even a read', () => {
    expect(sim?.state().requests).toEqual({});
    expect(sim?.state().uploads).toEqual([]);
  });
});

describe('tracks shaping leaves too little of, in one batch', () => {
  let h: PipelineHarness | undefined;
  const items = new Map<string, QueueItem>();

  beforeAll(async () => {
    h = await startPipelineHarness();
    const pipeline = h.pipeline();
    for (const c of shapingLeftCases) {
      const folder = await makeSequenceFolder(h.dir, {
        name: c.name,
        transportType: 'Earth',
        transportMethod: 'Walk',
        track: c.track,
      });
      const [item] = pipeline.add([folder], {
        createMtpw: false,
        shape: shapeOptionsSchema.parse(c.shape),
      });
      if (item) items.set(c.name, item);
    }
    await pipeline.run({ signal: AbortSignal.timeout(60_000) });
    for (const item of pipeline.items()) items.set(item.name, item);
  }, 90_000);

  afterAll(async () => h?.close());

  for (const c of shapingLeftCases) {
    it(c.name, () => {
      const item = items.get(c.name);
      if (c.says === undefined) {
        expect(item?.error?.message).toBeUndefined();
        expect(item?.stage).toBe('done');
        return;
      }
      expect(item?.stage).toBe('failed');
      expect(item?.uploadStartedAt).toBeUndefined();
      expectClearRefusal(item?.error, { says: c.says, file: `"${c.name}"` });
    });
  }

  it('sent only the track with enough left', () => {
    const sent = shapingLeftCases.filter((c) => c.says === undefined).length;
    expect(h?.sim.state().requests['POST /api/v3/uploads']).toBe(sent);
  });
});
