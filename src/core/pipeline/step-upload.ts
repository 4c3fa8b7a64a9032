import { join } from 'node:path';
import { UploadError } from '../errors/upload-error';
import { gzipFile } from '../sequence/gzip-file';
import { markPending } from '../sequence/marker-writer';
import { readSequenceFolder } from '../sequence/sequence-folder';
import { uploadOutcome } from '../strava/upload-status';
import type { PipelineDeps } from './pipeline-deps';
import type { QueueItem } from './queue-item';
import { createMtpwStep } from './step-mtpw-create';

/**
 * Creates the MTPW sequence when asked (its id becomes the upload's external_id),
 * then posts the gzipped track with name, description and sport type. The journal
 * is written before each request, so a crash never loses what was sent.
 */
export async function uploadStep(
  item: QueueItem,
  deps: PipelineDeps,
  save: (item: QueueItem) => QueueItem,
  onBytes: (sent: number, total: number) => void,
): Promise<QueueItem> {
  let current = await createMtpwStep(item, deps, save);
  if (!current.gpxPath)
    throw new UploadError({
      kind: 'invalid-folder',
      message: `The track of "${current.name}" was not read.`,
      retryable: true,
    });
  const gzPath = join(deps.workDir, `${current.id}.gpx.gz`);
  const { bytesOut } = await gzipFile(current.gpxPath, gzPath);

  current = save({
    ...current,
    uploadStartedAt: deps.clock.now(),
    bytesSent: 0,
    bytesTotal: bytesOut,
  });
  const upload = await deps.strava.api.upload(
    {
      filePath: gzPath,
      fileName: `${current.id}.gpx.gz`,
      dataType: 'gpx.gz',
      name: current.name,
      ...(current.description ? { description: current.description } : {}),
      ...(current.mtpwId ? { externalId: current.mtpwId } : {}),
      ...(current.sportType ? { sportType: current.sportType } : {}),
    },
    { onProgress: (p) => onBytes(p.transferred, p.total ?? bytesOut) },
  );
  const outcome = uploadOutcome(upload);
  const base = {
    ...current,
    uploadId: outcome.uploadId,
    bytesSent: bytesOut,
    polls: 0,
    processingSince: deps.clock.now(),
  };
  await markPendingQuietly(current.folder, outcome.uploadId, deps);
  switch (outcome.state) {
    case 'duplicate':
      return {
        ...base,
        stage: 'syncing',
        activityId: outcome.activityId,
        activitySource: 'duplicate',
      };
    case 'ready':
      return {
        ...base,
        stage: 'syncing',
        activityId: outcome.activityId,
        activitySource: 'uploaded',
      };
    case 'error':
      throw processingFailed(current.name, outcome.message);
    default:
      return {
        ...base,
        stage: 'processing',
        notBefore: deps.clock.now() + deps.options.pollStartMs,
        waitingFor: 'Strava is processing the track',
      };
  }
}

/** Strava refused the track after receiving it: retrying the same file cannot help. */
export function processingFailed(name: string, reason: string): UploadError {
  return new UploadError({
    kind: 'processing',
    message: `Strava could not process the track of "${name}": ${reason}`,
    retryable: false,
  });
}

/** The original uploader's "sent, not yet processed" marker; a folder we cannot write to is no reason to fail. */
async function markPendingQuietly(
  folder: string,
  uploadId: string,
  deps: PipelineDeps,
): Promise<void> {
  try {
    await markPending(await readSequenceFolder(folder), uploadId);
  } catch (error) {
    deps.logger.warn('pipeline: could not write upload_strava.json', {
      folder,
      error: String(error),
    });
  }
}
