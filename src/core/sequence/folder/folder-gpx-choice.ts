import type { FolderEntry, FolderListing } from './folder-entries';
import { entryNamed, usableFile } from './folder-entries';
import { invalidFolder, shortName, shownPath } from './folder-errors';

/** At most this many names are listed in a message. */
const listedNames = 5;

const isGpx = (entry: FolderEntry): boolean => /\.gpx$/i.test(entry.name);

/** `"a.gpx", "b.gpx" and 3 more`: names for a message, never a wall of text. */
function listNames(names: string[]): string {
  const sorted = [...names].sort();
  const shown = sorted.slice(0, listedNames).map((n) => `"${shortName(n)}"`);
  const more = sorted.length - shown.length;
  return more > 0 ? `${shown.join(', ')} and ${more} more` : shown.join(', ');
}

/**
 * The track of an MTP folder: `<stem>.gpx` for the first of `stems` that has one. A
 * folder whose JSON is there but whose GPX is named otherwise is refused rather than
 * guessed at: that GPX may belong to another sequence.
 */
export async function mtpGpx(
  listing: FolderListing,
  stems: string[],
  jsonName: string,
): Promise<string> {
  for (const stem of stems) {
    const entry = entryNamed(listing.entries, `${stem}.gpx`);
    if (entry) return usableFile(listing, entry);
  }
  const others = listing.entries.filter(isGpx).map((e) => e.name);
  const json = shownPath(listing.folder, jsonName);
  const wanted = shownPath(listing.folder, `${stems[0] ?? ''}.gpx`);
  if (others.length > 0) {
    throw invalidFolder(
      `${json} is there, but its track ${wanted} is missing; the folder holds ${listNames(others)} instead. Rename the GPX file to match, or choose the right folder.`,
    );
  }
  throw invalidFolder(
    `The folder ${shownPath(listing.folder)} has no GPX file: ${json} is there, but its track ${wanted} is missing.`,
  );
}

/** The track of a plain folder: its one GPX file, whatever its name. */
export async function plainGpx(listing: FolderListing): Promise<string> {
  const gpx = listing.entries.filter(isGpx);
  const folder = shownPath(listing.folder);
  const [only] = gpx;
  if (!only) {
    const compressed = listing.entries.find((e) => /\.gpx\.gz$/i.test(e.name));
    throw invalidFolder(
      compressed
        ? `The folder ${folder} holds only a compressed track ("${compressed.name}"). Decompress it to a .gpx file in the same folder, then try again.`
        : `The folder ${folder} has no GPX file. Choose a sequence folder that holds one.`,
    );
  }
  if (gpx.length > 1) {
    throw invalidFolder(
      `The folder ${folder} holds several GPX files (${listNames(gpx.map((e) => e.name))}), so the app cannot tell which one to upload. Keep one, or put each in its own folder.`,
    );
  }
  return usableFile(listing, only);
}
