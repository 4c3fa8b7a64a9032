/**
 * `npm run demo`: the whole job with no account. Starts the built-in Strava + MTPW
 * simulator, writes sample sequence folders, and starts the app on them: Electron
 * where its binary exists, else the same UI in your browser (the harness).
 * `--no-open` only prints the address.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import open from 'open';
import { startSimulator } from '../src/sim/index';
import { buildRenderer } from './web-harness/build-renderer';
import { startHarness } from './web-harness/harness-server';
import { writeSampleFolders } from './web-harness/sample-folders';

const { values } = parseArgs({
  options: {
    'no-open': { type: 'boolean', default: false },
    port: { type: 'string', default: '5280' },
  },
});
const clientId = '54321';
const clientSecret = 'sim-client-secret';

const sim = await startSimulator({ clientId, clientSecret, processingDelayMs: 1500 });
const work = await mkdtemp(join(tmpdir(), 'mtp-demo-'));
const folders = join(work, 'sequences');
const names = await writeSampleFolders(folders, sim);
const env = {
  ...process.env,
  STRAVA_BASE_URL: sim.url,
  MTPW_BASE_URL: sim.url,
  STRAVA_CLIENT_ID: clientId,
  STRAVA_CLIENT_SECRET: clientSecret,
  MTPW_CLIENT_ID: 'mtp-desktop-demo',
};
console.log(`Simulated Strava and Map the Paths at ${sim.url} (state: ${sim.url}/__sim/state)`);
console.log(`Sample sequence folders in ${folders}: ${names.join(', ')}`);

/** Electron's binary is there only where it could be downloaded; requiring it here would try to. */
const electronPath = join(
  'node_modules',
  'electron',
  'dist',
  existsSync('node_modules/electron/path.txt')
    ? readFileSync('node_modules/electron/path.txt', 'utf8')
    : 'electron',
);
const stop = async () => {
  await sim.close();
  await rm(work, { recursive: true, force: true });
  process.exit(0);
};
process.once('SIGINT', () => void stop());
process.once('SIGTERM', () => void stop());

if (existsSync(electronPath) && existsSync('out/main')) {
  console.log('Starting the app (Electron)…');
  const child = spawn(electronPath, ['.'], {
    env: { ...env, MTP_DEMO_FOLDERS: folders },
    stdio: 'inherit',
  });
  child.once('exit', () => void stop());
} else {
  console.log("Electron's binary is not installed here: the same UI runs in your browser.");
  buildRenderer();
  const harness = await startHarness({
    rendererDir: resolve('out/web'),
    foldersDir: folders,
    env,
    stateDir: join(work, 'state'),
    port: Number(values.port),
  });
  console.log(
    `\nOpen ${harness.url} — connect Strava (click Authorize on the simulated page), drop or choose the sample folders, and watch them upload. Ctrl-C stops.`,
  );
  if (!values['no-open'] && !process.env.CI) await open(harness.url).catch(() => undefined);
}
