import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { Journal } from '../../src/core/pipeline/journal';
import { Pipeline } from '../../src/core/pipeline/pipeline';
import type { Logger } from '../../src/core/ports';
import { makeSequenceFolder } from '../support/make-sequence-folder';
import {
  fastOptions,
  startPipelineHarness,
  type PipelineHarness,
} from '../support/pipeline-harness';

let h: PipelineHarness;
afterEach(async () => h?.close());

describe('a journal that can no longer be written (a full disk, a vanished folder)', () => {
  it('stops that item with a warning instead of stopping the app, and does not retry it in a loop', async () => {
    h = await startPipelineHarness();
    const journal = Journal.open({ path: join(h.dir, 'failing.jsonl') });
    const warnings: string[] = [];
    const logger: Logger = {
      info: () => undefined,
      warn: (message) => void warnings.push(message),
    };
    const pipeline = new Pipeline({
      strava: h.strava,
      journal,
      clock: h.clock,
      workDir: h.dir,
      logger,
      options: fastOptions,
    });
    pipeline.add([await makeSequenceFolder(h.dir, { name: 'Doomed', track: { points: 20 } })], {
      createMtpw: false,
    });
    journal.close();
    await pipeline.run({ signal: AbortSignal.timeout(1_000) });
    expect(warnings.filter((w) => w === 'pipeline: a step stopped unexpectedly')).toHaveLength(1);
  });
});
