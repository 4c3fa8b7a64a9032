import { mkdir, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extract } from 'tar';
import { afterAll, expect, it } from 'vitest';
import { removedMark } from '../../src/core/support/scrub-settings';
import { startSimulator, type Simulator } from '../../src/sim/index';
import { cliEnv, keyringReady } from '../support/cli-env';
import { runCli } from '../support/cli-runner';
import { makeSequenceFolder } from '../support/make-sequence-folder';
import { simClientId, simClientSecret } from '../support/sim-harness';
import { describeWhen, skipReasons } from '../support/skip-when';

let sim: Simulator | undefined;
let root: string | undefined;
afterAll(async () => {
  await sim?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

/** Every regular file under `dir`, with its text. */
async function filesUnder(dir: string): Promise<Array<[string, string]>> {
  const out: Array<[string, string]> = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if ((await stat(path)).isFile())
      out.push([path.slice(dir.length + 1), await readFile(path, 'latin1')]);
  }
  return out;
}

interface Report {
  app: { version: string; runtime: string };
  os: { platform: string };
  versions: { node: string; electron: string };
  settings: { strava: { clientId: string; clientSecret?: string } };
  queue: {
    total: number;
    counts: Record<string, number>;
    failed: Array<{ name: string; step: string; reason: string; status?: number }>;
  };
}

describeWhen(keyringReady, skipReasons.keyring)('mtp-strava diagnostics', () => {
  it('bundles the logs, versions, settings and queue, and no token or secret, the rotated tokens included', async () => {
    sim = await startSimulator({
      clientId: simClientId,
      clientSecret: simClientSecret,
      processingDelayMs: 100,
      autoApprove: true,
    });
    root = await mkdtemp(join(tmpdir(), 'mtp-diag-'));
    const { env, secrets: keychain } = cliEnv(sim.url, join(root, 'home'), {
      MTP_STRAVA_POLL_START_MS: '100',
      MTP_STRAVA_RETRY_BASE_MS: '10',
    });
    const secrets = new Set<string>([simClientSecret]);
    const readKeychain = async () => {
      for (const account of await keychain.accounts()) {
        const stored = JSON.parse((await keychain.get(account)) ?? '{}') as Record<string, unknown>;
        for (const v of Object.values(stored))
          if (typeof v === 'string' && v.length >= 20) secrets.add(v);
      }
    };

    const strava = runCli(['login', 'strava', '--no-open'], env, (line) => {
      const url = /https?:\/\/\S+\/oauth\/authorize\S*/.exec(line)?.[0];
      if (url)
        void fetch(url, { redirect: 'manual' }).then((r) => fetch(r.headers.get('location') ?? ''));
    });
    expect(await strava.exit).toBe(0);
    const mtpw = runCli(['login', 'mtpw', '--no-open'], env, (line, r) => {
      const url = /https?:\/\/\S+\/accounts\/authorize\/\S*/.exec(line)?.[0];
      if (url)
        void fetch(url, { redirect: 'manual' }).then((res) =>
          r.child.stdin?.end(`${res.headers.get('location') ?? ''}\n`),
        );
    });
    expect(await mtpw.exit).toBe(0);
    await readKeychain();
    const before = secrets.size;

    // Strava refuses the access token once: the CLI refreshes, and the tokens rotate.
    const sequences = join(root, 'sequences');
    const calm = await makeSequenceFolder(sequences, {
      name: 'Calm crossing',
      track: { points: 30 },
    });
    sim.faults.add('POST /api/v3/uploads', { type: 'expire-token' });
    expect(await runCli(['upload', calm, '--json'], env).exit).toBe(0);
    await readKeychain();
    expect(secrets.size).toBeGreaterThanOrEqual(before + 2);
    expect(sim.state().requests['POST /oauth/token']).toBeGreaterThanOrEqual(2);

    // Four 503s: the first try and the three automatic retries; the item stops at the upload.
    const stormy = await makeSequenceFolder(sequences, {
      name: 'Stormy crossing',
      track: { points: 30 },
    });
    sim.faults.add('POST /api/v3/uploads', { type: 'status', status: 503 }, { times: 4 });
    expect(await runCli(['upload', stormy, '--json'], env).exit).toBe(1);

    const out = join(root, 'support.tar.gz');
    const diag = runCli(['diagnostics', '--out', out], env);
    expect(await diag.exit).toBe(0);
    expect(diag.lines.join('\n')).toMatch(/Diagnostics written to/);
    // Windows has no POSIX modes (Node reports 0o666 there): its profile folder is private instead.
    if (process.platform !== 'win32') expect((await stat(out)).mode & 0o777).toBe(0o600);

    const unpacked = join(root, 'unpacked');
    await mkdir(unpacked);
    await extract({ file: out, cwd: unpacked });
    const files = await filesUnder(unpacked);
    const names = files.map(([name]) => name.replace(/^mtp-strava-diagnostics-\d{8}T\d{6}\//, ''));
    expect(names).toContain('diagnostics.json');
    expect(names).toContain('logs/mtp-strava.log');

    expect(secrets.size).toBeGreaterThanOrEqual(6); // client secret, 2 × (access + refresh), MTPW token
    const hits = files.flatMap(([name, text]) =>
      [...secrets].filter((s) => text.includes(s)).map(() => name),
    );
    expect(hits).toEqual([]);

    const text = (name: string) => files[names.indexOf(name)]![1];
    const report = JSON.parse(text('diagnostics.json')) as Report;
    expect(report.app).toMatchObject({
      version: expect.stringMatching(/^\d+\.\d+\.\d+/) as unknown,
      runtime: 'cli',
    });
    expect(report.os.platform).toBe(process.platform);
    expect(report.versions.node).toBe(process.versions.node);
    expect(report.versions.electron).toMatch(/none: .*without Electron/);
    expect(report.settings.strava).toEqual(
      expect.objectContaining({ clientId: simClientId, clientSecret: removedMark }),
    );
    expect(report.queue).toMatchObject({ total: 2, counts: { done: 1, failed: 1, queued: 0 } });
    expect(report.queue.failed).toEqual([
      expect.objectContaining({
        name: 'Stormy crossing',
        step: 'uploading',
        status: 503,
        reason: expect.stringMatching(/Strava/) as unknown,
      }),
    ]);
    // The log tells the same story, line by line.
    const log = text('logs/mtp-strava.log')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(log).toContainEqual(
      expect.objectContaining({
        message: 'item: failed',
        sequence: 'Stormy crossing',
        step: 'uploading',
        status: 503,
      }),
    );
    expect(log).toContainEqual(
      expect.objectContaining({ message: 'item: stage', sequence: 'Calm crossing', to: 'done' }),
    );
  }, 180_000);
});
