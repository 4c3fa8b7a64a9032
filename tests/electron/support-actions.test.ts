import { mkdir, mkdtemp, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserWindow, SaveDialogOptions } from 'electron';
import { list } from 'tar';
import { afterEach, describe, expect, it } from 'vitest';
import { Redactor } from '../../src/core/log/redact';
import { createSupportActions, type SupportActionDeps } from '../../src/main/support-actions';
import { startAppHarness, type AppHarness } from '../support/app-harness';

/** Every folder a test made: one test sets up twice, and both must go. */
const dirs: string[] = [];
let harness: AppHarness | undefined;
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
  await harness?.close();
  harness = undefined;
});

async function setup(answer: { canceled: boolean; filePath?: string }, openPathAnswer = '') {
  const dir = await mkdtemp(join(tmpdir(), 'mtp-support-'));
  dirs.push(dir);
  const logDir = join(dir, 'logs');
  await mkdir(logDir);
  await writeFile(join(logDir, 'app.log'), '{"message":"hello","token":"tok-secret-123456"}\n');
  const asked: SaveDialogOptions[] = [];
  const opened: string[] = [];
  const redactor = new Redactor();
  redactor.remember('tok-secret-123456');
  const deps: SupportActionDeps = {
    dialog: {
      showSaveDialog: (...args: unknown[]) => {
        asked.push(args.at(-1) as SaveDialogOptions);
        return Promise.resolve({ canceled: answer.canceled, filePath: answer.filePath ?? '' });
      },
    },
    shell: {
      openPath: (path: string) => {
        opened.push(path);
        return Promise.resolve(openPathAnswer);
      },
    },
    parent: () => ({ id: 1 }) as unknown as BrowserWindow,
    logDir,
    startDir: () => join(dir, 'Documents'),
    appVersion: () => '1.2.3',
    redactor,
    settings: () => Promise.resolve({ strava: { clientId: '1', clientSecret: 'sekrit' } }),
    queue: () => Promise.resolve([{ id: 'a', name: 'One', stage: 'done' as const }]),
    now: () => Date.UTC(2026, 2, 4),
  };
  return { actions: createSupportActions(deps), asked, opened, logDir, dir };
}

describe('the support actions of the app', () => {
  it('asks where to save, then writes the diagnostics bundle there', async () => {
    const target = join(await mkdtemp(join(tmpdir(), 'mtp-support-out-')), 'bundle');
    const { actions, asked } = await setup({ canceled: false, filePath: target });
    const written = await actions.exportDiagnostics();
    expect(written).toBe(`${target}.tar.gz`);
    expect(asked[0]?.defaultPath).toMatch(
      /Documents[/\\]mtp-strava-diagnostics-2026-03-04\.tar\.gz$/,
    );
    const entries: string[] = [];
    await list({ file: written!, onReadEntry: (e) => void entries.push(e.path) });
    expect(entries.map((e) => e.replace(/^[^/]+\//, '')).sort()).toEqual(
      expect.arrayContaining(['diagnostics.json', 'logs/app.log']),
    );
    await rm(join(target, '..'), { recursive: true, force: true });
  });

  it('writes nothing when the dialog is cancelled', async () => {
    const { actions, dir } = await setup({ canceled: true });
    expect(await actions.exportDiagnostics()).toBeUndefined();
    expect((await readdir(dir)).filter((f) => f.endsWith('.tar.gz'))).toEqual([]);
  });

  it('opens the log folder, and says where it is when the OS cannot', async () => {
    const ok = await setup({ canceled: true });
    await ok.actions.openLogFolder();
    expect(ok.opened).toEqual([ok.logDir]);
    const failing = await setup({ canceled: true }, 'no file manager');
    await expect(failing.actions.openLogFolder()).rejects.toThrow(/could not be opened\. It is /);
  });

  it('answers in words where there is no desktop (the browser harness)', async () => {
    harness = await startAppHarness();
    for (const channel of ['support:exportDiagnostics', 'support:openLogFolder'])
      expect(await harness.app.handle(channel, {})).toMatchObject({
        ok: false,
        error: { message: 'Only the desktop app can do this.' },
      });
  });
});
