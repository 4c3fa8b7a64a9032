import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright';
import AxeBuilder from '@axe-core/playwright';
import { haversineMeters } from '../../src/core/sequence/gpx/gpx-distance';
import { startSimulator, type SimOptions, type Simulator } from '../../src/sim/index';
import { startHarness, type HarnessOptions } from '../../scripts/web-harness/harness-server';
import { writeSampleFolders } from '../../scripts/web-harness/sample-folders';
import { buildRenderer } from '../../scripts/web-harness/build-renderer';
import type { IpcEvent } from '../../src/shared/ipc-contract';
import { simClientId, simClientSecret } from '../support/sim-harness';

// Debian's Chromium; CI on macOS and Windows points this at Playwright's (ci.yml).
export const chromiumPath = process.env.MTP_CHROMIUM_PATH ?? '/usr/bin/chromium';

/** The simulator, sample folders, the browser harness on the real renderer build, and Chromium. */
export interface E2eWorld {
  sim: Simulator;
  folders: string;
  url: string;
  browser: Browser;
  page: Page;
  /** Pushes an event to the page as main would (an update ready, a screen to open). */
  announce(event: IpcEvent): void;
  close(): Promise<void>;
}

/** What a test file may change in its world: settings, and harness options made in its work folder. */
export interface WorldOptions {
  env?: Record<string, string | undefined>;
  harness?: (work: string) => Promise<Partial<HarnessOptions>>;
  /** Simulator options, such as tighter rate limits. */
  sim?: Partial<SimOptions>;
}

/** Starts everything; the page opens on the app. */
export async function startWorld(options: WorldOptions = {}): Promise<E2eWorld> {
  // Whatever started is stopped again if a later step fails (a page that never renders
  // on a loaded machine), so a failed start leaves no server running and no folder behind.
  const undo: (() => Promise<void>)[] = [];
  const stopAll = async () => {
    for (const step of undo.splice(0).reverse()) await step().catch(() => undefined);
  };
  try {
    const sim = await startSimulator({
      clientId: simClientId,
      clientSecret: simClientSecret,
      processingDelayMs: 300,
      ...options.sim,
    });
    undo.push(() => sim.close());
    const work = await mkdtemp(join(tmpdir(), 'mtp-e2e-'));
    undo.push(() => rm(work, { recursive: true, force: true }));
    const folders = join(work, 'sequences');
    await writeSampleFolders(folders, sim);
    const harness = await startHarness({
      rendererDir: buildRenderer(join(work, 'web')),
      foldersDir: folders,
      env: {
        STRAVA_BASE_URL: sim.url,
        MTPW_BASE_URL: sim.url,
        STRAVA_CLIENT_ID: simClientId,
        STRAVA_CLIENT_SECRET: simClientSecret,
        MTPW_CLIENT_ID: 'mtp-desktop-e2e',
        ...options.env,
      },
      stateDir: join(work, 'state'),
      ...(await options.harness?.(work)),
      pipelineOptions: {
        pollStartMs: 200,
        listGraceMs: 800,
        retry: { maxAutoRetries: 3, baseDelayMs: 50, jitter: 0 },
      },
    });
    undo.push(() => harness.close());
    const browser = await chromium.launch({ executablePath: chromiumPath });
    undo.push(() => browser.close());
    // axe-core needs a page of an explicit context.
    const context = await browser.newContext({ viewport: { width: 1100, height: 760 } });
    const page = await context.newPage();
    await page.goto(harness.url);
    // The first render waits for the bundle and the first IPC answers: slow on a loaded
    // machine. Tests then act with short timeouts on a page known to be there.
    await page.getByRole('navigation').waitFor({ timeout: 60_000 });
    return {
      sim,
      folders,
      url: harness.url,
      browser,
      page,
      announce: (event) => harness.announce(event),
      close: stopAll,
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}

/** Serious or critical accessibility violations on the page as it is now. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help}`);
}

/**
 * Saves a screenshot under .tmp/screenshots (ignored by git), or refreshes the
 * README's copy in docs/screenshots when asked with UPDATE_SCREENSHOTS=1, so a
 * test run never changes a tracked file by itself.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  const folder =
    process.env.UPDATE_SCREENSHOTS === '1'
      ? join('docs', 'screenshots')
      : join('.tmp', 'screenshots');
  await page.screenshot({ path: join(folder, `${name}.png`) });
}

/** Drops folders onto the drop zone by name, as a browser reports a drop (no paths). */
export async function dropFolders(page: Page, names: string[]): Promise<void> {
  // Runs in the page (DOM types are not part of the Node test build, so it is written as text).
  await page.evaluate(`(() => {
    const data = new DataTransfer();
    for (const name of ${JSON.stringify(names)}) data.items.add(new File([], name));
    const zone = document.querySelector('.dropzone');
    if (!zone) throw new Error('no drop zone');
    zone.dispatchEvent(new DragEvent('dragenter', { dataTransfer: data, bubbles: true }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  })()`);
}

export const chromiumPresent = existsSync(chromiumPath);

/** Clicks `button`, which opens a sign-in popup, and returns the popup once it has loaded. */
export async function popupFrom(page: Page, button: Locator): Promise<Page> {
  const popup = page.waitForEvent('popup');
  await button.click();
  const opened = await popup;
  await opened.waitForLoadState();
  return opened;
}

/** Clicks a button that opens a sign-in popup, then authorizes in the popup. */
export async function authorizeIn(page: Page, button: Locator): Promise<void> {
  await (await popupFrom(page, button)).getByRole('button', { name: 'Authorize' }).click();
}

/** Great-circle metres between two [lat, lon] points, as the simulator measures too. */
export const metresBetween = (a: readonly [number, number], b: readonly [number, number]): number =>
  haversineMeters(a[0], a[1], b[0], b[1]);
