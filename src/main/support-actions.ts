import { join } from 'node:path';
import type { BrowserWindow, Dialog, SaveDialogOptions, Shell } from 'electron';
import { UploadError } from '../core/errors/upload-error';
import type { Redactor } from '../core/log/redact';
import { writeDiagnosticsBundle } from '../core/support/diagnostics-bundle';
import type { SummarisedItem } from '../core/support/queue-summary';

/** What the Settings screen's "Open log folder" and "Export diagnostics…" need from main. */
export interface SupportActionDeps {
  dialog: Pick<Dialog, 'showSaveDialog'>;
  shell: Pick<Shell, 'openPath'>;
  parent: () => BrowserWindow | undefined;
  logDir: string;
  /** Where the save dialog starts (the user's Documents folder); asked only when needed. */
  startDir: () => string;
  appVersion: () => string;
  redactor: Redactor;
  settings: () => Promise<unknown>;
  queue: () => Promise<readonly SummarisedItem[]>;
  now?: () => number;
}

/**
 * The two support actions of the app: a save dialog, then the same diagnostics
 * bundle the CLI writes; and the log folder opened in the OS file manager.
 */
export function createSupportActions(deps: SupportActionDeps): {
  exportDiagnostics(): Promise<string | undefined>;
  openLogFolder(): Promise<void>;
} {
  const now = deps.now ?? Date.now;
  return {
    async exportDiagnostics() {
      const day = new Date(now()).toISOString().slice(0, 10);
      const options: SaveDialogOptions = {
        title: 'Export diagnostics',
        defaultPath: join(deps.startDir(), `mtp-strava-diagnostics-${day}.tar.gz`),
        filters: [{ name: 'Diagnostics bundle', extensions: ['tar.gz', 'tgz'] }],
      };
      const parent = deps.parent();
      const choice = parent
        ? await deps.dialog.showSaveDialog(parent, options)
        : await deps.dialog.showSaveDialog(options);
      if (choice.canceled || !choice.filePath) return undefined;
      const out = /\.(tar\.gz|tgz)$/i.test(choice.filePath)
        ? choice.filePath
        : `${choice.filePath}.tar.gz`;
      await writeDiagnosticsBundle({
        out,
        logDir: deps.logDir,
        app: { name: 'MTP Strava Uploader', version: deps.appVersion(), runtime: 'app' },
        settings: await deps.settings(),
        queue: await deps.queue(),
        redactor: deps.redactor,
        now,
      });
      return out;
    },
    async openLogFolder() {
      // openPath resolves with an error message, or '' when the folder opened.
      const problem = await deps.shell.openPath(deps.logDir);
      if (problem) {
        throw new UploadError({
          kind: 'invalid-input',
          message: `The log folder could not be opened. It is ${deps.logDir}`,
          retryable: false,
          detail: problem.slice(0, 200),
        });
      }
    },
  };
}
