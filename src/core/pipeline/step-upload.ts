import { UploadError } from '../errors/upload-error';
import type { GzippedTrack } from '../sequence/gpx/gzip-file';
import type { StravaUpload } from '../strava/strava-schemas';
import { uploadOutcome } from '../strava/upload-status';
import { folderIoOf, type PipelineDeps } from './pipeline-deps';
import type { QueueItem } from './queue-item';
import { createMtpwStep } from './step-mtpw-create';
import { uploadSource } from './shaped-upload';
import { afterUploadAnswer } from './step-processing';
import { removeWorkingCopy, workingCopyPath } from './working-copies';

/**
 * Creates the MTPW sequence when asked (its id becomes the upload's external_id),
 * then posts the gzipped track with name, description and sport type, and records
 * Strava's answer (step-processing.ts decides what it means). The journal is
 * written before each request, so a crash never loses what was sent; the working
 * copy is deleted as soon as Strava has answered.
 */
export async function uploadStep(
  item: QueueItem,
  deps: PipelineDeps,
  save: (item: QueueItem) => QueueItem,
  onBytes: (sent: number, total: number) => void,
  firstWaitMs: number,
): Promise<QueueItem> {
  let current = await createMtpwStep(item, deps, save);
  if (!current.gpxPath)
    throw new UploadError({
      kind: 'invalid-folder',
      message: `The track of "${current.name}" was not read.`,
      retryable: true,
    });
  const source = await uploadSource(
    { ...current, gpxPath: current.gpxPath },
    deps.workDir,
    deps.clock.now(),
  );
  let track: GzippedTrack;
  try {
    track = await folderIoOf(deps).gzipTrack(
      source.gpxPath,
      workingCopyPath(deps.workDir, current.id),
      deps.options.inMemoryTrackBytes,
    );
  } finally {
    // Rewritten from the journaled options on every try: the gzip is all the upload needs.
    if (source.shaped) await removeWorkingCopy(source.gpxPath, deps.logger);
  }
  const bytesOut = track.bytes;

  current = save({
    ...current,
    uploadStartedAt: deps.clock.now(),
    bytesSent: 0,
    bytesTotal: bytesOut,
  });
  let upload: StravaUpload;
  try {
    upload = await deps.strava.api.upload(
      {
        ...(track.path === undefined ? { fileBytes: track.inMemory } : { filePath: track.path }),
        fileName: `${current.id}.gpx.gz`,
        dataType: 'gpx.gz',
        name: source.name,
        ...(source.description ? { description: source.description } : {}),
        ...(current.mtpwId ? { externalId: current.mtpwId } : {}),
        ...(source.sportType ? { sportType: source.sportType } : {}),
        ...(source.commute ? { commute: true } : {}),
      },
      { onProgress: (p) => onBytes(p.transferred, p.total ?? bytesOut) },
    );
  } finally {
    // Answered or not, this copy is done with: every try compresses the track afresh.
    if (track.path !== undefined) await removeWorkingCopy(track.path, deps.logger);
  }

  const outcome = uploadOutcome(upload);
  // The PENDING marker waits for a check that does not confirm the upload (pending-marker.ts).
  return afterUploadAnswer(
    {
      ...current,
      uploadId: outcome.uploadId,
      bytesSent: bytesOut,
      polls: 0,
      processingSince: deps.clock.now(),
    },
    outcome,
    deps,
    firstWaitMs,
  );
}
