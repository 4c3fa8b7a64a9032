import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { cliEnv, keyringReady } from '../support/cli-env';
import { runCli } from '../support/cli-runner';
import { makeSequenceFolder } from '../support/make-sequence-folder';
import { describeWhen, skipReasons } from '../support/skip-when';

let home: string | undefined;
afterEach(async () => {
  if (home) await rm(home, { recursive: true, force: true });
  home = undefined;
});

describeWhen(keyringReady, skipReasons.keyring)('mtp-strava review', () => {
  it('lists the folders of ~/MTP/sequences not yet on Strava, parts counted once', async () => {
    home = await mkdtemp(join(tmpdir(), 'mtp-cli-review-'));
    const sequences = join(home, 'MTP', 'sequences');
    await makeSequenceFolder(sequences, { name: 'Bay walk' });
    await makeSequenceFolder(sequences, { name: 'Ridge run_part_1' });
    await makeSequenceFolder(sequences, { name: 'Ridge run_part_2' });
    const done = await makeSequenceFolder(sequences, { name: 'Done walk' });
    await writeFile(
      join(done, 'upload_strava.json'),
      JSON.stringify({ sequence: 'Done walk', status: 'TRUE' }),
    );
    // The home comes from the environment, as os.homedir() reads it: never the real one here.
    const { env } = cliEnv('http://127.0.0.1:9', join(home, 'state'), {
      HOME: home,
      USERPROFILE: home,
    });
    const run = runCli(['review', '--json'], env);
    expect(await run.exit).toBe(0);
    const lines = run.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.filter((l) => l.event === 'unsent').map((l) => l.folder)).toEqual([
      join(sequences, 'Bay walk'),
      join(sequences, 'Ridge run_part_1'),
      join(sequences, 'Ridge run_part_2'),
    ]);
    expect(lines.at(-1)).toEqual({ event: 'summary', root: sequences, sequences: 2, folders: 3 });
  }, 60_000);

  it('says so when the folder is not there (exit 1)', async () => {
    home = await mkdtemp(join(tmpdir(), 'mtp-cli-review-'));
    const { env } = cliEnv('http://127.0.0.1:9', join(home, 'state'));
    const run = runCli(['review', join(home, 'nowhere')], env);
    expect(await run.exit).toBe(1);
    expect(run.stderr.join('\n')).toMatch(/is not there or cannot be read/);
  }, 60_000);
});
