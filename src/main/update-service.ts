/** The slice of electron-updater's autoUpdater the update service uses, so tests can pass a fake. */
export interface Updater {
  checkForUpdates(): Promise<unknown>;
  downloadUpdate(): Promise<unknown>;
  quitAndInstall(): void;
  on(event: 'update-available' | 'update-downloaded', listener: () => void): unknown;
}

/** What the update service needs from the rest of main. */
export interface UpdateServicePort {
  updater: Updater;
  isPackaged: boolean;
  env: Record<string, string | undefined>;
  /** Tells the renderer an update is downloaded (the `update:ready` event). */
  sendReady(): void;
  warn(message: string, fields: Record<string, unknown>): void;
}

/** Restarts into a downloaded update; false (and nothing done) when there is none. */
export interface UpdateService {
  restart(): boolean;
}

/** Whether this run looks for updates at all: only a packaged app, never in tests or with MTP_NO_UPDATES=1. */
export function updatesWanted(run: Pick<UpdateServicePort, 'isPackaged' | 'env'>): boolean {
  return run.isPackaged && run.env.MTP_NO_UPDATES !== '1' && !run.env.VITEST;
}

/** Checks for and downloads an update in the background; null when updatesWanted is false. */
export function startUpdateService(port: UpdateServicePort): UpdateService | null {
  if (!updatesWanted(port)) return null;
  let ready = false;
  const fail = (error: unknown) =>
    port.warn('Could not check for an update.', {
      why: error instanceof Error ? error.message : String(error),
    });
  port.updater.on('update-available', () => {
    port.updater.downloadUpdate().catch(fail);
  });
  port.updater.on('update-downloaded', () => {
    ready = true;
    port.sendReady();
  });
  port.updater.checkForUpdates().catch(fail);
  return {
    restart: () => {
      if (!ready) return false;
      port.updater.quitAndInstall();
      return true;
    },
  };
}
