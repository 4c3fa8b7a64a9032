import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startAppHarness, type AppHarness } from '../support/app-harness';
import { cliEnv } from '../support/cli-env';
import { runCli } from '../support/cli-runner';

let h: AppHarness | undefined;
let home: string | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
  if (home) await rm(home, { recursive: true, force: true });
  home = undefined;
});

const missing = /Map the Paths needs its OAuth client id: .*none built in/;

describe('Map the Paths without a client id (none is published to default to)', () => {
  it('the accounts view says what is missing, and sign-in refuses before any window opens', async () => {
    h = await startAppHarness({ env: { MTPW_CLIENT_ID: undefined } });
    const accounts = await h.app.handle('accounts:get', {});
    expect(accounts).toMatchObject({
      ok: true,
      value: { mtpw: { connected: false, setupNeeded: expect.stringMatching(missing) } },
    });
    expect(JSON.stringify(accounts)).toMatch(/in Settings/);
    const connect = await h.app.handle('accounts:connect', { service: 'mtpw', method: 'window' });
    expect(connect).toMatchObject({
      ok: false,
      error: { kind: 'config', retryable: false, message: expect.stringMatching(missing) },
    });
    expect(h.opened).toEqual([]);
  });

  it('with a client id, nothing is said to be missing', async () => {
    h = await startAppHarness();
    const accounts = await h.app.handle('accounts:get', {});
    expect(accounts).toMatchObject({ ok: true, value: { mtpw: { connected: false } } });
    expect(JSON.stringify(accounts)).not.toMatch(/setupNeeded/);
  });

  it('`mtp-strava login mtpw` says the same, with where to set it', async () => {
    home = await mkdtemp(join(tmpdir(), 'mtp-cli-mtpw-id-'));
    const { env } = cliEnv('http://127.0.0.1:9', home, { MTPW_CLIENT_ID: '' });
    const run = runCli(['login', 'mtpw', '--no-open'], env);
    run.child.stdin?.end();
    expect(await run.exit).toBe(1);
    const said = run.stderr.join('\n');
    expect(said).toMatch(missing);
    expect(said).toMatch(/MTPW_CLIENT_ID/);
    expect(run.lines.join('\n')).not.toMatch(/authorize/);
  }, 60_000);
});
