import type { Logger } from '../core/ports';
import type { Updater } from './update-service';

/**
 * electron-updater's autoUpdater, loaded only when the packaged app asks for it:
 * the module reaches for Electron's app as it loads, which development and the
 * tests' fake Electron do not need. Null, with a log line, when it cannot load.
 */
export async function loadAutoUpdater(logger: Logger): Promise<Updater | null> {
  try {
    const electronUpdater = (await import('electron-updater')).default;
    return electronUpdater.autoUpdater;
  } catch (error) {
    logger.warn('The updater could not be loaded.', {
      why: error instanceof Error ? error.message : String(error),
    });
    return null;
  }
}
