/**
 * What the MTP Desktop Uploader's markers cost a sequence once Strava has it: the
 * two atomic writes of `markSentToStrava` (`upload_strava.json`, and
 * `destination.strava` in `<name>.json`), each a temporary file flushed with
 * fdatasync and renamed over the old one. Run in a worker thread, as the pipeline's
 * folder worker runs them, on generated MTP folders; the same file operations without
 * the flush are timed beside them, so what the flush costs on this disk shows.
 *
 * Run: node --import tsx bench/marker-writes.ts
 */
import { closeSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { isMainThread, parentPort, workerData } from 'node:worker_threads';
import { z } from 'zod';
import { startModuleWorker } from '../src/core/app/module-worker';
import { readSequenceFolder } from '../src/core/sequence/folder/sequence-folder';
import type { SequenceInfo } from '../src/core/sequence/folder/sequence-info';
import { markSentToStrava } from '../src/core/sequence/marker/marker-writer';
import { generateSequences } from './support/bench-pipeline';

const folders = 300;

const timingSchema = z.object({ cpuMs: z.number(), wallMs: z.number() });
const resultSchema = z.object({ durable: timingSchema, unflushed: timingSchema });
type Timing = z.infer<typeof timingSchema>;

/** CPU time of the calling thread in ms: its own on Linux, else the whole process's. */
function threadCpuMs(): number {
  try {
    return Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0]) / 1e6;
  } catch {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1000;
  }
}

/** Runs `work` over every folder and returns its CPU and wall time per folder. */
async function perFolder(
  infos: SequenceInfo[],
  work: (info: SequenceInfo) => Promise<void> | void,
): Promise<Timing> {
  const cpu = threadCpuMs();
  const wall = performance.now();
  for (const info of infos) await work(info);
  return {
    cpuMs: (threadCpuMs() - cpu) / infos.length,
    wallMs: (performance.now() - wall) / infos.length,
  };
}

/** The same two replacements as the markers, without fdatasync: open, write, close, rename. */
function replaceUnflushed(path: string, text: string): void {
  const temp = `${path}.bench.tmp`;
  const fd = openSync(temp, 'wx');
  try {
    writeSync(fd, text);
  } finally {
    closeSync(fd);
  }
  renameSync(temp, path);
}

/** In the worker: marks every folder, then replaces the same two files again without the flush. */
async function measure(paths: string[]): Promise<z.infer<typeof resultSchema>> {
  const infos = await Promise.all(paths.map((folder) => readSequenceFolder(folder)));
  const sent = { uploadId: '1', activityId: '2' };
  // Warm the code first, on folders of their own, so the figure is the writes and not the JIT.
  for (const info of infos.slice(0, 20)) await markSentToStrava(info, sent);
  const measured = infos.slice(20);
  const durable = await perFolder(measured, (info) => markSentToStrava(info, sent));
  const unflushed = await perFolder(measured, (info) => {
    if (!info.jsonPath) throw new Error(`${info.folder} has no sequence file`);
    replaceUnflushed(join(info.folder, 'upload_strava.json'), '{"status":"TRUE","data":"1"}');
    replaceUnflushed(info.jsonPath, readFileSync(info.jsonPath, 'utf8'));
  });
  return { durable, unflushed };
}

if (!isMainThread) {
  const paths = z.array(z.string()).parse(workerData);
  parentPort?.postMessage(await measure(paths));
} else {
  // The same small MTP folders as the scale benchmark's.
  const { dir, folders: paths } = await generateSequences(folders);
  try {
    const worker = startModuleWorker(new URL(import.meta.url), { workerData: paths });
    const result = resultSchema.parse(
      await new Promise((resolve, reject) => {
        worker.once('message', resolve);
        worker.once('error', reject);
      }),
    );
    await worker.terminate();
    const { durable, unflushed } = result;
    console.log(
      `marker-writes: the two markers of a sequence (atomic, flushed): ${durable.cpuMs.toFixed(2)} ms of CPU, ${durable.wallMs.toFixed(2)} ms wall; the same replacements without fdatasync: ${unflushed.cpuMs.toFixed(2)} ms of CPU, ${unflushed.wallMs.toFixed(2)} ms wall (${folders - 20} folders, in a worker thread)`,
    );
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
