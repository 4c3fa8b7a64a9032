import { basename } from 'node:path';
import { UploadError } from '../../errors/upload-error';

/** Longest name shown in a message; longer names keep their start and end. */
const maxShownChars = 60;

/** A name short enough for a message, cut in the middle (code points, never half a character). */
export function shortName(name: string): string {
  const chars = Array.from(name);
  if (chars.length <= maxShownChars) return name;
  const half = Math.floor((maxShownChars - 1) / 2);
  return `${chars.slice(0, half).join('')}…${chars.slice(-half).join('')}`;
}

/** How a file of a sequence folder is named in messages: `"walk/walk.json"`, as the user sees it. */
export function shownPath(folder: string, file?: string): string {
  const top = shortName(basename(folder) || folder);
  return file === undefined ? `"${top}"` : `"${top}/${shortName(file)}"`;
}

/** The error of a folder that cannot be used as it is: retrying will not help until it changes. */
export function invalidFolder(message: string, detail?: string, cause?: unknown): UploadError {
  return new UploadError(
    {
      kind: 'invalid-folder',
      message,
      retryable: false,
      ...(detail === undefined ? {} : { detail }),
    },
    cause === undefined ? undefined : { cause },
  );
}

const errnoCode = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

/**
 * Turns a file-system failure on `shown` (a folder or a file) into words a person
 * understands; the path and the raw error stay in the detail for bug reports.
 */
export function fsFailure(shown: string, path: string, error: unknown): UploadError {
  const code = errnoCode(error);
  const detail = `${path}: ${error instanceof Error ? error.message : String(error)}`;
  const say = (message: string) => invalidFolder(message, detail, error);
  switch (code) {
    case 'ENOENT':
      // A name that is not UTF-8 reaches us with U+FFFD in it, and then cannot be found.
      if (path.includes('\uFFFD')) {
        return say(
          `${shown} has a name that is not valid UTF-8 text, so the app cannot open it. Rename it.`,
        );
      }
      return say(`${shown} does not exist (it may have been moved, renamed or deleted).`);
    case 'ENOTDIR':
      return say(`${shown} is not a folder. Choose the sequence folder that holds the GPX file.`);
    case 'EACCES':
    case 'EPERM':
      return say(`${shown} cannot be read: permission denied. Check its permissions.`);
    case 'ELOOP':
      return say(
        `${shown} is a symbolic link that loops back on itself, so it cannot be read. Fix or remove the link.`,
      );
    case 'ENAMETOOLONG':
      return say(`${shown} has a path too long for the system to open.`);
    default:
      return say(`${shown} cannot be read (${code ?? 'unknown error'}).`);
  }
}

/** A marker that could not be written: the upload itself is done, only the note for MTP is missing. */
export function writeFailure(shown: string, path: string, error: unknown): UploadError {
  const code = errnoCode(error);
  const why =
    code === 'EACCES' || code === 'EPERM'
      ? 'permission denied'
      : code === 'EROFS'
        ? 'the disk is read-only'
        : code === 'ENOSPC'
          ? 'the disk is full'
          : (code ?? 'unknown error');
  return invalidFolder(
    `${shown} could not be written (${why}), so the MTP Desktop Uploader may not know this sequence is on Strava.`,
    `${path}: ${error instanceof Error ? error.message : String(error)}`,
    error,
  );
}
