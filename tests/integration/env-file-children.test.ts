import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createCliServices } from '../../src/cli/cli-services';
import { loadMainSettings } from '../../src/main/main-settings';

const secret = 'client-secret-from-the-env-file-4711';
const names = ['STRAVA_CLIENT_ID', 'STRAVA_CLIENT_SECRET', 'MTP_STRAVA_HOME'] as const;
const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));
const startDir = process.cwd();
let dir: string;

beforeEach(async () => {
  for (const name of names) delete process.env[name];
  dir = await mkdtemp(join(tmpdir(), 'mtp-env-file-'));
  await writeFile(
    join(dir, 'settings.env'),
    `STRAVA_CLIENT_ID=777\nSTRAVA_CLIENT_SECRET=${secret}\n`,
  );
  await writeFile(join(dir, '.env'), `STRAVA_CLIENT_ID=777\nSTRAVA_CLIENT_SECRET=${secret}\n`);
});
afterEach(async () => {
  process.chdir(startDir);
  for (const name of names) {
    if (saved[name] === undefined) delete process.env[name];
    else process.env[name] = saved[name];
  }
  await rm(dir, { recursive: true, force: true });
});

/**
 * What a child started the way `open` and Electron's openExternal start xdg-open
 * (spawn, inheriting this process's environment) sees of the client secret.
 */
function secretSeenByChild(): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [
      '-e',
      'process.stdout.write(JSON.stringify(Object.values(process.env)))',
    ]);
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.on('error', reject);
    child.on('close', () =>
      resolve((JSON.parse(out) as string[]).filter((v) => v.includes(secret)).join()),
    );
  });
}

describe('the client secret from an env file stays out of every child', () => {
  it('in the app (settings.env, packaged)', async () => {
    const settings = loadMainSettings(true, dir);
    expect(settings.strava).toMatchObject({ clientId: '777', clientSecret: secret });
    expect(process.env.STRAVA_CLIENT_SECRET).toBeUndefined();
    expect(await secretSeenByChild()).toBe('');
  });

  it('in the CLI (.env in the working folder)', async () => {
    process.chdir(dir);
    const services = createCliServices({ ...process.env, MTP_STRAVA_HOME: join(dir, 'home') });
    expect(services.settings.strava).toMatchObject({ clientId: '777', clientSecret: secret });
    expect(process.env.STRAVA_CLIENT_SECRET).toBeUndefined();
    expect(await secretSeenByChild()).toBe('');
  });

  it('still lets an explicit environment variable win over the file', () => {
    process.env.STRAVA_CLIENT_ID = '888';
    expect(loadMainSettings(true, dir).strava.clientId).toBe('888');
    process.chdir(dir);
    expect(
      createCliServices({ ...process.env, MTP_STRAVA_HOME: join(dir, 'home') }).settings.strava
        .clientId,
    ).toBe('888');
  });
});
