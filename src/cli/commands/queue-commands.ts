import { expandSequenceFolders } from '../../core/pipeline/expand-inputs';
import type { Pipeline } from '../../core/pipeline/pipeline';
import type { QueueItem } from '../../core/pipeline/queue-item';
import type { ShapeOptions } from '../../core/shape/shape-options';
import type { CliServices } from '../cli-services';
import { createProgressView, itemJson, itemLine } from '../progress-view';
import { mayWorkOnQueue } from './queue-owner';

export interface RunOutput {
  json: boolean;
}

/** Runs the queue with a live view; resolves true only when every item of `ids` is done. */
async function runWithView(
  services: CliServices,
  pipeline: Pipeline,
  ids: Set<string>,
  output: RunOutput,
): Promise<boolean> {
  const mode = output.json ? 'json' : process.stdout.isTTY ? 'tty' : 'lines';
  const view = createProgressView(mode, services.activityUrl);
  const mine = (items: QueueItem[]) => items.filter((i) => ids.has(i.id));
  // The bars show totals, so they need the whole queue; the line and JSON views print changes only.
  const unsubscribe = pipeline.subscribe((changed) =>
    view.update(mine(mode === 'tty' ? pipeline.items() : changed)),
  );
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  try {
    view.update(mine(pipeline.items()));
    await pipeline.run({ signal: stop.signal, stopOnSlowProcessing: true });
  } finally {
    process.off('SIGINT', onSignal);
    unsubscribe();
    view.stop();
  }
  const items = mine(pipeline.items());
  const done = items.filter((i) => i.stage === 'done').length;
  const failed = items.filter((i) => i.stage === 'failed').length;
  const processing = items.length - done - failed;
  if (output.json)
    console.log(
      JSON.stringify({
        event: 'summary',
        total: items.length,
        done,
        failed,
        stillProcessing: processing,
        interrupted: stop.signal.aborted,
      }),
    );
  else {
    console.log(
      `${done} of ${items.length} done${failed ? `, ${failed} failed` : ''}${processing ? `, ${processing} still processing on Strava (run \`mtp-strava status\` later)` : ''}.`,
    );
  }
  return done === items.length;
}

/** `upload <folder...>`: queues the sequences and works until each is done or failed. */
export async function upload(
  services: CliServices,
  folders: string[],
  options: RunOutput & { createMtpw: boolean; concurrency?: number; shape?: ShapeOptions },
): Promise<boolean> {
  const pipeline = services.pipeline(
    options.concurrency ? { concurrency: options.concurrency } : {},
  );
  if (!mayWorkOnQueue(pipeline)) return false;
  const expanded = await expandSequenceFolders(folders);
  const added = pipeline.add(expanded, {
    createMtpw: options.createMtpw,
    ...(options.shape ? { shape: options.shape } : {}),
  });
  const ids = new Set(added.map((i) => i.id));
  // Everything unfinished in the journal goes on too: a killed run resumes here.
  for (const item of pipeline.items())
    if (item.stage !== 'done' && item.stage !== 'failed') ids.add(item.id);
  return runWithView(services, pipeline, ids, options);
}

/** `retry [<id>|--all]`: failed items resume from the step that failed. */
export async function retry(
  services: CliServices,
  id: string | undefined,
  output: RunOutput,
): Promise<boolean> {
  const pipeline = services.pipeline();
  if (!mayWorkOnQueue(pipeline)) return false;
  const retried = pipeline.retry(id);
  if (retried.length === 0) {
    console.log(
      id ? `No failed item with id ${id} (see \`mtp-strava status\`).` : 'Nothing has failed.',
    );
    return id === undefined;
  }
  const ids = new Set(retried.map((i) => i.id));
  for (const item of pipeline.items())
    if (item.stage !== 'done' && item.stage !== 'failed') ids.add(item.id);
  return runWithView(services, pipeline, ids, output);
}

/** `status`: every item of the journal; true when all are done. */
export function status(services: CliServices, output: RunOutput): boolean {
  const items = services.pipeline().items();
  for (const item of items)
    console.log(
      output.json
        ? itemJson(item, services.activityUrl)
        : `${item.id}  ${itemLine(item, services.activityUrl)}`,
    );
  if (!output.json && items.length === 0) console.log('The queue is empty.');
  return items.every((i) => i.stage === 'done');
}
