import type { Transport } from './transport-methods';

/** What a sequence folder says about itself, read and checked before anything is sent. */
export interface SequenceInfo {
  /** Absolute path of the folder, as given (not resolved through links). */
  folder: string;
  /** `uploader_sequence_name`, else the folder name; trimmed, at most 100 characters (MTPW's limit). */
  name: string;
  description?: string;
  /** The MTPW `unique_id` (a uuid, lower case), when the sequence was created on MTPW. */
  mtpwId?: string;
  /** The transport of the table, when the file names one the table knows. */
  transport?: { type: string; method: string; mtpApi: string; stravaSport: string | null };
  tags: string[];
  /** Absolute path of the track; inside the folder, never a link out of it. */
  gpxPath: string;
  /** `mtp`: a folder of the MTP Desktop Uploader; `plain`: a folder with one GPX and nothing else to read. */
  kind: 'mtp' | 'plain';
  /** Absolute path of `<name>.json` (MTP folders only): the marker writer updates it. */
  jsonPath?: string;
  /** `upload_strava.json` says `TRUE`, or `<name>.json` says `destination.strava: true`. */
  alreadyOnStrava: boolean;
  /** The Strava upload id already known for this folder (also while PENDING). */
  stravaUploadId?: string;
  /** The Strava activity id, when this app recorded it in `upload_strava.json`. */
  stravaActivityId?: string;
  /** For `<name>_part_N` folders: N, and the highest part number found next to it. */
  parts?: { index: number; of?: number };
  /** `earliest_time` / `latest_time` as written (the uploader writes them without a zone). */
  captureStart?: string;
  captureEnd?: string;
}

/** Builds the `transport` of a SequenceInfo from a table entry. */
export function transportInfo(found: Transport): NonNullable<SequenceInfo['transport']> {
  return {
    type: found.parent,
    method: found.method,
    mtpApi: found.mtpApi,
    stravaSport: found.stravaSport,
  };
}
