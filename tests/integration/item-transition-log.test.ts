import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createFileLogger } from '../../src/core/log/file-logger';
import { logItemTransitions } from '../../src/core/log/item-transition-log';
import { Redactor } from '../../src/core/log/redact';
import { makeSequenceFolder } from '../support/make-sequence-folder';
import { startPipelineHarness, type PipelineHarness } from '../support/pipeline-harness';

let h: PipelineHarness | undefined;
let logDir: string | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  if (logDir) await rm(logDir, { recursive: true, force: true });
  logDir = undefined;
});

type Line = Record<string, unknown> & { level: string; message: string };

describe('the item transition log', () => {
  it('writes one line per state change and per failure, with the sequence, step, reason and status', async () => {
    h = await startPipelineHarness();
    logDir = await mkdtemp(join(tmpdir(), 'mtp-translog-'));
    const logger = createFileLogger({ dir: logDir, name: 'mtp-strava', redactor: new Redactor() });
    const pipeline = h.pipeline({ concurrency: 1 });
    const stop = logItemTransitions(pipeline, logger);

    // Four 503s: the first try and the three automatic retries, then the item stops.
    h.sim.faults.add('POST /api/v3/uploads', { type: 'status', status: 503 }, { times: 4 });
    pipeline.add([await makeSequenceFolder(h.dir, { name: 'Stormy', track: { points: 30 } })], {
      createMtpw: false,
    });
    expect(await pipeline.run()).toMatchObject({ done: 0, failed: 1 });
    pipeline.add([await makeSequenceFolder(h.dir, { name: 'Calm', track: { points: 30 } })], {
      createMtpw: false,
    });
    expect(await pipeline.run()).toMatchObject({ done: 1, failed: 1 });
    stop();
    await logger.close();

    const lines = (await readFile(join(logDir, 'mtp-strava.log'), 'utf8'))
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Line);
    const of = (name: string) => lines.filter((l) => l.sequence === name);
    const stages = (name: string) =>
      of(name)
        .filter((l) => l.from !== undefined)
        .map((l) => `${String(l.from)}→${String(l.to)}`);

    expect(stages('Calm')).toEqual([
      'new→queued',
      'queued→reading',
      'reading→uploading',
      'uploading→processing',
      'processing→syncing',
      'syncing→done',
    ]);
    expect(stages('Stormy')).toEqual([
      'new→queued',
      'queued→reading',
      'reading→uploading',
      'uploading→failed',
    ]);
    const retries = of('Stormy').filter((l) => l.message === 'item: step failed, retrying');
    expect(retries).toHaveLength(3);
    for (const r of retries)
      expect(r).toMatchObject({ level: 'warn', step: 'uploading', status: 503 });
    const failed = of('Stormy').filter((l) => l.message === 'item: failed');
    expect(failed).toEqual([
      expect.objectContaining({
        level: 'error',
        sequence: 'Stormy',
        from: 'uploading',
        to: 'failed',
        step: 'uploading',
        status: 503,
        kind: 'server',
        reason: expect.stringMatching(/Strava is having trouble/) as unknown,
        detail: expect.stringMatching(/^HTTP 503: Service Unavailable/) as unknown,
      }),
    ]);
    // Progress (bytes sent, polls) is no transition: only waits are logged besides these.
    const others = (name: string) =>
      of(name).filter((l) => l.from === undefined && l.message !== 'item: step failed, retrying');
    for (const l of [...others('Calm'), ...others('Stormy')])
      expect(l).toMatchObject({
        message: 'item: waiting',
        waitingFor: expect.any(String) as unknown,
      });
    expect(others('Calm').length).toBeLessThanOrEqual(1);
    expect(others('Stormy')).toEqual([]);
  });
});
