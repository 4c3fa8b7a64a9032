import { constants } from 'node:fs';
import type { Dirent } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';
import { isUploadError } from '../../errors/upload-error';
import { folderFs } from '../folder-fs';
import { fsFailure, invalidFolder, shownPath } from './folder-errors';

/** A file directly inside the folder that may matter: a `.gpx` or a `.json`. */
export interface FolderEntry {
  /** The name as text; undecodable bytes appear as U+FFFD (for messages only). */
  name: string;
  /** False when the name is not valid UTF-8: such a file cannot be named by a text path. */
  utf8: boolean;
  /** True for a symbolic link: its target is checked before it is used. */
  link: boolean;
}

/** A readable folder: where it is, and its candidate files (links are resolved when used). */
export interface FolderListing {
  folder: string;
  entries: FolderEntry[];
}

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });
const lenientUtf8 = new TextDecoder('utf-8');

/** Decodes a name read as bytes; Linux allows names that are not UTF-8, and they must not crash us. */
function decodeName(raw: Buffer): { name: string; utf8: boolean } {
  try {
    return { name: strictUtf8.decode(raw), utf8: true };
  } catch {
    return { name: lenientUtf8.decode(raw), utf8: false };
  }
}

const interesting = (raw: Buffer): boolean => /\.(gpx|json|gpx\.gz)$/i.test(raw.toString('latin1'));

/**
 * Lists the `.gpx`, `.gpx.gz` and `.json` files directly in `folder`. Names are read as bytes, so
 * a name that is not UTF-8 is listed (and refused if it is ever needed) instead of
 * turning into a path that does not exist.
 */
export async function listFolder(folder: string): Promise<FolderListing> {
  const shown = shownPath(folder);
  let dirents: Dirent<Buffer>[];
  try {
    // With their types: no lstat per file on the disks that report them (nearly all).
    dirents = await folderFs.readdirTyped(folder);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code !== 'ENOTDIR') throw fsFailure(`The folder ${shown}`, folder, error);
    throw invalidFolder(
      `${shown} is not a folder. Choose the sequence folder that holds the GPX file.`,
      folder,
    );
  }
  const entries: FolderEntry[] = [];
  for (const dirent of dirents) {
    const raw = dirent.name;
    if (!interesting(raw)) continue;
    const { name, utf8 } = decodeName(raw);
    let kind: { isFile(): boolean; isSymbolicLink(): boolean } = dirent;
    if (!dirent.isFile() && !dirent.isSymbolicLink() && !dirent.isDirectory()) {
      // A disk that does not say what an entry is (some network shares): ask.
      try {
        kind = await folderFs.lstat(Buffer.concat([Buffer.from(folder + sep), raw]));
      } catch (error) {
        throw fsFailure(shownPath(folder, name), folder, error);
      }
    }
    // Folders named `x.gpx`, sockets and the like are not files to read.
    if (kind.isFile() || kind.isSymbolicLink())
      entries.push({ name, utf8, link: kind.isSymbolicLink() });
  }
  return { folder, entries };
}

const inside = (root: string, target: string): boolean => {
  const rel = relative(root, target);
  return rel !== '' && !rel.startsWith(`..${sep}`) && rel !== '..' && !isAbsolute(rel);
};

/**
 * The absolute path of an entry that is safe to read: a readable file whose name is
 * text, or a link to a file inside the folder. A link out of the folder is refused:
 * dropping a folder must never send a file from elsewhere.
 */
export async function usableFile(listing: FolderListing, entry: FolderEntry): Promise<string> {
  const shown = shownPath(listing.folder, entry.name);
  if (!entry.utf8) {
    throw invalidFolder(
      `${shown} has a file name that is not valid UTF-8 text, so the app cannot open it. Rename the file.`,
    );
  }
  const path = join(listing.folder, entry.name);
  try {
    if (entry.link) {
      const target = await folderFs.realpath(path);
      if (!inside(await folderFs.realpath(listing.folder), target)) {
        throw invalidFolder(
          `${shown} is a link to a file outside the folder, which the app does not follow. Copy the file into the folder instead.`,
          `${path} -> ${target}`,
        );
      }
      if (!(await folderFs.stat(target)).isFile())
        throw invalidFolder(`${shown} is a link to something that is not a file.`, path);
    }
    await folderFs.access(path, constants.R_OK);
  } catch (error) {
    if (isUploadError(error)) throw error;
    throw fsFailure(shown, path, error);
  }
  return path;
}

/** The entry named `name` exactly, else the one named so in another case (case-insensitive disks). */
export function entryNamed(entries: FolderEntry[], name: string): FolderEntry | undefined {
  return (
    entries.find((e) => e.utf8 && e.name === name) ??
    entries.find((e) => e.utf8 && e.name.toLowerCase() === name.toLowerCase())
  );
}
