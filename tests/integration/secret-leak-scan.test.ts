import { mkdtemp, readFile, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { describeWhen, skipReasons } from '../support/skip-when';
import { cliEnv, keyringReady } from '../support/cli-env';
import { runCli, type CliRun } from '../support/cli-runner';
import { makeSequenceFolder } from '../support/make-sequence-folder';
import { simClientId, simClientSecret } from '../support/sim-harness';
import { startSimulator, type Simulator } from '../../src/sim/index';

let sim: Simulator | undefined;
let root: string | undefined;
afterAll(async () => {
  await sim?.close();
  if (root) await rm(root, { recursive: true, force: true });
});

/** Every file under `dir`, as text. */
async function everything(dir: string): Promise<Array<[string, string]>> {
  const out: Array<[string, string]> = [];
  for (const entry of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const path = join(entry.parentPath, entry.name);
    if ((await stat(path)).isFile()) out.push([path, await readFile(path, 'latin1')]);
  }
  return out;
}

describeWhen(keyringReady, skipReasons.keyring)(
  'secret-leak scan after login → upload → logout with the CLI',
  () => {
    it('finds no token or client secret in anything the project wrote, and an empty keychain after logout', async () => {
      sim = await startSimulator({
        clientId: simClientId,
        clientSecret: simClientSecret,
        processingDelayMs: 200,
        autoApprove: true,
      });
      root = await mkdtemp(join(tmpdir(), 'mtp-leak-'));
      const { env, secrets: keychain } = cliEnv(sim.url, join(root, 'home'), {
        MTP_STRAVA_POLL_START_MS: '100',
        MTP_STRAVA_DEBUG: '1',
      });
      const runs: CliRun[] = [];
      const run = async (args: string[], onLine?: Parameters<typeof runCli>[2]) => {
        const r = runCli(args, env, onLine);
        runs.push(r);
        return { code: await r.exit, run: r };
      };
      const secrets = new Set<string>([simClientSecret]);
      const remember = async () => {
        for (const account of await keychain.accounts()) {
          const value = (await keychain.get(account)) ?? '';
          for (const v of Object.values(JSON.parse(value) as Record<string, unknown>))
            if (typeof v === 'string' && v.length >= 20) secrets.add(v);
        }
      };

      expect(
        (
          await run(['login', 'strava', '--no-open'], (line) => {
            const url = /https?:\/\/\S+\/oauth\/authorize\S*/.exec(line)?.[0];
            if (url)
              void fetch(url, { redirect: 'manual' }).then((r) =>
                fetch(r.headers.get('location') ?? ''),
              );
          })
        ).code,
      ).toBe(0);
      const mtpw = await run(['login', 'mtpw', '--no-open'], (line, r) => {
        const url = /https?:\/\/\S+\/accounts\/authorize\/\S*/.exec(line)?.[0];
        if (url)
          void fetch(url, { redirect: 'manual' }).then((res) =>
            r.child.stdin?.end(`${res.headers.get('location') ?? ''}\n`),
          );
      });
      expect(mtpw.code).toBe(0);
      await remember();
      // A refresh mid-run adds a rotated refresh token and a new access token to look for.
      sim.clock.advance(6 * 3600_000 + 60_000); // the simulator now refuses the access token: the CLI must refresh

      const sequences = join(root, 'sequences');
      for (let i = 0; i < 3; i++)
        await makeSequenceFolder(sequences, {
          name: `Leak ${i}`,
          ...(i === 0 ? { mtpwId: sim.seedMtpwSequence() } : {}),
          track: { points: 40, start: Date.UTC(2023, 0, i + 1) },
        });
      sim.faults.add('POST /api/v3/uploads', { type: 'status', status: 503 });
      expect((await run(['upload', sequences, '--json', '--create-mtpw'])).code).toBe(0);
      await remember();
      expect((await run(['status'])).code).toBe(0);
      expect((await run(['logout'])).code).toBe(0);

      expect(await keychain.accounts()).toEqual([]);
      expect(secrets.size).toBeGreaterThanOrEqual(5); // client secret, access + refresh (twice), MTPW token
      const written = [
        ...(await everything(root)),
        ...runs.map((r, i): [string, string] => [
          `run ${i} output`,
          [...r.lines, ...r.stderr].join('\n'),
        ]),
      ];
      expect(written.length).toBeGreaterThan(10);
      const hits = written.flatMap(([path, text]) =>
        [...secrets].filter((s) => text.includes(s)).map(() => path),
      );
      expect(hits).toEqual([]);
    }, 120_000);
  },
);
