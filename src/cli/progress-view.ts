import { MultiBar, Presets, type SingleBar } from 'cli-progress';
import type { QueueItem } from '../core/pipeline/queue-item';
import { withoutRetryPromise } from '../shared/failure-words';
import { cliWords } from './cli-time';

/** What an item waits for, its time in the CLI's clock format. */
const waitLine = (item: QueueItem) =>
  item.waitingFor === undefined ? undefined : cliWords(item.waitingFor, item.notBefore);

const label: Record<QueueItem['stage'], string> = {
  queued: 'waiting',
  reading: 'checking',
  uploading: 'sending',
  processing: 'Strava processing',
  syncing: 'finishing (markers, Map the Paths)',
  done: 'done',
  failed: 'failed',
};

/** One line of JSON per item change, for scripts (`--json`). */
export function itemJson(item: QueueItem, activityUrl: (id: string) => string): string {
  return JSON.stringify({
    event: 'item',
    id: item.id,
    name: item.name,
    folder: item.folder,
    stage: item.stage,
    ...(item.uploadId ? { uploadId: item.uploadId } : {}),
    ...(item.activityId
      ? { activityId: item.activityId, activityUrl: activityUrl(item.activityId) }
      : {}),
    ...(item.activitySource ? { activitySource: item.activitySource } : {}),
    ...(item.mtpwId ? { mtpwId: item.mtpwId, mtpwSynced: item.mtpwSynced } : {}),
    ...(item.mtpwWarning
      ? { mtpwWarning: item.mtpwWarning, mtpwInterruptedCreates: item.mtpwInterruptedCreates }
      : {}),
    ...(item.warnings?.length ? { warnings: item.warnings } : {}),
    // The words with their time, and the moment itself for scripts.
    ...(item.waitingFor
      ? { waitingFor: waitLine(item), ...(item.notBefore ? { waitingUntil: item.notBefore } : {}) }
      : {}),
    ...(item.error
      ? {
          error: {
            kind: item.error.kind,
            message: cliWords(item.error.message, item.error.retryAt),
          },
        }
      : {}),
  });
}

/** A finished item in words. */
export function itemLine(item: QueueItem, activityUrl: (id: string) => string): string {
  // The folder check's warnings (no Strava sport, times read as UTC), then MTPW's.
  const warning = [...(item.warnings ?? []), ...(item.mtpwWarning ? [item.mtpwWarning] : [])]
    .map((w) => `\n  ⚠ ${w}`)
    .join('');
  if (item.stage === 'done') {
    const where = item.activityId ? activityUrl(item.activityId) : 'already on Strava';
    const how = item.activitySource === 'duplicate' ? ' (it was already on Strava)' : '';
    return `✓ ${item.name}: ${where}${how}${warning}`;
  }
  if (item.stage === 'failed')
    return `✗ ${item.name}: failed: ${withoutRetryPromise(cliWords(item.error?.message ?? 'It could not be uploaded.', item.error?.retryAt))} Retry with \`mtp-strava retry ${item.id}\`.${warning}`;
  return `· ${item.name}: ${waitLine(item) ?? label[item.stage]}`;
}

/**
 * Shows the queue while it runs: live bars on a terminal (bytes while sending,
 * then the stage), JSON lines with `--json`, or one line per change otherwise.
 */
export function createProgressView(
  mode: 'tty' | 'lines' | 'json',
  activityUrl: (id: string) => string,
): { update(items: QueueItem[]): void; stop(): void } {
  const last = new Map<string, string>();
  if (mode !== 'tty') {
    return {
      update(items) {
        for (const item of items) {
          const key = `${item.stage}|${item.error?.message ?? ''}|${item.waitingFor ?? ''}`;
          if (last.get(item.id) === key) continue;
          last.set(item.id, key);
          console.log(mode === 'json' ? itemJson(item, activityUrl) : itemLine(item, activityUrl));
        }
      },
      stop: () => undefined,
    };
  }
  const bars = new MultiBar(
    {
      format: ' {bar} {percentage}% | {name} | {stage}',
      hideCursor: true,
      clearOnComplete: false,
      stopOnComplete: false,
    },
    Presets.shades_classic,
  );
  const total = bars.create(1, 0, { name: 'all sequences', stage: '' });
  const itemBars = new Map<string, SingleBar>();
  return {
    update(items) {
      total.setTotal(Math.max(1, items.length));
      total.update(items.filter((i) => i.stage === 'done' || i.stage === 'failed').length, {
        stage: `${items.filter((i) => i.stage === 'done').length} done, ${items.filter((i) => i.stage === 'failed').length} failed`,
      });
      for (const item of items) {
        const finished = item.stage === 'done' || item.stage === 'failed';
        const bar = itemBars.get(item.id);
        if (finished) {
          if (bar) {
            bars.remove(bar);
            itemBars.delete(item.id);
          }
          if (last.get(item.id) !== item.stage) bars.log(`${itemLine(item, activityUrl)}\n`);
          last.set(item.id, item.stage);
          continue;
        }
        if (item.stage === 'queued') continue;
        const size = Math.max(1, item.bytesTotal);
        const payload = {
          name: item.name.slice(0, 40),
          stage: waitLine(item) ?? label[item.stage],
        };
        if (bar) {
          bar.setTotal(size);
          bar.update(item.stage === 'uploading' ? item.bytesSent : size, payload);
        } else {
          itemBars.set(
            item.id,
            bars.create(size, item.stage === 'uploading' ? item.bytesSent : 0, payload),
          );
        }
      }
    },
    stop: () => bars.stop(),
  };
}
