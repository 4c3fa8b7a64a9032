/**
 * Dropping 5,000 sequence folders of 1,000 track points each: the time to the first
 * preview, the total time (target ≤ 30 s) and the longest stall of the main event
 * loop while they are checked (perf_hooks.monitorEventLoopDelay; target < 50 ms).
 * The checks run in the app's worker pool, its worker built as the app builds it.
 * For reference: the stall of the idle loop (what other programs on the machine cost
 * it), and the stall when 500 of them are checked in the main thread, as
 * folders:inspect did before.
 *
 * Run: node --import tsx bench/preview-scale.ts   (BENCH_FOLDERS=N to change the count)
 */
import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { previewFolders } from '../src/core/app/folder-preview';
import { buildPreviewWorker, makeFolders, measurePreviewScale } from './support/preview-scale-run';

const count = Number(process.env.BENCH_FOLDERS ?? 5000);
const points = 1000;
const made = performance.now();
const { folders, cleanUp } = await makeFolders(count, points);
console.log(
  `preview-scale: wrote ${count.toLocaleString('en')} folders of ${points.toLocaleString('en')} points in ${((performance.now() - made) / 1000).toFixed(1)} s`,
);
try {
  const workerUrl = await buildPreviewWorker();
  // What other programs on the machine cost this event loop with nothing to do: the floor under the stall figure.
  const idle = monitorEventLoopDelay({ resolution: 10 });
  idle.enable();
  await new Promise((done) => setTimeout(done, 10_000));
  idle.disable();
  console.log(
    `preview-scale: idle reference: longest main-loop stall over 10 s with nothing running here ${(idle.max / 1e6).toFixed(1)} ms (load average ${loadavg()[0]?.toFixed(1)})`,
  );
  const f = await measurePreviewScale(folders, points, workerUrl);
  console.log(
    `preview-scale: ${f.previews.toLocaleString('en')} previews (${f.problems} with a problem) in ${f.workers} worker(s), dropped cold: first preview after ${f.firstPreviewMs.toFixed(0)} ms; total ${(f.totalMs / 1000).toFixed(1)} s (target ≤ 30 s: ${f.totalMs <= 30_000 ? 'met' : 'NOT met'}); longest main-loop stall ${f.longestStallMs.toFixed(1)} ms (target < 50 ms: ${f.longestStallMs < 50 ? 'met' : 'NOT met'})`,
  );
  console.log(
    `preview-scale: CPU used meanwhile ${(f.cpuMs / 1000).toFixed(1)} s (every thread; ${(f.cpuMs / f.previews).toFixed(1)} ms per folder); load average ${loadavg()[0]?.toFixed(1)} at the end (other programs share these cores)`,
  );
  const dragged = await measurePreviewScale(folders.slice(0, 50), points, workerUrl, {
    dragMs: 700,
  });
  console.log(
    `preview-scale: the same drop 0.7 s after the drag entered the window (folders:prepare started the workers): first preview after ${dragged.firstPreviewMs.toFixed(0)} ms (target ≤ 1 s: ${dragged.firstPreviewMs <= 1000 ? 'met' : 'NOT met'})`,
  );
  const sample = folders.slice(0, Math.min(500, folders.length));
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const started = performance.now();
  await previewFolders(sample);
  delay.disable();
  console.log(
    `preview-scale: before (in the main thread), ${sample.length} folders: ${((performance.now() - started) / 1000).toFixed(1)} s, longest main-loop stall ${(delay.max / 1e6).toFixed(0)} ms`,
  );
} finally {
  await cleanUp();
}
