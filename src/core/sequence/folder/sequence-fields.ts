import { invalidFolder } from './folder-errors';
import { transportInfo, type SequenceInfo } from './sequence-info';
import type { SequenceFile } from './sequence-json';
import { findTransport } from './transport-methods';

/** What `<name>.json` contributes to a SequenceInfo. */
export type SequenceFields = Pick<
  SequenceInfo,
  'description' | 'mtpwId' | 'transport' | 'tags' | 'captureStart' | 'captureEnd'
> & {
  /** `uploader_sequence_name` trimmed, when not empty. */
  name?: string;
  /** `destination.strava === true`. */
  onStrava: boolean;
  /** `destination.strava` when it is an upload id. */
  uploadId?: string;
};

const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Text that is there and not blank, trimmed; else undefined. */
export const present = (value: string | null | undefined): string | undefined => {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
};

/** A Strava upload id written as a number (the original uploader) or as digits (this app). */
export function uploadIdFrom(
  value: string | number | boolean | null | undefined,
): string | undefined {
  if (typeof value === 'number')
    return Number.isSafeInteger(value) && value > 0 ? String(value) : undefined;
  if (typeof value === 'string' && /^\d{1,20}$/.test(value.trim())) return value.trim();
  return undefined;
}

/**
 * The MTPW id of `destination.mtp`: a uuid, or nothing when it is `true` (the uploader
 * finished with MTPW and dropped the id) or absent. Anything else is refused: sending a
 * wrong id to MTPW would attach the activity to another sequence or fail after upload.
 */
function mtpwIdFrom(value: string | boolean | null | undefined, shown: string): string | undefined {
  if (value === undefined || value === null || typeof value === 'boolean') return undefined;
  if (uuidPattern.test(value.trim())) return value.trim().toLowerCase();
  throw invalidFolder(
    `${shown} has a malformed MTPW id in "sequence.destination.mtp": expected a uuid or true.`,
    `destination.mtp = ${JSON.stringify(value).slice(0, 200)}`,
  );
}

/** Reads the fields of a checked `<name>.json` (`shown` names the file in messages). */
export function sequenceFields(file: SequenceFile, shown: string): SequenceFields {
  const s = file.sequence;
  const destination = s.destination ?? undefined;
  const found = findTransport(
    s.uploader_transport_type ?? undefined,
    s.uploader_transport_method ?? undefined,
  );
  const fields: SequenceFields = {
    tags: (s.uploader_tags ?? []).map((tag) => tag.trim()).filter((tag) => tag !== ''),
    onStrava: destination?.strava === true,
  };
  const name = present(s.uploader_sequence_name);
  if (name !== undefined) fields.name = name;
  const description = present(s.uploader_sequence_description);
  if (description !== undefined) fields.description = description;
  const mtpwId = mtpwIdFrom(destination?.mtp, shown);
  if (mtpwId !== undefined) fields.mtpwId = mtpwId;
  if (found) fields.transport = transportInfo(found);
  const start = present(s.earliest_time);
  if (start !== undefined) fields.captureStart = start;
  const end = present(s.latest_time);
  if (end !== undefined) fields.captureEnd = end;
  const uploadId = uploadIdFrom(destination?.strava);
  if (uploadId !== undefined) fields.uploadId = uploadId;
  return fields;
}
