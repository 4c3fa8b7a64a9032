/**
 * `npm run dev:web -- --folders <dir>`: the real renderer in your browser, with
 * window.mtp served by the loopback bridge from the real core, pointed at the
 * Strava/MTPW of your .env (normally `npm run sim`).
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { config as loadDotenv } from 'dotenv';
import { startHarness } from './harness-server';

const { values } = parseArgs({
  options: { folders: { type: 'string' }, port: { type: 'string', default: '5280' } },
});
if (!values.folders) {
  console.error('Usage: npm run dev:web -- --folders <folder holding sequence folders>');
  process.exit(2);
}
loadDotenv({ quiet: true });
const harness = await startHarness({
  rendererDir: resolve('out/web'),
  foldersDir: resolve(values.folders),
  env: process.env,
  stateDir: await mkdtemp(join(tmpdir(), 'mtp-web-')),
  port: Number(values.port),
});
console.log(`MTP Strava Uploader (browser harness) at ${harness.url}`);
const stop = () => void harness.close().then(() => process.exit(0));
process.once('SIGINT', stop);
process.once('SIGTERM', stop);
