import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnv } from '../support/cli-env';
import { runCli } from '../support/cli-runner';

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'mtp-shape-flags-'));
});
afterAll(async () => {
  await rm(root, { recursive: true, force: true });
});

/** Settings that point at a closed port: nothing may be sent anyway. */
const env = () => cliEnv('http://127.0.0.1:9', join(root, 'home')).env;

/** A run with no Strava and no keychain behind it: these runs must stop before either is needed. */
async function run(args: string[]) {
  const cli = runCli(args, env());
  const code = await cli.exit;
  return { code, stderr: cli.stderr.join('\n') };
}

describe('mtp-strava upload shaping flags', () => {
  it('exits 2 on a bad value, naming the flag and the accepted form', async () => {
    const { code, stderr } = await run(['upload', root, '--privacy-zone', '91,0,100']);
    expect(code).toBe(2);
    expect(stderr).toContain(
      "option '--privacy-zone <lat,lon,radius>' argument '91,0,100' is invalid",
    );
    expect(stderr).toContain('must be a number from -90 to 90');
  });
});
