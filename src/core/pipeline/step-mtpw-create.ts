import { UploadError } from '../errors/upload-error';
import type { PipelineDeps } from './pipeline-deps';
import type { QueueItem } from './queue-item';
import { writeBackMtpwIdQuietly } from './step-mtpw-write-back';

/** MTPW keeps sequence names to 100 characters. */
const mtpwNameLimit = 100;

/**
 * Creates the item's MTPW sequence when asked and none is known yet; its id
 * becomes the upload's external_id. The intent is journaled before the request,
 * so a create cut short (a crash, a lost answer) is known on the next try. MTPW
 * has no way to list or search a user's sequences, so the earlier one cannot be
 * found: a fresh one is created and the item says plainly that the sequence may
 * now exist twice on Map the Paths. The new id is then written into the folder's
 * `<name>.json`, so the MTP Desktop Uploader does not create the sequence again.
 */
export async function createMtpwStep(
  item: QueueItem,
  deps: PipelineDeps,
  save: (item: QueueItem) => QueueItem,
): Promise<QueueItem> {
  // Created, journaled, but cut off before the write-back: finish that first.
  if (item.mtpwIdToWriteBack) return save(await writeBackMtpwIdQuietly(item, deps));
  if (!item.createMtpw || item.mtpwId || !deps.mtpw) return item;
  const transportType = item.mtpApi;
  if (!transportType) {
    throw new UploadError({
      kind: 'invalid-folder',
      message: `Map the Paths needs a transport type to create "${item.name}", and this folder has none.`,
      retryable: false,
    });
  }
  let current = item.mtpwCreateStarted ? save(interrupted(item, deps)) : item;
  current = save({ ...current, mtpwCreateStarted: true });
  let mtpwId: string;
  try {
    mtpwId = await deps.mtpw.client.createSequence({
      name: current.name.slice(0, mtpwNameLimit),
      transportType,
      ...(current.description ? { description: current.description } : {}),
      ...(current.tags?.length ? { tags: current.tags } : {}),
    });
  } catch (error) {
    if (refusedUnmade(error)) save({ ...current, mtpwCreateStarted: false });
    throw error;
  }
  // The id reaches the journal before the folder: a crash in between cannot lose it.
  current = save({ ...current, mtpwId, mtpwCreateStarted: false, mtpwIdToWriteBack: true });
  return save(await writeBackMtpwIdQuietly(current, deps));
}

/**
 * An answer that proves nothing was created: a refusal (below 500) or 503, which
 * says the server did not handle the request. A 500, 502 or 504, a lost connection
 * or a timeout leave it unknown.
 */
function refusedUnmade(error: unknown): boolean {
  if (!(error instanceof UploadError) || error.status === undefined) return false;
  return error.status < 500 || error.status === 503;
}

/** The item after a create whose outcome is unknown: counted, warned about, and logged. */
function interrupted(item: QueueItem, deps: PipelineDeps): QueueItem {
  const count = (item.mtpwInterruptedCreates ?? 0) + 1;
  const copies = count === 1 ? 'twice' : `up to ${count + 1} times`;
  const mtpwWarning =
    `"${item.name}" may now exist ${copies} on Map the Paths: an earlier attempt to create it ` +
    'was cut off before Map the Paths answered, and Map the Paths offers no way to look it up. ' +
    'Keep the copy linked to Strava and delete the other.';
  deps.logger.warn('pipeline: an interrupted Map the Paths create may have left a copy', {
    item: item.id,
    name: item.name,
    interruptedCreates: count,
  });
  return { ...item, mtpwInterruptedCreates: count, mtpwWarning };
}
