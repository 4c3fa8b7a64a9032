import { basename, isAbsolute, join, relative, sep } from 'node:path';
import { isUploadError } from '../../errors/upload-error';
import { fsFailure, invalidFolder, shownPath, writeFailure } from '../folder/folder-errors';
import { readJsonFile } from '../folder/folder-json-file';
import { folderFs } from '../folder-fs';
import { writeTextAtomic } from './atomic-text-write';
import { detectJsonStyle, formatJson } from './marker-json-style';
import { stravaMarkerFile } from './marker-reader';
import type { SequenceInfo } from '../folder/sequence-info';
import { sequenceFileSchema } from '../folder/sequence-json';

type JsonObject = Record<string, unknown>;

/** What marking a folder needs to know of it. */
export type MarkerTarget = Pick<SequenceInfo, 'folder' | 'name' | 'kind' | 'jsonPath'>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Where a write of `path` goes, and the mode to keep: a link is followed only to a
 * file inside the folder, since a marker must never overwrite a file elsewhere.
 * Undefined `mode`: the file is new.
 */
async function writeTarget(
  folder: string,
  path: string,
  shown: string,
): Promise<{ path: string; mode?: number }> {
  try {
    const info = await folderFs.lstat(path);
    if (info.isDirectory()) throw invalidFolder(`${shown} is a folder, not a file.`, path);
    if (!info.isSymbolicLink()) return { path, mode: info.mode };
    const target = await folderFs.realpath(path);
    const rel = relative(await folderFs.realpath(folder), target);
    if (rel === '' || rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel))
      throw invalidFolder(
        `${shown} is a link to a file outside the folder; it is left alone.`,
        path,
      );
    return { path: target, mode: (await folderFs.stat(target)).mode };
  } catch (error) {
    if (isUploadError(error)) throw error;
    if (error instanceof Error && 'code' in error && error.code === 'ENOENT') return { path };
    throw fsFailure(shown, path, error);
  }
}

/** Writes `text` to `path` atomically (a crash leaves the old file or the new one, never half). */
async function writeAtomic(folder: string, path: string, text: string): Promise<void> {
  const shown = shownPath(folder, basename(path));
  const target = await writeTarget(folder, path, shown);
  try {
    await writeTextAtomic(target.path, text, target.mode);
  } catch (error) {
    throw writeFailure(shown, path, error);
  }
}

/** Writes `upload_strava.json` the way the original uploader reads it. */
async function writeStravaMarker(
  info: Pick<SequenceInfo, 'folder' | 'name'>,
  fields: JsonObject,
): Promise<void> {
  // Minified, as the original wrote it; `data` is the upload id, as in its files.
  const text = JSON.stringify({ sequence: info.name, ...fields });
  await writeAtomic(info.folder, join(info.folder, stravaMarkerFile), text);
}

/**
 * Changes `sequence.destination` in `<name>.json` (`change` returns false to leave the
 * file alone), keeping every other field and the file's layout (indent, line endings,
 * BOM) as they were. Returns whether the file was written.
 */
async function editDestination(
  info: MarkerTarget,
  change: (destination: JsonObject) => boolean,
): Promise<boolean> {
  const path = info.jsonPath ?? join(info.folder, `${basename(info.folder)}.json`);
  const shown = shownPath(info.folder, basename(path));
  // Read again: the file may have changed since the folder was checked.
  const { text, raw } = await readJsonFile(path, shown, sequenceFileSchema);
  const sequence = isObject(raw) ? raw.sequence : undefined;
  if (!isObject(sequence)) throw invalidFolder(`${shown} has no "sequence" object.`);
  const destination = isObject(sequence.destination) ? sequence.destination : {};
  if (!change(destination)) return false;
  sequence.destination = destination;
  await writeAtomic(info.folder, path, formatJson(raw, detectJsonStyle(text)));
  return true;
}

/** Sets `sequence.destination.strava = true` in `<name>.json`. */
async function markSequenceFile(info: MarkerTarget): Promise<void> {
  await editDestination(info, (destination) => {
    destination.strava = true;
    return true;
  });
}

/**
 * Records the MTPW sequence created for an MTP folder as `sequence.destination.mtp` in
 * `<name>.json`, so the MTP Desktop Uploader does not create it again. An id already
 * there (another tool's) is left as it is. Returns whether the file was written; a
 * plain folder has no such file.
 */
export async function markMtpwSequence(info: SequenceInfo, mtpwId: string): Promise<boolean> {
  if (info.kind !== 'mtp') return false;
  return editDestination(info, (destination) => {
    if (typeof destination.mtp === 'string') return false;
    destination.mtp = mtpwId;
    return true;
  });
}

/**
 * Records that Strava has the activity, in the MTP Desktop Uploader's own markers, so
 * that tool never uploads the sequence again: `upload_strava.json` status `TRUE` with
 * the upload id, and for MTP folders `destination.strava: true` in `<name>.json`.
 * Call it once Strava has processed the upload (or a duplicate resolved to an activity).
 */
export async function markSentToStrava(
  info: MarkerTarget,
  upload: { uploadId: string; activityId: string },
): Promise<void> {
  await writeStravaMarker(info, {
    status: 'TRUE',
    data: upload.uploadId,
    // Not read by the original tool (it ignores extra fields); lets a re-read skip the poll.
    activity_id: upload.activityId,
  });
  if (info.kind === 'mtp') await markSequenceFile(info);
}

/**
 * Records an upload that Strava accepted but has not processed yet: status `PENDING`,
 * as the original tool used it. The pipeline calls it once a check of Strava's
 * processing has not confirmed the upload (pipeline/pending-marker.ts): if the app
 * stops before processing ends, a later read of the folder finds the upload id
 * (`alreadyOnStrava` false, `stravaUploadId` set) and polls that upload instead of
 * sending the file again.
 */
export async function markPending(
  info: Pick<SequenceInfo, 'folder' | 'name'>,
  uploadId: string,
): Promise<void> {
  await writeStravaMarker(info, { status: 'PENDING', data: uploadId });
}
