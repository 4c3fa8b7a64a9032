import { toUploadError } from '../core/errors/upload-error';
import { cliWords } from './cli-time';

/** Prints an error as a person should see it: what happened and what to do, never a stack. */
export function printError(error: unknown): void {
  const e = toUploadError(error, {
    kind: 'server',
    message: 'Something unexpected went wrong.',
    retryable: false,
  });
  console.error(`Error: ${cliWords(e.message, e.retryAt)}`);
  if (process.env.MTP_STRAVA_DEBUG && e.detail) console.error(`(detail: ${e.detail})`);
}
