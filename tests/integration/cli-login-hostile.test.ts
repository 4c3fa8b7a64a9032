import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index';
import { cliEnv, keyringReady } from '../support/cli-env';
import { runCli } from '../support/cli-runner';
import { sendRaw } from '../support/raw-http';
import { simClientId, simClientSecret } from '../support/sim-harness';
import { describeWhen, skipReasons } from '../support/skip-when';

let sim: Simulator | undefined;
let home: string | undefined;
afterEach(async () => {
  await sim?.close();
  if (home) await rm(home, { recursive: true, force: true });
});

describeWhen(keyringReady, skipReasons.keyring)('mtp-strava login strava, attacked', () => {
  it('survives a malformed Host sent to its loopback port, then signs in', async () => {
    sim = await startSimulator({
      clientId: simClientId,
      clientSecret: simClientSecret,
      autoApprove: true,
    });
    home = await mkdtemp(join(tmpdir(), 'mtp-cli-hostile-'));
    const { env, secrets } = cliEnv(sim.url, home);
    const statuses: number[] = [];
    const login = runCli(['login', 'strava', '--no-open'], env, (line) => {
      const authorize = /https?:\/\/\S+\/oauth\/authorize\S*/.exec(line)?.[0];
      if (!authorize) return;
      const port = Number(new URL(new URL(authorize).searchParams.get('redirect_uri') ?? '').port);
      void (async () => {
        statuses.push(
          await sendRaw(
            port,
            'GET /exchange_token HTTP/1.1\r\nHost: [::bad\r\nConnection: close\r\n\r\n',
          ),
        );
        const location = (await fetch(authorize, { redirect: 'manual' })).headers.get('location');
        if (location) await fetch(location);
      })();
    });
    expect(await login.exit).toBe(0);
    expect(statuses).toEqual([400]);
    expect(login.stderr.join('\n')).not.toMatch(/ERR_INVALID_URL|at .*\.ts:\d+/);
    expect(login.lines.join('\n')).toMatch(/Connected to Strava as Sam Simulator/);
    expect(await secrets.accounts()).toEqual(['strava.tokens']);
  });
});
