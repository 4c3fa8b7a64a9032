import { readdir } from 'node:fs/promises';

/** A folder name split as the MTP Desktop Uploader names the parts of a long sequence. */
export interface PartName {
  /** The sequence's folder name without `_part_N`. */
  base: string;
  /** N, counted from 1 by the uploader. */
  index: number;
}

/**
 * The uploader splits sequences of more than 500 photos into `<name>_part_1`,
 * `<name>_part_2`, … folders, each with its own JSON and GPX.
 */
const partPattern = /^(.+)_part_(\d{1,6})$/i;

/** The base name and part number of a `<name>_part_N` folder name, or undefined. */
export function partName(folderName: string): PartName | undefined {
  const match = partPattern.exec(folderName);
  if (!match?.[1] || match[2] === undefined) return undefined;
  return { base: match[1], index: Number.parseInt(match[2], 10) };
}

/**
 * The highest part number among the folders next to this one, as far as the parent
 * folder shows (parts may have been moved elsewhere); undefined when it cannot be read.
 */
export async function highestPart(parentFolder: string, base: string): Promise<number | undefined> {
  let names: string[];
  try {
    names = (await readdir(parentFolder, { withFileTypes: true }))
      .filter((entry) => entry.isDirectory() || entry.isSymbolicLink())
      .map((entry) => entry.name);
  } catch {
    // The count is a nicety for the UI; a parent we may not list costs nothing else.
    return undefined;
  }
  let highest: number | undefined;
  for (const name of names) {
    const part = partName(name);
    if (part && part.base.toLowerCase() === base.toLowerCase())
      highest = Math.max(highest ?? 0, part.index);
  }
  return highest;
}
