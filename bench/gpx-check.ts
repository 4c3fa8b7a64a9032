/**
 * checkGpx against a DOM parser on a 25 MB GPX: time (median of 3) and peak RSS growth.
 * Targets: at least 2x faster and at most a fifth of the DOM parser's memory. Then the
 * wire size of a 3-hour 1 Hz track as gpx.gz (target at most 15% of the GPX) and
 * gzip level 6 against 9.
 *
 * Run: node --expose-gc --import tsx bench/gpx-check.ts
 *
 * Each measured run is a fresh child process (this file with `--child`), so one run's
 * heap cannot hide or inflate the next one's. RSS is sampled every 2 ms by a worker
 * thread, because the DOM parse blocks the main thread for its whole length.
 */
import { execFile } from 'node:child_process';
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { createGzip } from 'node:zlib';
import { DOMParser } from '@xmldom/xmldom';
import { checkGpx } from '../src/core/sequence/gpx/gpx-check';
import { gzipFile } from '../src/core/sequence/gpx/gzip-file';
import { writeGpxFile } from '../tests/support/generate-gpx';

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);
const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] as number;

interface RunResult {
  seconds: number;
  peakBytes: number;
  points: number;
}

/** What a DOM-based GPX reader does: the whole file as a string, a tree, then a walk. */
async function domCheck(path: string): Promise<number> {
  const text = await readFile(path, 'utf8');
  const doc = new DOMParser().parseFromString(text, 'application/xml');
  const points = doc.getElementsByTagName('trkpt');
  let valid = 0;
  for (let i = 0; i < points.length; i++) {
    const point = points.item(i);
    if (point === null) continue;
    const lat = Number(point.getAttribute('lat'));
    const lon = Number(point.getAttribute('lon'));
    const time = Date.parse(point.getElementsByTagName('time').item(0)?.textContent ?? '');
    if (Number.isFinite(lat) && Number.isFinite(lon) && Number.isFinite(time)) valid++;
  }
  return valid;
}

/** A worker that keeps the highest RSS of the process in shared memory. */
function startRssSampler(): { peak: () => number; reset: () => void; stop: () => Promise<number> } {
  const shared = new BigInt64Array(new SharedArrayBuffer(8));
  const worker = new Worker(
    `const { workerData } = require('node:worker_threads');
     const peak = workerData;
     setInterval(() => {
       const rss = BigInt(process.memoryUsage().rss);
       if (rss > Atomics.load(peak, 0)) Atomics.store(peak, 0, rss);
     }, 2);`,
    { eval: true, workerData: shared, execArgv: [] },
  );
  return {
    peak: () => Number(Atomics.load(shared, 0)),
    reset: () => Atomics.store(shared, 0, BigInt(process.memoryUsage().rss)),
    stop: () => worker.terminate(),
  };
}

/** One measured run in this (child) process; prints its result as one JSON line. */
async function child(mode: string, big: string, warmUp: string): Promise<void> {
  const check =
    mode === 'stream' ? async (path: string) => (await checkGpx(path)).points : domCheck;
  await check(warmUp);
  const sampler = startRssSampler();
  await new Promise((resolve) => setTimeout(resolve, 50));
  global.gc?.();
  const baseline = process.memoryUsage().rss;
  sampler.reset();
  const started = performance.now();
  const points = await check(big);
  const seconds = (performance.now() - started) / 1000;
  await new Promise((resolve) => setTimeout(resolve, 10));
  const peak = Math.max(sampler.peak(), process.memoryUsage().rss);
  await sampler.stop();
  const result: RunResult = { seconds, peakBytes: peak - baseline, points };
  console.log(JSON.stringify(result));
}

const run = promisify(execFile);
const self = fileURLToPath(import.meta.url);

/** Runs `mode` three times, each in a fresh process. */
async function measure(mode: string, big: string, warmUp: string): Promise<RunResult[]> {
  const results: RunResult[] = [];
  for (let i = 0; i < 3; i++) {
    const { stdout } = await run(
      process.execPath,
      [...process.execArgv, self, '--child', mode, big, warmUp],
      { maxBuffer: 1024 * 1024 },
    );
    const line = stdout.trim().split('\n').pop() ?? '';
    results.push(JSON.parse(line) as RunResult);
  }
  return results;
}

/** Seconds and bytes of gzipping `path` at `level`, into memory-free /dev/null-like output. */
async function gzipAt(path: string, level: number, out: string) {
  const started = performance.now();
  const gzip = createGzip({ level });
  const sink = createWriteStream(out);
  await pipeline(createReadStream(path), gzip, sink);
  return { seconds: (performance.now() - started) / 1000, bytes: sink.bytesWritten };
}

async function main(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'mtp-gpx-bench-'));
  try {
    const big = join(dir, 'big.gpx');
    const warmUp = join(dir, 'warm-up.gpx');
    await writeGpxFile(big, { points: 250_000, name: 'Big' });
    await writeGpxFile(warmUp, { points: 5_000, name: 'Warm-up' });
    const size = (await stat(big)).size;
    console.log(
      `gpx-check: ${mb(size)} MB GPX, 250000 points; 3 runs each, each in a fresh process`,
    );

    const streaming = await measure('stream', big, warmUp);
    const dom = await measure('dom', big, warmUp);
    for (const [name, runs] of [
      ['streaming', streaming],
      ['DOM', dom],
    ] as const) {
      const each = runs.map((r) => `${r.seconds.toFixed(2)} s / ${mb(r.peakBytes)} MB`).join(', ');
      console.log(`gpx-check: ${name} runs: ${each} (points read: ${runs[0]?.points})`);
    }
    const s = {
      seconds: median(streaming.map((r) => r.seconds)),
      peak: median(streaming.map((r) => r.peakBytes)),
    };
    const d = {
      seconds: median(dom.map((r) => r.seconds)),
      peak: median(dom.map((r) => r.peakBytes)),
    };
    const speed = d.seconds / s.seconds;
    const memory = s.peak / d.peak;
    console.log(
      `gpx-check: streaming ${s.seconds.toFixed(2)} s, ${mb(s.peak)} MB peak; DOM ${d.seconds.toFixed(2)} s, ${mb(d.peak)} MB peak; ` +
        `${speed.toFixed(1)}x faster, ${(memory * 100).toFixed(0)}% of the memory (targets: ≥2x, ≤20%): ` +
        `${speed >= 2 && memory <= 0.2 ? 'met' : 'NOT met'}`,
    );

    // The wire: a 3-hour ride at 1 Hz with elevation, as Strava would receive it.
    const ride = join(dir, 'ride.gpx');
    await writeGpxFile(ride, { points: 10_800, elevation: true, name: 'Three hours' });
    const { bytesIn, bytesOut } = await gzipFile(ride, `${ride}.gz`);
    const share = bytesOut / bytesIn;
    console.log(
      `gpx-check: wire size of a 3 h 1 Hz track (10800 points, with elevation): ${(bytesIn / 1024).toFixed(0)} KB GPX → ` +
        `${(bytesOut / 1024).toFixed(0)} KB gpx.gz, ${(share * 100).toFixed(1)}% (target: ≤15%): ${share <= 0.15 ? 'met' : 'NOT met'}`,
    );

    // Why gzip-file.ts uses level 6: level 9 against it, best of 3.
    for (const [label, path] of [
      ['3 h track', ride],
      [`${mb(size)} MB track`, big],
    ] as const) {
      const levels = [];
      for (const level of [6, 9]) {
        const tries = [];
        for (let i = 0; i < 3; i++)
          tries.push(await gzipAt(path, level, join(dir, `l${level}.gz`)));
        const best = Math.min(...tries.map((t) => t.seconds));
        levels.push(
          `level ${level} ${best.toFixed(3)} s → ${((tries[0]?.bytes ?? 0) / 1024).toFixed(0)} KB`,
        );
      }
      console.log(`gpx-check: gzip ${label}: ${levels.join('; ')}`);
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const childAt = process.argv.indexOf('--child');
if (childAt >= 0) {
  const [mode, big, warmUp] = process.argv.slice(childAt + 1);
  await child(mode ?? 'stream', big ?? '', warmUp ?? '');
} else {
  await main();
}
