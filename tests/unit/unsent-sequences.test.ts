import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UnsentSequenceFinder } from '../../src/core/app/unsent-sequences';
import { sequenceIsDone } from '../../src/core/sequence/folder/sequence-files';
import { makeSequenceFolder } from '../support/make-sequence-folder';

let home: string | undefined;
afterEach(async () => {
  if (home) await rm(home, { recursive: true, force: true });
  home = undefined;
});

/** A fake home holding MTP/sequences with new, done, known and part folders. */
async function fakeHome() {
  home = await mkdtemp(join(tmpdir(), 'mtp-home-'));
  const root = join(home, 'MTP', 'sequences');
  await makeSequenceFolder(root, { name: 'Bay walk' });
  await makeSequenceFolder(root, { name: 'Ridge run_part_1' });
  await makeSequenceFolder(root, { name: 'Ridge run_part_2' });
  await makeSequenceFolder(root, { name: 'Queued walk' });
  const marked = await makeSequenceFolder(root, { name: 'Marked walk' });
  await writeFile(
    join(marked, 'upload_strava.json'),
    JSON.stringify({ sequence: 'Marked walk', status: 'TRUE' }),
  );
  const destination = await makeSequenceFolder(root, { name: 'Destination walk' });
  const json = join(destination, 'Destination walk.json');
  const file = JSON.parse(await readFile(json, 'utf8')) as { sequence: Record<string, unknown> };
  file.sequence.destination = { strava: true };
  await writeFile(json, JSON.stringify(file));
  await mkdir(join(root, 'Photos only'));
  return { root };
}

describe('the sequences not yet on Strava', () => {
  it('are the folders with neither a done marker nor a journal item; parts count once', async () => {
    const { root } = await fakeHome();
    const asked: string[] = [];
    const finder = new UnsentSequenceFinder({
      roots: () => [root, join(root, 'missing')],
      known: () => [join(root, 'Queued walk')],
      isDone: (folder) => {
        asked.push(folder);
        return sequenceIsDone(folder);
      },
    });
    const found = await finder.find();
    expect(found).toEqual({
      roots: [root],
      count: 2,
      paths: [
        join(root, 'Bay walk'),
        join(root, 'Ridge run_part_1'),
        join(root, 'Ridge run_part_2'),
      ],
    });
    // Looking again reads no folder that has not changed.
    asked.length = 0;
    expect(await finder.find()).toEqual(found);
    expect(asked).toEqual([]);
  });

  it('looks nowhere without a root, and finds none in an empty one', async () => {
    const finder = new UnsentSequenceFinder({
      roots: () => [undefined],
      known: () => [],
      isDone: () => Promise.resolve(false),
    });
    expect(await finder.find()).toEqual({ roots: [], count: 0, paths: [] });
  });
});
