import { UploadError } from '../errors/upload-error';
import { applyFailure } from './item-failure';
import { finishStep } from './item-transitions';
import { folderIoOf, type PipelineDeps } from './pipeline-deps';
import type { QueueItem, Step } from './queue-item';
import { readStep } from './step-read';
import { syncStep } from './step-sync';
import { uploadStep } from './step-upload';

/** The step an item not in processing takes next (processing is checked in rounds). */
export const stepOf = (item: QueueItem): Exclude<Step, 'processing'> =>
  item.stage === 'uploading' || item.stage === 'syncing' ? item.stage : 'reading';

/** What a step needs of the scheduler that runs it. */
export interface StepContext {
  deps: PipelineDeps;
  /** The learned wait before the first check of Strava's processing. */
  firstWait(): number;
  /** Journals an item (`durable`: on disk before it returns). */
  save(item: QueueItem, durable?: boolean): QueueItem;
  /** Bytes of the upload sent so far: shown, not journaled. */
  progress(sent: number, total: number): void;
}

/** Runs one step of one item (read, upload or sync) and journals what came of it, a failure included. */
export async function runStep(item: QueueItem, ctx: StepContext): Promise<void> {
  const { deps } = ctx;
  const step = stepOf(item);
  try {
    let next: QueueItem;
    if (step === 'reading')
      next = await readStep(ctx.save({ ...item, stage: 'reading' }, false), folderIoOf(deps));
    else if (step === 'uploading')
      next = await uploadStep(
        item,
        deps,
        (i) => ctx.save(i),
        (sent, total) => ctx.progress(sent, total),
        ctx.firstWait(),
      );
    else next = await syncStep(item, deps, (i) => ctx.save(i));
    // Only Strava's answer to the POST must reach the disk at once: without it a resume
    // would post the file again. A read, a link or a marker is simply done again, so
    // those are synced with the next durable save, or when the scheduler goes idle.
    ctx.save(finishStep(item, next, deps.clock.now()), step === 'uploading');
  } catch (error) {
    // A bug (not an UploadError): its stack goes to the log only, the item gets words.
    if (!(error instanceof UploadError))
      deps.logger.warn('pipeline: a step failed with a bug', {
        step,
        stack: error instanceof Error ? error.stack : String(error),
      });
    ctx.save(
      applyFailure(
        deps.journal.get(item.id) ?? item,
        step,
        error,
        deps.clock.now(),
        deps.options.retry,
      ),
    );
  }
}
