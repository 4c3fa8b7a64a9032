import { mkdtemp, readFile, readdir, rm, writeFile, appendFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gpxText } from '../support/generate-gpx';
import { simClientSecret, startHarness } from '../support/sim-harness';
import { Redactor, createRedactingLogger } from '../../src/core/log/redact';
import { StravaTokenStore } from '../../src/core/strava/strava-token-store';

const dirs: string[] = [];
afterAll(async () => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));

describe('secrets never reach a log line or a file', () => {
  it('leaves no token or client secret in the log after Strava and MTPW sign-in, a refresh, an upload and sign-out', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mtp-leak-'));
    dirs.push(dir);
    const logFile = join(dir, 'app.log');
    const pending: Promise<void>[] = [];
    const logger = createRedactingLogger(
      (line) => pending.push(appendFile(logFile, `${line}\n`)),
      new Redactor(),
    );
    const h = await startHarness({ logger });
    const seen = new Set<string>([simClientSecret]);
    const remember = async () => {
      const t = await new StravaTokenStore(h.secrets).load();
      if (t) [t.accessToken, t.refreshToken].forEach((v) => seen.add(v));
      const m = await h.mtpwTokens.load();
      if (m) seen.add(m.accessToken);
    };
    try {
      await h.signInStrava();
      await h.signInMtpw();
      await remember();
      h.sim.clock.advance(6 * 3600_000);
      h.sim.faults.add('GET /api/v3/athlete', { type: 'expire-token' });
      await h.strava.api.getAthlete();
      await remember();
      const file = join(dir, 'track.gpx');
      await writeFile(file, gpxText({ points: 10 }));
      await h.strava.api.upload({ filePath: file, dataType: 'gpx' });
      h.sim.faults.add('POST /oauth/revoke', { type: 'drop' });
      await h.strava.session.signOut();
    } finally {
      await h.close();
    }
    await Promise.all(pending);
    const files = await readdir(dir);
    const written = (await Promise.all(files.map((f) => readFile(join(dir, f), 'utf8')))).join(
      '\n',
    );
    expect(written).toContain('strava: signed in');
    expect(written).toContain('strava: tokens refreshed');
    expect(seen.size).toBeGreaterThanOrEqual(5);
    for (const secret of seen) expect(written).not.toContain(secret);
  });
});
