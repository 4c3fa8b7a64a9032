import { homedir } from 'node:os';
import { join, resolve } from 'node:path';
import { UnsentSequenceFinder } from '../../core/app/unsent-sequences';
import { UploadError } from '../../core/errors/upload-error';
import { sequenceIsDone } from '../../core/sequence/folder/sequence-files';
import type { CliServices } from '../cli-services';

/**
 * `review [dir]`: lists the sequence folders of `dir` (default ~/MTP/sequences, where
 * the MTP Desktop Uploader keeps them) with neither a done marker nor a journal item,
 * the same ones the app's review offer shows. A terminal has no UI to keep free, so
 * the done checks run here.
 */
export async function review(
  services: CliServices,
  dir: string | undefined,
  options: { json: boolean },
): Promise<boolean> {
  const root = resolve(dir ?? join(homedir(), 'MTP', 'sequences'));
  const items = services.pipeline().items();
  const finder = new UnsentSequenceFinder({
    roots: () => [root],
    known: () => items.flatMap((item) => [item.folder, ...(item.parts ?? []).map((p) => p.folder)]),
    isDone: sequenceIsDone,
  });
  const found = await finder.find();
  if (found.roots.length === 0) {
    throw new UploadError({
      kind: 'invalid-input',
      message: `${root} is not there or cannot be read. Name the folder of your sequences: mtp-strava review <dir>.`,
      retryable: false,
    });
  }
  if (options.json) {
    for (const folder of found.paths) console.log(JSON.stringify({ event: 'unsent', folder }));
    console.log(
      JSON.stringify({
        event: 'summary',
        root,
        sequences: found.count,
        folders: found.paths.length,
      }),
    );
    return true;
  }
  for (const folder of found.paths) console.log(folder);
  const many = found.count === 1 ? 'sequence is' : 'sequences are';
  console.log(
    found.count === 0
      ? `Every sequence in ${root} is on Strava or in the queue.`
      : `${found.count} ${many} not on Strava yet (parts of one sequence count once). Upload them with: mtp-strava upload <folder…>`,
  );
  return true;
}
