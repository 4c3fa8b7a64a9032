/**
 * Strava reads per upload (list reads and polls; the POST itself costs no read)
 * when Strava takes 1–8 s to process each upload, with the pipeline's default
 * timings, for a token that may list activities (one read confirms many uploads)
 * and for one that may not (each upload polled), and once more without a read
 * scope when processing times jump in the middle of the batch. The learner starts
 * cold in each run. Targets (issue 12): ≤ 0.2 reads per upload with a read scope,
 * ≤ 1.25 without (≥ 80 uploads in a window of 100 reads).
 * BENCH_UPLOADS sets the batch size (default 48).
 */
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { spawnSim } from './support/spawn-sim';
import { benchPipeline, generateSequences } from './support/bench-pipeline';
import { simControl } from './support/sim-control';

const uploads = Number(process.env.BENCH_UPLOADS ?? 48);
const withRead = ['read', 'activity:write', 'activity:read_all'];
const withoutRead = ['read', 'activity:write'];

/** Processing time of the n-th upload, in ms. */
type Delay = (n: number, random: () => number) => number;
const steady: Delay = (_n, random) => 1000 + random() * 7000;
// The first half at 1–3 s, the second at 6–12 s: what the learner must follow without a poll burst.
const jump: Delay = (n, random) =>
  n < uploads / 2 ? 1000 + random() * 2000 : 6000 + random() * 6000;

const scenarios: Array<[string, string[], Delay, number]> = [
  ['with activity:read_all', withRead, steady, 0.2],
  ['without a read scope', withoutRead, steady, 1.25],
  ['without a read scope, processing 1-3 s then 6-12 s', withoutRead, jump, 1.25],
];

for (const [label, scopes, delay, target] of scenarios) {
  const sim = await spawnSim(['--seed', '7']);
  const { dir, folders } = await generateSequences(uploads);
  try {
    const pipeline = await benchPipeline(sim.url, scopes, join(dir, 'journal.jsonl'), dir);
    // Each upload gets its own processing time, set when it starts sending.
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const seen = new Set<string>();
    pipeline.subscribe((changed) => {
      for (const item of changed) {
        if (item.stage !== 'uploading' || seen.has(item.id)) continue;
        seen.add(item.id);
        void simControl(sim.url, 'config', {
          processingDelayMs: Math.round(delay(seen.size - 1, random)),
        });
      }
    });
    pipeline.add(folders, { createMtpw: false });
    const started = performance.now();
    const summary = await pipeline.run();
    const seconds = (performance.now() - started) / 1000;
    const { requests } = (await (await fetch(`${sim.url}/__sim/state`)).json()) as {
      requests: Record<string, number>;
    };
    const lists = requests['GET /api/v3/athlete/activities'] ?? 0;
    const polls = requests['GET /api/v3/uploads/{id}'] ?? 0;
    const perUpload = (lists + polls) / uploads;
    // A window allows 100 reads and 200 requests in all (reads count toward both).
    const perWindow = Math.floor(Math.min(100 / Math.max(perUpload, 1e-9), 200 / (1 + perUpload)));
    console.log(
      `pipeline-requests ${label}: ${summary.done}/${uploads} done in ${seconds.toFixed(1)} s; ${perUpload.toFixed(2)} reads per upload (${lists} list, ${polls} polls; target ≤ ${target}), so up to ${perWindow} uploads per 15-minute window`,
    );
  } finally {
    await sim.stop();
    await rm(dir, { recursive: true, force: true });
  }
}
