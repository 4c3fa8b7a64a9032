/**
 * Mean Strava requests per upload (the POST included) when Strava takes 1–8 s to
 * process each upload, with the pipeline's default timings. Target (issue 3): ≤ 3.0.
 * Printed for a token that may list activities (one read confirms many uploads)
 * and for one that may not (each upload polled).
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { spawnSim } from './support/spawn-sim';
import { benchPipeline, generateSequences, simControl } from './support/bench-pipeline';

const uploads = 24;

for (const [label, scopes] of [
  ['with activity:read_all', ['read', 'activity:write', 'activity:read_all']],
  ['without a read scope', ['read', 'activity:write']],
] as const) {
  const sim = await spawnSim(['--seed', '7']);
  const { dir, folders } = await generateSequences(uploads);
  try {
    const pipeline = await benchPipeline(sim.url, [...scopes], join(dir, 'journal.jsonl'), dir);
    // Each upload gets its own processing time, drawn when it starts sending.
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const seen = new Set<string>();
    pipeline.subscribe((items) => {
      for (const item of items) {
        if (item.stage === 'uploading' && !seen.has(item.id)) {
          seen.add(item.id);
          void simControl(sim.url, 'config', {
            processingDelayMs: Math.round(1000 + random() * 7000),
          });
        }
      }
    });
    pipeline.add(folders, { createMtpw: false });
    const started = performance.now();
    const summary = await pipeline.run();
    const seconds = (performance.now() - started) / 1000;
    const { requests } = (await (await fetch(`${sim.url}/__sim/state`)).json()) as {
      requests: Record<string, number>;
    };
    const strava = Object.entries(requests).filter(([key]) => key.includes('/api/v3/'));
    const total = strava.reduce((sum, [, n]) => sum + n, 0);
    const detail = strava.map(([key, n]) => `${key}: ${n}`).join(', ');
    console.log(
      `pipeline-requests ${label}: ${summary.done}/${uploads} done in ${seconds.toFixed(1)} s; ${(total / uploads).toFixed(2)} Strava requests per upload (${detail}); target ≤ 3.0`,
    );
  } finally {
    await sim.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
