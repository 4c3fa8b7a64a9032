import { readSequenceFolder } from '../sequence/folder/sequence-folder';
import { markMtpwSequence } from '../sequence/marker/marker-writer';
import type { PipelineDeps } from './pipeline-deps';
import type { QueueItem } from './queue-item';

/**
 * Writes the MTPW id this app created into the folder's `<name>.json`
 * (`sequence.destination.mtp`; part 1's for a merged item). The id is journaled
 * before this runs (`mtpwIdToWriteBack`), so a crash in between writes it on the next
 * try instead of losing it. A folder that cannot be written to is no reason to fail
 * the upload: it is logged, and tried again at the sync step.
 */
export async function writeBackMtpwIdQuietly(
  item: QueueItem,
  deps: Pick<PipelineDeps, 'logger'>,
): Promise<QueueItem> {
  if (!item.mtpwIdToWriteBack || item.mtpwId === undefined) return item;
  try {
    await markMtpwSequence(await readSequenceFolder(item.folder), item.mtpwId);
  } catch (error) {
    deps.logger.warn('pipeline: could not write the MTPW id into the sequence file', {
      folder: item.folder,
      error: String(error),
    });
    return item;
  }
  const next: QueueItem = { ...item };
  delete next.mtpwIdToWriteBack;
  return next;
}
