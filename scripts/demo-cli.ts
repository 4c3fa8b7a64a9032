/**
 * `npm run demo`: the whole job against the built-in simulator, no account needed.
 * Starts the simulator, connects Strava and MTPW through their authorize pages,
 * uploads sample tracks (gzipped, with the MTPW id as external_id), waits for
 * Strava's processing result and marks each sequence on MTPW.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { createReadStream, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { startHarness } from '../tests/support/sim-harness';
import { writeGpxFile } from '../tests/support/generate-gpx';
import { uploadOutcome, type UploadOutcome } from '../src/core/strava/upload-status';

const samples = [
  { name: 'Harbour walk', transport: 'Walk', sport: 'Walk', points: 900 },
  { name: 'Coast ride', transport: 'Bicycle', sport: 'Ride', points: 2400 },
  { name: 'Bay paddle', transport: 'Paddleboard', sport: 'StandUpPaddling', points: 1500 },
];

const dir = await mkdtemp(join(tmpdir(), 'mtp-demo-'));
const h = await startHarness({ processingDelayMs: 1500 });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
try {
  console.log(`Simulator (Strava + MTPW) at ${h.sim.url}`);
  const account = await h.signInStrava();
  console.log(`Strava connected as ${account.name} (scopes: ${account.scopes.join(', ')})`);
  await h.signInMtpw();
  console.log('Map the Paths connected');

  for (const [i, sample] of samples.entries()) {
    const gpx = join(dir, `${sample.name}.gpx`);
    await writeGpxFile(gpx, {
      points: sample.points,
      start: Date.UTC(2021, 5, i + 1, 9),
      name: sample.name,
    });
    await pipeline(createReadStream(gpx), createGzip(), createWriteStream(`${gpx}.gz`));
    const sequenceId = await h.mtpw.createSequence({
      name: sample.name,
      transportType: sample.transport,
    });
    const upload = await h.strava.api.upload({
      filePath: `${gpx}.gz`,
      dataType: 'gpx.gz',
      name: sample.name,
      externalId: sequenceId,
      sportType: sample.sport,
    });
    process.stdout.write(`${sample.name}: uploaded (upload ${upload.id_str}), processing`);
    let outcome: UploadOutcome = uploadOutcome(upload);
    for (let delay = 1000; outcome.state === 'processing'; delay = Math.min(delay * 2, 8000)) {
      await sleep(delay);
      process.stdout.write('.');
      outcome = uploadOutcome(await h.strava.api.getUpload(upload.id_str));
    }
    if (outcome.state !== 'ready' && outcome.state !== 'duplicate') {
      console.log(` failed: ${outcome.state}`);
      continue;
    }
    await h.mtpw.markOnStrava(sequenceId, outcome.activityId);
    console.log(
      ` done: ${h.sim.url}/activities/${outcome.activityId}, MTPW sequence ${sequenceId} linked`,
    );
  }
  const state = h.sim.state();
  console.log(
    `\nSimulated Strava holds ${state.activities.length} activities; MTPW marked ${state.mtpw.sequences.filter((s) => s.strava).length} of ${state.mtpw.sequences.length} sequences.`,
  );
} finally {
  await h.close();
  await rm(dir, { recursive: true, force: true });
}
