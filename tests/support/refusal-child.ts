/**
 * A child of runAsNobody: `<path> gpx|folder` checks the track or reads the
 * sequence folder at `path` and prints one JSON line of the refusal (or null).
 */
import { UploadError } from '../../src/core/errors/upload-error';
import { checkGpx } from '../../src/core/sequence/gpx/gpx-check';
import { readSequenceFolder } from '../../src/core/sequence/folder/sequence-folder';

const [path = '', what] = process.argv.slice(2);
try {
  await (what === 'gpx' ? checkGpx(path) : readSequenceFolder(path));
  console.log('null');
} catch (error) {
  if (!(error instanceof UploadError)) throw error;
  console.log(
    JSON.stringify({ kind: error.kind, message: error.message, retryable: error.retryable }),
  );
}
