import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Journal } from '../../src/core/pipeline/journal';
import { Pipeline } from '../../src/core/pipeline/pipeline';
import type { PipelineDeps } from '../../src/core/pipeline/pipeline-deps';
import {
  defaultPipelineOptions,
  type PipelineOptions,
} from '../../src/core/pipeline/pipeline-options';
import { silentLogger, type StateStore } from '../../src/core/ports';
import { startHarness, type SimHarness } from './sim-harness';
import type { SimOptions } from '../../src/sim/index';

/** Fast settings for tests: the simulator processes in 100 ms and retries wait milliseconds. */
export const fastOptions: PipelineOptions = {
  ...defaultPipelineOptions,
  pollStartMs: 50,
  pollMaxMs: 200,
  pollBoundMs: 5_000,
  recheckMs: 60_000,
  listGraceMs: 400,
  retry: { maxAutoRetries: 3, baseDelayMs: 10, jitter: 0 },
};

/** An in-memory StateStore that round-trips through JSON, as a file would. */
export function memoryStateStore(): StateStore & { raw(): Record<string, string> } {
  const data = new Map<string, string>();
  return {
    get: (key) => (data.has(key) ? (JSON.parse(data.get(key) ?? 'null') as unknown) : undefined),
    set: (key, value) => void data.set(key, JSON.stringify(value)),
    delete: (key) => void data.delete(key),
    raw: () => Object.fromEntries(data),
  };
}

export interface PipelineHarness extends SimHarness {
  dir: string;
  state: StateStore;
  /** The journal file every pipeline of this harness shares. */
  journalPath: string;
  /** A new Pipeline over the same journal, read again from disk, as after a restart. */
  pipeline(options?: Partial<PipelineOptions>, deps?: Pick<PipelineDeps, 'wait'>): Pipeline;
  /** Deletes the journal file, as a user starting afresh would. */
  forgetJournal(): Promise<void>;
}

/** The simulator, signed-in clients, a temp folder for sequences and a journal. */
export async function startPipelineHarness(
  options: SimOptions & { mtpw?: boolean } = {},
): Promise<PipelineHarness> {
  const h = await startHarness({ processingDelayMs: 100, ...options });
  const dir = await mkdtemp(join(tmpdir(), 'mtp-pipeline-'));
  const state = memoryStateStore();
  const journalPath = join(dir, 'journal.jsonl');
  let journal: Journal | undefined;
  // As after a restart: the previous process let go of the journal before the next opens it.
  const reopen = () => {
    journal?.close();
    journal = Journal.open({ path: journalPath, legacy: state });
    return journal;
  };
  await h.signInStrava();
  if (options.mtpw !== false) await h.signInMtpw();
  return {
    ...h,
    dir,
    state,
    journalPath,
    pipeline: (overrides = {}, deps = {}) =>
      new Pipeline({
        ...deps,
        strava: h.strava,
        mtpw: { client: h.mtpw, connected: async () => (await h.mtpwTokens.load()) !== null },
        journal: reopen(),
        clock: h.clock,
        workDir: dir,
        logger: silentLogger,
        options: { ...fastOptions, ...overrides },
      }),
    forgetJournal: async () => {
      journal?.close();
      journal = undefined;
      await rm(journalPath, { force: true });
    },
    close: async () => {
      journal?.close();
      await h.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
