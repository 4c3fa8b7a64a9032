import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';

const hasTrack = async (folder: string) => {
  const entries = await readdir(folder, { withFileTypes: true }).catch(() => []);
  return entries.some((e) => e.isFile() && e.name.toLowerCase().endsWith('.gpx'));
};

/**
 * A folder that holds sequence folders (like ~/MTP/sequences) stands for each of
 * them; any other path stands for itself (the reader explains what is wrong with it).
 */
export async function expandSequenceFolders(paths: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths.map((p) => resolve(p))) {
    if (await hasTrack(path)) {
      out.push(path);
      continue;
    }
    const children = (await readdir(path, { withFileTypes: true }).catch(() => []))
      .filter((e) => e.isDirectory() && !e.name.startsWith('.'))
      .map((e) => join(path, e.name))
      .sort();
    const sequences = [];
    for (const child of children) if (await hasTrack(child)) sequences.push(child);
    out.push(...(sequences.length > 0 ? sequences : [path]));
  }
  return [...new Set(out)];
}
