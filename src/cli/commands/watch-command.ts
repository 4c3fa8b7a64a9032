import { resolve } from 'node:path';
import { FolderWatchService, type WatchStatus } from '../../core/app/folder-watch-service';
import type { Pipeline } from '../../core/pipeline/pipeline';
import type { ShapeOptions } from '../../core/shape/shape-options';
import type { CliServices } from '../cli-services';
import { createProgressView } from '../progress-view';
import { mayWorkOnQueue } from './queue-owner';

export interface WatchOptions {
  json: boolean;
  createMtpw: boolean;
  shape?: ShapeOptions;
  /** How long a folder's JSON and GPX must hold still (5 s; shorter in tests). */
  stableMs?: number;
}

/**
 * `watch <dir>`: queues each new sequence folder of `dir` once it is complete and
 * uploads it, until Ctrl-C (exit 0). The journal remembers every queued folder, so
 * a folder is sent once across restarts.
 */
export async function watchFolder(
  services: CliServices,
  dir: string,
  options: WatchOptions,
): Promise<boolean> {
  const pipeline = services.pipeline();
  if (!mayWorkOnQueue(pipeline)) return false;
  const folder = resolve(dir);
  const say = (event: string, fields: Record<string, unknown>, words: string) =>
    console.log(options.json ? JSON.stringify({ event, ...fields }) : words);

  const stop = new AbortController();
  const runner = keepRunning(pipeline, stop.signal);
  const view = createProgressView(options.json ? 'json' : 'lines', services.activityUrl);
  const unsubscribe = pipeline.subscribe((changed) => view.update(changed));
  const watch = new FolderWatchService({
    queue: (folders) => {
      const added = pipeline.add(folders, {
        createMtpw: options.createMtpw,
        ...(options.shape ? { shape: options.shape } : {}),
      });
      for (const item of added)
        say('queued', { id: item.id, folder: item.folder }, `+ queued ${item.folder}`);
      runner.nudge();
    },
    known: (candidate) => pipeline.items().some((item) => resolve(item.folder) === candidate),
    ...(options.stableMs !== undefined ? { stableMs: options.stableMs } : {}),
  });
  let lastNotice: string | undefined;
  watch.subscribe((status: WatchStatus) => {
    if (status.notice === lastNotice) return;
    lastNotice = status.notice;
    if (status.notice)
      say('watch', { state: status.state, notice: status.notice }, `! ${status.notice}`);
  });

  const stopped = new Promise<void>((done) => {
    const onSignal = () => {
      stop.abort();
      done();
    };
    process.once('SIGINT', onSignal);
    process.once('SIGTERM', onSignal);
  });
  // Whatever an earlier run left unfinished goes on too.
  runner.nudge();
  await watch.setFolder(folder);
  say('watching', { folder }, `Watching ${folder} for new sequence folders. Press Ctrl-C to stop.`);
  await stopped;
  await watch.close();
  await runner.done();
  unsubscribe();
  view.stop();
  say('stopped', { folder }, 'Stopped watching.');
  return true;
}

/** Runs the pipeline whenever it has work, until `signal` aborts. */
function keepRunning(pipeline: Pipeline, signal: AbortSignal) {
  let running: Promise<void> | undefined;
  const unfinished = () =>
    pipeline.items().some((item) => item.stage !== 'done' && item.stage !== 'failed');
  const nudge = (): void => {
    if (signal.aborted) return;
    if (running) {
      pipeline.wake();
      return;
    }
    running = pipeline
      .run({ signal })
      .then(
        () => undefined,
        (error: unknown) => console.error(`The queue stopped: ${String(error)}`),
      )
      .finally(() => {
        running = undefined;
        // An item added as the run was ending would otherwise wait for the next one.
        if (unfinished() && !signal.aborted) setTimeout(nudge, 250);
      });
  };
  return { nudge, done: () => running ?? Promise.resolve() };
}
