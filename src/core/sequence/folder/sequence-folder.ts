import { basename, dirname, resolve } from 'node:path';
import { z } from 'zod';
import { isUploadError } from '../../errors/upload-error';
import type { FolderEntry, FolderListing } from './folder-entries';
import { entryNamed, listFolder, usableFile } from './folder-entries';
import { invalidFolder, shownPath } from './folder-errors';
import { mtpGpx, plainGpx } from './folder-gpx-choice';
import { readJsonFile } from './folder-json-file';
import { readStravaMarker } from '../marker/marker-reader';
import { sequenceFields } from './sequence-fields';
import type { SequenceInfo } from './sequence-info';
import { sequenceFileSchema } from './sequence-json';
import { highestPart, partName } from './sequence-parts';

/** MTPW stores a sequence name in at most 100 characters (CONTRACTS.md, MTPW). */
const maxNameChars = 100;

/**
 * A name cut to MTPW's limit, so the last step cannot fail on it. Counted in UTF-16
 * units, as the MTPW client's check counts (never more than Django's characters), and
 * never cutting a character in half.
 */
function limitName(name: string): string {
  if (name.length <= maxNameChars) return name;
  let cut = '';
  for (const char of name) {
    if (cut.length + char.length > maxNameChars - 1) break;
    cut += char;
  }
  return `${cut.trimEnd()}…`;
}

/** The first entry named `<stem><ext>` for the stems in order: the exact folder name wins. */
function firstNamed(entries: FolderEntry[], stems: string[], ext: string): FolderEntry | undefined {
  for (const stem of stems) {
    const entry = entryNamed(entries, `${stem}${ext}`);
    if (entry) return entry;
  }
  return undefined;
}

/** The uploader's other files (`upload_strava.json`, `upload_mtp.json`, …) are markers, not sequences. */
const isMarkerName = (name: string): boolean => /^upload_.*\.json$/i.test(name);

const looksLikeSequence = z.looseObject({
  sequence: z.looseObject({ uploader_sequence_name: z.unknown() }),
});

/** At most this many unrelated JSON files are opened to look for a misnamed sequence file. */
const maxPeeks = 5;

/**
 * Refuses a folder whose sequence file is named for another folder (a renamed folder,
 * or files copied in): its name and its GPX would not say the same thing.
 */
async function refuseMisnamedSequence(listing: FolderListing): Promise<void> {
  const others = listing.entries.filter(
    (e) => e.utf8 && /\.json$/i.test(e.name) && !isMarkerName(e.name),
  );
  for (const entry of others.slice(0, maxPeeks)) {
    const shown = shownPath(listing.folder, entry.name);
    try {
      await readJsonFile(await usableFile(listing, entry), shown, looksLikeSequence);
    } catch (error) {
      // Only a look: a JSON that is not a sequence file, or unreadable, is none of our business.
      if (isUploadError(error)) continue;
      throw error;
    }
    throw invalidFolder(
      `${shown} is a sequence file named for another folder than ${shownPath(listing.folder)}. Rename the folder or the file (and its GPX) so that they match.`,
    );
  }
}

/**
 * Reads and checks a sequence folder: an MTP Desktop Uploader folder (`<name>.json`,
 * `<name>.gpx`, markers, image folders) or a plain folder holding exactly one GPX.
 * Every problem is an UploadError of kind `invalid-folder` naming the file and the fault.
 */
export async function readSequenceFolder(folder: string): Promise<SequenceInfo> {
  const absolute = resolve(folder);
  const listing = await listFolder(absolute);
  const folderName = basename(absolute) || absolute;
  const part = partName(folderName);
  // Parts may carry the full folder name or the base name; the exact name wins.
  const stems = part ? [folderName, part.base] : [folderName];
  const jsonEntry = firstNamed(listing.entries, stems, '.json');

  let info: SequenceInfo;
  const names = [folderName, ...(part ? [part.base] : [])];
  if (jsonEntry) {
    const shown = shownPath(absolute, jsonEntry.name);
    const jsonPath = await usableFile(listing, jsonEntry);
    const { value } = await readJsonFile(jsonPath, shown, sequenceFileSchema);
    const { name, onStrava, uploadId, ...fields } = sequenceFields(value, shown);
    if (name !== undefined) names.push(name);
    info = {
      folder: absolute,
      name: limitName(name ?? folderName.trim()),
      ...fields,
      gpxPath: await mtpGpx(listing, stems, jsonEntry.name),
      kind: 'mtp',
      jsonPath,
      alreadyOnStrava: onStrava,
      ...(uploadId === undefined ? {} : { stravaUploadId: uploadId }),
    };
  } else {
    await refuseMisnamedSequence(listing);
    info = {
      folder: absolute,
      name: limitName(folderName.trim() || folderName),
      tags: [],
      gpxPath: await plainGpx(listing),
      kind: 'plain',
      alreadyOnStrava: false,
    };
  }

  const marker = await readStravaMarker(listing, [...names, info.name]);
  if (marker) {
    info.alreadyOnStrava ||= marker.onStrava;
    // The marker is the newer record: this app writes it with the id it got from Strava.
    if (marker.uploadId !== undefined) info.stravaUploadId = marker.uploadId;
    if (marker.activityId !== undefined) info.stravaActivityId = marker.activityId;
  }
  if (part) {
    const of = await highestPart(dirname(absolute), part.base);
    info.parts =
      of !== undefined && of >= part.index ? { index: part.index, of } : { index: part.index };
  }
  return info;
}
