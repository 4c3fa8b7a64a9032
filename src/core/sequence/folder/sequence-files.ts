import { readdir, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { SequencePreview } from '../../../shared/ipc-contract';
import { readSequenceFolder } from './sequence-folder';

/** The uploader's markers (`upload_strava.json`, …) are not the sequence's JSON. */
const isMarker = (name: string) => /^upload_.*\.json$/i.test(name);

/**
 * The names and sizes of a sequence folder's JSON and GPX files, as one string, or
 * undefined while either is missing. Two equal answers some seconds apart mean the
 * MTP Desktop Uploader (or a copy) has finished writing the folder.
 */
export async function sequenceFilesSignature(folder: string): Promise<string | undefined> {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => undefined);
  if (!entries) return undefined;
  const files = entries
    .filter((e) => e.isFile() && (/\.gpx$/i.test(e.name) || /\.json$/i.test(e.name)))
    .filter((e) => !isMarker(e.name))
    .map((e) => e.name)
    .sort();
  if (!files.some((n) => /\.gpx$/i.test(n)) || !files.some((n) => /\.json$/i.test(n)))
    return undefined;
  const sizes = await Promise.all(
    files.map(
      async (name) =>
        `${name}:${(await stat(join(folder, name)).catch(() => undefined))?.size ?? '?'}`,
    ),
  );
  return sizes.join('|');
}

/**
 * Whether the folder says it is on Strava already (`upload_strava.json` TRUE, or
 * `destination.strava` true). A folder that cannot be read is not done: queued or
 * previewed, it shows its problem.
 */
export async function sequenceIsDone(folder: string): Promise<boolean> {
  try {
    return (await readSequenceFolder(folder)).alreadyOnStrava;
  } catch {
    return false;
  }
}

/** A preview that only says whether the folder is done (the worker's answer to a done-only task). */
export async function donePreview(folder: string): Promise<SequencePreview> {
  return {
    folder,
    name: basename(folder),
    warnings: [],
    alreadyOnStrava: await sequenceIsDone(folder),
  };
}
