import { readdirSync, rmSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Logger } from '../ports';

/** `<item id>.gpx.gz`, and the `.partial` gzipFile writes first. */
const workingCopyName = /^[0-9a-f]{16}\.gpx\.gz(\.partial)?$/;

/** Where an item's gzipped copy of its track is written for the upload. */
export function workingCopyPath(workDir: string, id: string): string {
  return join(workDir, `${id}.gpx.gz`);
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
