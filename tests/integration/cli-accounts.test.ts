import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { describeWhen, skipReasons } from '../support/skip-when';
import { cliEnv, keyringReady } from '../support/cli-env';
import { runCli } from '../support/cli-runner';
import { simClientId, simClientSecret } from '../support/sim-harness';
import { startSimulator, type Simulator } from '../../src/sim/index';

let sim: Simulator | undefined;
let home: string | undefined;
afterEach(async () => {
  await sim?.close();
  if (home) await rm(home, { recursive: true, force: true });
});

async function setup() {
  sim = await startSimulator({
    clientId: simClientId,
    clientSecret: simClientSecret,
    autoApprove: true,
  });
  home = await mkdtemp(join(tmpdir(), 'mtp-cli-acc-'));
  return cliEnv(sim.url, home);
}

/** Plays the browser: follows the printed authorize address to the loopback listener. */
async function approveInBrowser(line: string): Promise<void> {
  const url = /https?:\/\/\S+\/oauth\/authorize\S*/.exec(line)?.[0];
  if (!url) return;
  const location = (await fetch(url, { redirect: 'manual' })).headers.get('location');
  if (location) await fetch(location);
}

describeWhen(keyringReady, skipReasons.keyring)('mtp-strava accounts', () => {
  it('logs in to Strava through the loopback listener, shows whoami, logs out with a revoke', async () => {
    const { env, secrets } = await setup();
    const login = runCli(
      ['login', 'strava', '--no-open'],
      env,
      (line) => void approveInBrowser(line),
    );
    expect(await login.exit).toBe(0);
    expect(login.lines.join('\n')).toMatch(/Connected to Strava as Sam Simulator/);
    expect(await secrets.accounts()).toEqual(['strava.tokens']);

    const who = runCli(['whoami', '--json'], env);
    expect(await who.exit).toBe(0);
    expect(JSON.parse(who.lines[0] ?? '{}')).toMatchObject({
      strava: { name: 'Sam Simulator', scopes: ['read', 'activity:write', 'activity:read_all'] },
      mtpw: { connected: false },
    });

    const out = runCli(['logout', 'strava'], env);
    expect(await out.exit).toBe(0);
    expect(sim!.state().requests['POST /oauth/revoke']).toBe(1);
    expect(await secrets.accounts()).toEqual([]);
  });

  it('explains an unticked upload permission and stores nothing', async () => {
    const { env, secrets } = await setup();
    const login = runCli(['login', 'strava', '--no-open'], env, (line) => {
      const url = /https?:\/\/\S+\/oauth\/authorize\S*/.exec(line)?.[0];
      if (url) void approveInBrowser(url.replace(/scope=[^&]*/, 'scope=read'));
    });
    expect(await login.exit).toBe(1);
    expect(login.stderr.join('\n')).toMatch(/without permission to upload/);
    expect(await secrets.accounts()).toEqual([]);
  });

  it('logs in to MTPW from the pasted app.mtp.desktop address, checking state', async () => {
    const { env, secrets } = await setup();
    const start = runCli(['login', 'mtpw', '--no-open'], env);
    start.child.stdin?.end('app.mtp.desktop://app#access_token=x&state=forged\n');
    expect(await start.exit).toBe(1);
    expect(start.stderr.join('\n')).toMatch(/could not be verified/);

    const printed = runCli(['login', 'mtpw', '--no-open'], env, (line) => {
      const url = /https?:\/\/\S+\/accounts\/authorize\/\S*/.exec(line)?.[0];
      if (!url) return;
      void fetch(url, { redirect: 'manual' }).then((r) =>
        printed.child.stdin?.end(`${r.headers.get('location') ?? ''}\n`),
      );
    });
    expect(await printed.exit).toBe(0);
    expect(printed.lines.join('\n')).toMatch(/Connected to Map the Paths/);
    expect(await secrets.accounts()).toEqual(['mtpw.token']);
    expect(await runCli(['logout', 'mtpw'], env).exit).toBe(0);
    expect(await secrets.accounts()).toEqual([]);
  });

  it('says what to do when the Strava API app is not set up', async () => {
    const { env } = await setup();
    const run = runCli(['whoami'], { ...env, STRAVA_CLIENT_ID: '', STRAVA_CLIENT_SECRET: '' });
    expect(await run.exit).toBe(1);
    expect(run.stderr.join('\n')).toMatch(/Client ID and Client Secret/);
  });
});
