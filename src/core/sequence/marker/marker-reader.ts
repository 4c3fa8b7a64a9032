import type { FolderListing } from '../folder/folder-entries';
import { entryNamed, usableFile } from '../folder/folder-entries';
import { invalidFolder, shortName, shownPath } from '../folder/folder-errors';
import { readJsonFile } from '../folder/folder-json-file';
import { present, uploadIdFrom } from '../folder/sequence-fields';
import { stravaMarkerSchema } from '../folder/sequence-json';

/** The MTP Desktop Uploader's Strava marker, in the sequence folder. */
export const stravaMarkerFile = 'upload_strava.json';

/** What `upload_strava.json` says. */
export interface StravaMarkerState {
  /** Status `TRUE`: the original uploader never uploads such a sequence again. */
  onStrava: boolean;
  uploadId?: string;
  activityId?: string;
}

/**
 * Sequence names compared as the uploader turns them into folder names (lower case,
 * white space as `_`), so `Docs Sequence Example` matches `docs_sequence_example`.
 */
const sequenceKey = (name: string): string => name.trim().toLowerCase().replace(/\s/g, '_');

/**
 * Reads `upload_strava.json` when there is one. `names` are the names this folder's
 * sequence goes by; a marker naming another sequence was copied from elsewhere and
 * would wrongly say this one is on Strava, so it is refused.
 */
export async function readStravaMarker(
  listing: FolderListing,
  names: string[],
): Promise<StravaMarkerState | undefined> {
  const entry = entryNamed(listing.entries, stravaMarkerFile);
  if (!entry) return undefined;
  const shown = shownPath(listing.folder, entry.name);
  const path = await usableFile(listing, entry);
  const { value } = await readJsonFile(path, shown, stravaMarkerSchema);
  const marked = present(value.sequence);
  if (marked !== undefined && !names.some((n) => sequenceKey(n) === sequenceKey(marked))) {
    throw invalidFolder(
      `${shown} is about another sequence ("${shortName(marked)}"), not ${shownPath(listing.folder)}. Remove it if it was copied here by mistake.`,
      `marker names ${JSON.stringify(marked)}; folder names: ${JSON.stringify(names)}`,
    );
  }
  const state: StravaMarkerState = { onStrava: value.status?.trim().toUpperCase() === 'TRUE' };
  const uploadId = uploadIdFrom(value.data);
  if (uploadId !== undefined) state.uploadId = uploadId;
  const activityId = uploadIdFrom(value.activity_id);
  if (activityId !== undefined) state.activityId = activityId;
  return state;
}
