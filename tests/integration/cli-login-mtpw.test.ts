import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { pendingSignInsFile } from '../../src/cli/commands/login-mtpw';
import { startSimulator, type Simulator } from '../../src/sim/index';
import { cliEnv, keyringReady } from '../support/cli-env';
import { runCli } from '../support/cli-runner';
import { simClientId, simClientSecret } from '../support/sim-harness';
import { describeWhen, skipReasons } from '../support/skip-when';

let sim: Simulator | undefined;
let home: string | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  if (home) await rm(home, { recursive: true, force: true });
  home = undefined;
});

async function setup() {
  sim = await startSimulator({
    clientId: simClientId,
    clientSecret: simClientSecret,
    autoApprove: true,
  });
  home = await mkdtemp(join(tmpdir(), 'mtp-cli-mtpw-'));
  return { ...cliEnv(sim.url, home), home };
}

/** `login mtpw` with standard input closed: it prints the address and stops. */
async function printOnly(env: Record<string, string>) {
  const run = runCli(['login', 'mtpw', '--no-open'], env);
  run.child.stdin?.end();
  const code = await run.exit;
  const address = run.lines
    .map((l) => /https?:\/\/\S+\/accounts\/authorize\/\S*/.exec(l)?.[0])
    .find(Boolean);
  return { code, run, address };
}

/** Plays the browser: where MTPW sends it after the user approves. */
async function approve(address: string): Promise<string> {
  const answer = await fetch(address, { redirect: 'manual' });
  return answer.headers.get('location') ?? '';
}

describeWhen(keyringReady, skipReasons.keyring)('mtp-strava login mtpw across two commands', () => {
  it('exits 1 with standard input closed, saying how to pass the address', async () => {
    const { env, home } = await setup();
    const { code, run, address } = await printOnly(env);
    expect(code).toBe(1);
    expect(address).toBeDefined();
    expect(run.stderr.join('\n')).toMatch(/--redirect-url/);
    // Windows has no POSIX modes (Node reports 0o666 there): its profile folder is private instead.
    if (process.platform !== 'win32')
      expect((await stat(join(home, pendingSignInsFile))).mode & 0o777).toBe(0o600);
  }, 60_000);

  it('finishes with --redirect-url in a second command, and the used state cannot be replayed', async () => {
    const { env, secrets } = await setup();
    const { address } = await printOnly(env);
    const redirect = await approve(address!);
    expect(redirect).toMatch(/^app\.mtp\.desktop:\/\/.*access_token=/);

    const second = runCli(['login', 'mtpw', '--redirect-url', redirect], env);
    expect(await second.exit).toBe(0);
    expect(second.lines.join('\n')).toMatch(/Connected to Map the Paths/);
    expect(second.lines.join('\n')).not.toMatch(/accounts\/authorize/);
    expect(await secrets.accounts()).toEqual(['mtpw.token']);
    await secrets.delete('mtpw.token');

    const replay = runCli(['login', 'mtpw', '--redirect-url', redirect], env);
    expect(await replay.exit).toBe(1);
    expect(replay.stderr.join('\n')).toMatch(/could not be verified/);
    expect(await secrets.accounts()).toEqual([]);
  }, 60_000);

  it('refuses an unknown state and an expired one', async () => {
    const { env, secrets, home } = await setup();
    const forged = runCli(
      ['login', 'mtpw', '--redirect-url', 'app.mtp.desktop://app#access_token=x&state=forged'],
      env,
    );
    expect(await forged.exit).toBe(1);
    expect(forged.stderr.join('\n')).toMatch(/could not be verified/);

    const { address } = await printOnly(env);
    const redirect = await approve(address!);
    // Eleven minutes later, as far as the file says.
    const path = join(home, pendingSignInsFile);
    const file = JSON.parse(await readFile(path, 'utf8')) as { pending: Array<{ until: number }> };
    for (const p of file.pending) p.until = Date.now() - 60_000;
    await writeFile(path, JSON.stringify(file));
    const late = runCli(['login', 'mtpw', '--redirect-url', redirect], env);
    expect(await late.exit).toBe(1);
    expect(late.stderr.join('\n')).toMatch(/expired/);
    expect(await secrets.accounts()).toEqual([]);
  }, 60_000);
});
