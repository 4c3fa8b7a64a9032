import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

/** A folder holding a track or a sequence file is a sequence itself, even a broken one. */
const looksLikeSequence = async (folder: string) => {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  return entries.some((e) => e.isFile() && /\.(gpx|gpx\.gz|json)$/i.test(e.name));
};

/**
 * A folder that holds sequence folders (like ~/MTP/sequences) stands for every one of
 * its subfolders; any other path stands for itself (the reader explains what is wrong).
 */
export async function expandSequenceFolders(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths.map((p) => resolve(p))) {
    if (await looksLikeSequence(path)) {
      out.push(path);
      continue;
    }
    const children = (await readdir(path, { withFileTypes: true }).catch(() => []))
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => join(path, e.name))
      .sort();
    let sequences = false;
    for (const child of children) if (await looksLikeSequence(child)) sequences = true;
    // A name that is not UTF-8 arrives with U+FFFD and cannot be opened to look inside.
    const unreadableNames = children.some((c) => c.includes('\uFFFD'));
    // Every subfolder of a folder of sequences is queued, so one that cannot be read is
    // reported with its problem instead of silently left out.
    out.push(...(sequences || unreadableNames ? children : [path]));
  }
  return [...new Set(out)];
}
