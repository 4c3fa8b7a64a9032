import { readdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../ports';

/**
 * `<item id>.gpx.gz` and the `.partial` gzipFile writes first; `<item id>.shaped.gpx`
 * and the hidden `.partial` writeTrackGpx writes first.
 */
const workingCopyName =
  /^(?:[0-9a-f]{16}\.gpx\.gz(?:\.partial)?|\.?[0-9a-f]{16}\.shaped\.gpx(?:\.[0-9a-f]+\.partial)?)$/;

/** Where an item's gzipped copy of its track is written for the upload. */
export function workingCopyPath(workDir: string, id: string): string {
  return join(workDir, `${id}.gpx.gz`);
}

/** Where an item's shaped track is written before it is gzipped; the folder's GPX is never touched. */
export function shapedCopyPath(workDir: string, id: string): string {
  return join(workDir, `${id}.shaped.gpx`);
}

/** Deletes a working copy; one that cannot be deleted is logged, not a failure. */
export async function removeWorkingCopy(path: string, logger: Logger): Promise<void> {
  try {
    await rm(path, { force: true });
  } catch (error) {
    logger.warn('pipeline: could not delete a working copy', { path, error: String(error) });
  }
}

/**
 * Deletes every working copy left in `workDir` (by a kill mid-upload, or by earlier
 * versions, which kept them all). At start-up no item needs one: each try of an
 * upload compresses its track afresh. Only files named like ours are touched.
 */
export function removeLeftoverWorkingCopies(workDir: string, logger: Logger): number {
  let names: string[];
  try {
    names = readdirSync(workDir);
  } catch {
    return 0;
  }
  let removed = 0;
  for (const name of names) {
    if (!workingCopyName.test(name)) continue;
    try {
      rmSync(join(workDir, name), { force: true });
      removed += 1;
    } catch (error) {
      logger.warn('pipeline: could not delete a working copy', { name, error: String(error) });
    }
  }
  if (removed > 0) logger.info('pipeline: deleted leftover working copies', { removed });
  return removed;
}
