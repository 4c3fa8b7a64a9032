import { basename } from 'node:path';
import { UploadError } from '../../errors/upload-error';

/** The file as a person sees it in a message: its name, quoted. */
export function fileLabel(path: string): string {
  return `"${basename(path)}"`;
}

/** A track Strava would refuse: never retried, the user has to fix or drop the file. */
export function invalidGpx(path: string, message: string, detail?: string): UploadError {
  return new UploadError({
    kind: 'invalid-gpx',
    message,
    retryable: false,
    detail: detail === undefined ? path : `${path}: ${detail}`,
  });
}

/**
 * A parser error in words: before the root element the file is not XML at all; at the
 * end it was cut short; otherwise it breaks at a place the user can look at.
 */
export function xmlFault(
  path: string,
  parserMessage: string,
  stage: 'before-root' | 'at-end' | { line: number; column: number },
): UploadError {
  const reason = parserMessage.replace(/^\d+:\d+: /, '').replace(/\.$/, '');
  const problem =
    stage === 'before-root'
      ? 'is not a GPX file: it does not read as XML.'
      : stage === 'at-end'
        ? 'ends before its GPX is complete; the file looks cut short.'
        : `is damaged: its XML breaks at line ${stage.line}, column ${stage.column} (${reason}).`;
  return invalidGpx(path, `${fileLabel(path)} ${problem}`, reason);
}

const codeOf = (error: unknown): string | undefined =>
  error instanceof Error && 'code' in error && typeof error.code === 'string'
    ? error.code
    : undefined;

/** True for the error a stream or fs call rejects with when its AbortSignal fires. */
export function isAbortError(error: unknown): boolean {
  return error instanceof Error && (error.name === 'AbortError' || codeOf(error) === 'ABORT_ERR');
}

/** The UploadError for a stopped read: the same shape the HTTP client uses. */
export function cancelledError(error: unknown): UploadError {
  const detail = error instanceof Error ? error.message : String(error);
  return new UploadError(
    { kind: 'cancelled', message: 'Cancelled.', retryable: true, detail },
    { cause: error },
  );
}

/** A file that cannot be opened or read at all: the folder is wrong, not the track. */
export function unreadableFile(path: string, error: unknown): UploadError {
  if (isAbortError(error)) return cancelledError(error);
  const code = codeOf(error);
  const file = fileLabel(path);
  const reason =
    code === 'ENOENT' || code === 'ENOTDIR'
      ? `${file} was not found.`
      : code === 'EISDIR'
        ? `${file} is a folder, not a GPX file.`
        : code === 'ENOTREG'
          ? `${file} is not a regular file.`
          : code === 'EACCES' || code === 'EPERM'
            ? `${file} cannot be read: permission denied.`
            : `${file} cannot be read.`;
  const detail = error instanceof Error ? error.message : String(error);
  return new UploadError(
    { kind: 'invalid-folder', message: reason, retryable: false, detail: `${path}: ${detail}` },
    { cause: error },
  );
}
