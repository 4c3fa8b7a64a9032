import { basename } from 'node:path';
import { UploadError } from '../errors/upload-error';
import { checkGpx } from '../sequence/gpx/gpx-check';
import { readSequenceFolder } from '../sequence/folder/sequence-folder';
import type { SequenceInfo } from '../sequence/folder/sequence-info';
import { sequenceWarnings } from '../sequence/folder/sequence-warnings';
import { groupParts, mergedIdentity } from '../shape/merge-parts';
import { readMergedTrack } from './merged-track';
import type { ItemPart, QueueItem } from './queue-item';

/** A part group that cannot become one activity: the user has to fix the folders. */
const refused = (message: string): UploadError =>
  new UploadError({ kind: 'invalid-folder', message, retryable: false });

/**
 * Reads and checks every part folder of a merged item, and the joins between their
 * tracks (each part must start after the one before ends), so that nothing is sent
 * for a group that cannot be one activity. The item takes the base sequence's name,
 * part 1's description, transport and MTPW id; every part's id is kept for the links.
 */
export async function readPartsStep(item: QueueItem & { parts: ItemPart[] }): Promise<QueueItem> {
  const infos: SequenceInfo[] = [];
  for (const part of item.parts) infos.push(await readSequenceFolder(part.folder));
  const groups = groupParts(infos);
  const group = groups[0];
  if (groups.length !== 1 || group === undefined)
    throw refused(`"${item.name}": these folders are not the parts of one sequence.`);
  if (group.missing.length > 0) {
    const list = group.missing.join(', ');
    throw refused(
      `"${item.name}" cannot be merged: part ${list} ${group.missing.length === 1 ? 'is' : 'are'} not among the folders given.`,
    );
  }
  // A later part beside the ones given would be left out of the activity, then sent alone.
  const given = Math.max(...infos.map((i) => i.parts?.index ?? 0));
  const beside = Math.max(...infos.map((i) => i.parts?.of ?? 0));
  if (beside > given) {
    const later = given + 1 === beside ? `part ${beside}` : `parts ${given + 1} to ${beside}`;
    throw refused(
      `"${item.name}" cannot be merged: ${later} ${given + 1 === beside ? 'is' : 'are'} in the same folder but not among the folders given.`,
    );
  }
  const onStrava = infos.filter((i) => i.alreadyOnStrava);
  if (onStrava.length > 0 && onStrava.length < infos.length) {
    const names = onStrava.map((i) => `"${basename(i.folder)}"`).join(', ');
    throw refused(
      `"${item.name}" cannot be merged: ${names} ${onStrava.length === 1 ? 'is' : 'are'} already on Strava on ${onStrava.length === 1 ? 'its' : 'their'} own, and merging would send ${onStrava.length === 1 ? 'it' : 'them'} twice.`,
    );
  }
  const reports = [];
  for (const info of infos) reports.push(await checkGpx(info.gpxPath));
  // The same merge the upload sends: a join whose times go backwards is refused here.
  await readMergedTrack(infos.map((info) => ({ folder: info.folder, gpxPath: info.gpxPath })));

  const identity = mergedIdentity(group);
  const first = infos[0];
  if (first === undefined) throw refused(`"${item.name}" has no parts.`);
  const mtpwId = item.mtpwId ?? identity.externalId;
  const startTime = reports[0]?.startTime;
  const next: QueueItem = {
    ...item,
    name: identity.name,
    gpxPath: first.gpxPath,
    tags: first.tags,
    bytesTotal: reports.reduce((sum, r) => sum + r.bytes, 0),
    parts: infos.map((info, n) => ({
      folder: info.folder,
      gpxPath: info.gpxPath,
      ...((n === 0 ? mtpwId : info.mtpwId) === undefined
        ? {}
        : { mtpwId: n === 0 ? mtpwId : info.mtpwId }),
    })),
    warnings: [
      ...sequenceWarnings(first, item.shape?.sportType ? { sportType: item.shape.sportType } : {}),
      ...new Set(reports.flatMap((r) => r.warnings)),
    ],
    ...(first.description !== undefined ? { description: first.description } : {}),
    ...(first.transport?.stravaSport ? { sportType: first.transport.stravaSport } : {}),
    ...(first.transport?.mtpApi ? { mtpApi: first.transport.mtpApi } : {}),
    ...(startTime ? { trackStart: startTime } : {}),
    ...(mtpwId ? { mtpwId } : {}),
  };
  if (onStrava.length === infos.length) {
    if (next.mtpwId && first.stravaActivityId && first.stravaUploadId) {
      return {
        ...next,
        stage: 'syncing',
        activityId: first.stravaActivityId,
        uploadId: first.stravaUploadId,
        activitySource: 'already-on-strava',
      };
    }
    return { ...next, stage: 'done', activitySource: 'already-on-strava', mtpwSynced: true };
  }
  // Every part gets the pending marker of the one upload: part 1's is the one read back.
  if (first.stravaUploadId && !item.uploadId)
    return { ...next, stage: 'processing', uploadId: first.stravaUploadId, polls: 0 };
  return { ...next, stage: item.uploadId ? 'processing' : 'uploading' };
}
