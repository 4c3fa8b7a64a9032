import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { build } from 'vite';
import { FolderPreviewStream } from '../../src/core/app/folder-preview-stream';
import { PreviewPool } from '../../src/core/app/preview-pool';
import type { FolderPreviewsEvent } from '../../src/shared/ipc-contract';
import { gpxText } from '../../tests/support/generate-gpx';

/** What a drop of many folders cost. */
export interface PreviewScaleFigures {
  folders: number;
  pointsPerFolder: number;
  workers: number;
  /** From the drop to the first preview pushed. */
  firstPreviewMs: number;
  /** From the drop to the last folder's preview pushed. */
  totalMs: number;
  /** The longest the main event loop was held up while they were checked. */
  longestStallMs: number;
  /** CPU this process used meanwhile, every thread counted (the workers' share above all). */
  cpuMs: number;
  previews: number;
  problems: number;
}

/**
 * Writes `count` sequence folders of `points` track points each into a temp folder
 * (the MTP Desktop Uploader's layout: <name>.gpx and <name>.json); returns the folder
 * paths and a clean-up function.
 */
export async function makeFolders(count: number, points: number) {
  const root = await mkdtemp(join(tmpdir(), 'mtp-preview-scale-'));
  const folders: string[] = [];
  const write = async (i: number) => {
    const name = `Sequence ${String(i).padStart(5, '0')}`;
    const folder = join(root, name);
    await mkdir(folder);
    const start = Date.UTC(2020, 0, 1) + i * 3_600_000;
    await writeFile(join(folder, `${name}.gpx`), gpxText({ points, name, start }));
    const sequence = {
      id: `bench-${i}`,
      uploader_sequence_name: name,
      uploader_sequence_description: `Generated for the preview benchmark (${i})`,
      uploader_transport_type: 'Earth',
      uploader_transport_method: 'Walk',
      uploader_tags: ['bench'],
    };
    await writeFile(join(folder, `${name}.json`), JSON.stringify({ sequence, photo: {} }));
    folders.push(folder);
  };
  for (let i = 0; i < count; i += 50)
    await Promise.all(Array.from({ length: Math.min(50, count - i) }, (_, k) => write(i + k)));
  folders.sort();
  return { folders, cleanUp: () => rm(root, { recursive: true, force: true }) };
}

/** Builds the preview worker as the app's build does (one ES module, dependencies external). */
export async function buildPreviewWorker(): Promise<URL> {
  const outDir = resolve('.tmp/bench-preview-worker');
  await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      ssr: resolve('src/core/app/preview-worker.ts'),
      outDir,
      emptyOutDir: true,
      rollupOptions: { output: { format: 'es', entryFileNames: 'preview-worker.js' } },
    },
  });
  return pathToFileURL(join(outDir, 'preview-worker.js'));
}

/**
 * Drops `folders` the way the Upload screen does (requests of 1,000 paths, sent at
 * once) on the app's preview stream and pool, with every event serialised as the
 * loopback bridge does, and measures the first preview, the total and the longest
 * stall of this (the main) event loop. With `dragMs`, the drop comes that long after
 * the drag entered the window (the workers start then), as a person's drag does.
 */
export async function measurePreviewScale(
  folders: string[],
  pointsPerFolder: number,
  workerUrl: URL,
  options: { dragMs?: number } = {},
): Promise<PreviewScaleFigures> {
  const pool = new PreviewPool({ workerUrl });
  const stream = new FolderPreviewStream(pool);
  if (options.dragMs !== undefined) {
    // A drag entering the window says folders are coming (folders:prepare); the drop follows.
    stream.prepare();
    await new Promise((done) => setTimeout(done, options.dragMs));
  }
  const requests = new Set<string>();
  let previews = 0;
  let problems = 0;
  let firstAt = 0;
  const delay = monitorEventLoopDelay({ resolution: 10 });
  const started = performance.now();
  const finished = new Promise<void>((done) => {
    stream.subscribe((event: FolderPreviewsEvent) => {
      JSON.stringify(event);
      if (event.previews.length > 0 && firstAt === 0) firstAt = performance.now();
      previews += event.previews.length;
      problems += event.previews.filter((p) => p.problem).length;
      if (event.done) requests.delete(event.requestId);
      if (requests.size === 0) done();
    });
  });
  delay.enable();
  const cpu = process.cpuUsage();
  for (let start = 0; start < folders.length; start += 1000) {
    const requestId = `bench-request-${start}`;
    requests.add(requestId);
    stream.start(requestId, folders.slice(start, start + 1000));
  }
  await finished;
  const totalMs = performance.now() - started;
  const used = process.cpuUsage(cpu);
  delay.disable();
  await pool.close();
  return {
    folders: folders.length,
    pointsPerFolder,
    workers: Math.min(2, Math.max(1, (await import('node:os')).availableParallelism())),
    firstPreviewMs: firstAt - started,
    totalMs,
    longestStallMs: delay.max / 1e6,
    cpuMs: (used.user + used.system) / 1000,
    previews,
    problems,
  };
}
