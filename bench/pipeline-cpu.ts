/**
 * Pipeline CPU per item: 500 sequences through the whole pipeline against a
 * simulator in another process that answers at once (no processing delay, limits
 * out of the way), with the journal in a file as the CLI and the app keep it.
 * Only this process's CPU is counted.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSim } from './support/spawn-sim';
import { benchPipeline, generateSequences } from './support/bench-pipeline';
import { simControl } from './support/sim-control';

const count = Number(process.env.BENCH_ITEMS ?? 500);
const sim = await spawnSim(['--processing-delay-ms', '0']);
const { dir, folders } = await generateSequences(count);
const home = await mkdtemp(join(tmpdir(), 'mtp-bench-home-'));
try {
  await simControl(sim.url, 'config', {
    rateLimits: { overall: [1_000_000, 10_000_000], read: [1_000_000, 10_000_000] },
  });
  const pipeline = await benchPipeline(
    sim.url,
    ['read', 'activity:write', 'activity:read_all'],
    join(home, 'journal.jsonl'),
    dir,
    { concurrency: 4, pollStartMs: 50, listGraceMs: 200 },
  );
  pipeline.add(folders, { createMtpw: false });
  const cpu = process.cpuUsage();
  const started = performance.now();
  const summary = await pipeline.run();
  const used = process.cpuUsage(cpu);
  const seconds = (performance.now() - started) / 1000;
  const perItemMs = (used.user + used.system) / 1000 / count;
  console.log(
    `pipeline-cpu: ${summary.done}/${count} done in ${seconds.toFixed(1)} s wall; client CPU ${((used.user + used.system) / 1e6).toFixed(2)} s = ${perItemMs.toFixed(1)} ms per item (user ${(used.user / 1000 / count).toFixed(1)} ms, system ${(used.system / 1000 / count).toFixed(1)} ms)`,
  );
} finally {
  await sim.stop();
  await rm(dir, { recursive: true, force: true });
  await rm(home, { recursive: true, force: true });
}
