import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { describeWhen, skipReasons } from '../support/skip-when';
import { makeSequenceFolder } from '../support/make-sequence-folder';
import { simClientId, simClientSecret } from '../support/sim-harness';
import type { MtpApi } from '../../src/shared/ipc-contract';

/**
 * The one test that needs Electron itself. Its binary cannot be downloaded on the
 * build machines, and `require('electron')` would try to, so look for it on disk.
 */
const pathFile = join('node_modules', 'electron', 'path.txt');
const binary = existsSync(pathFile)
  ? join('node_modules', 'electron', 'dist', readFileSync(pathFile, 'utf8'))
  : undefined;
const runnable = binary !== undefined && existsSync(binary);
// CI on real operating systems (.github/workflows/ci.yml) must run it: no quiet skip there.
if (process.env.MTP_REQUIRE_ELECTRON === '1' && !runnable)
  throw new Error(`MTP_REQUIRE_ELECTRON=1 but Electron's binary is missing (${pathFile})`);

/** The app the binary starts is the built one (out/): build it when it is not there yet. */
function ensureBuilt(): void {
  if (!existsSync(join('out', 'main', 'main.js')))
    execFileSync(
      process.execPath,
      [join('node_modules', 'electron-vite', 'bin', 'electron-vite.js'), 'build'],
      {
        stdio: 'inherit',
      },
    );
}

describeWhen(runnable, skipReasons.electronBinary)('the Electron app against the simulator', () => {
  beforeAll(ensureBuilt, 180_000);

  it('connects Strava, takes a dropped folder and shows it done', async () => {
    const { _electron } = await import('playwright');
    const { startSimulator } = await import('../../src/sim/index');
    const sim = await startSimulator({
      clientId: simClientId,
      clientSecret: simClientSecret,
      autoApprove: true,
      processingDelayMs: 200,
    });
    const dir = await mkdtemp(join(tmpdir(), 'mtp-electron-'));
    try {
      const folder = await makeSequenceFolder(dir, {
        name: 'Electron walk',
        transportType: 'Earth',
        transportMethod: 'Walk',
        track: { points: 30 },
      });
      const app = await _electron.launch({
        args: ['.'],
        executablePath: binary,
        env: {
          ...process.env,
          STRAVA_BASE_URL: sim.url,
          MTPW_BASE_URL: sim.url,
          STRAVA_CLIENT_ID: simClientId,
          STRAVA_CLIENT_SECRET: simClientSecret,
        },
      });
      const page = await app.firstWindow();
      await page
        .getByRole('button', { name: /^Connect/ })
        .first()
        .click();
      await page.getByText(/Sam Simulator/).waitFor();
      // A drop cannot be synthesised with a real path from outside, and main takes only
      // paths the user granted: the folder dialog answers with the folder, as the user would.
      await app.evaluate(({ dialog }, path) => {
        dialog.showOpenDialog = () => Promise.resolve({ canceled: false, filePaths: [path] });
      }, folder);
      await page.evaluate(async (path) => {
        const mtp = (globalThis as unknown as { mtp: MtpApi }).mtp;
        await mtp['folders:choose']({});
        await mtp['queue:add']({ paths: [path], createMtpw: false });
      }, folder);
      await page.getByText('Done').first().waitFor({ timeout: 30_000 });
      expect(sim.state().activities).toHaveLength(1);
      await app.close();
    } finally {
      await sim.close();
      await rm(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
