import Conf from 'conf';
import type { StateStore } from '../ports';

/**
 * A StateStore in one JSON file (the CLI's; the app uses electron-store, built on
 * the same `conf`). conf writes atomically, so a kill mid-write leaves the old file.
 */
export function createJsonFileStateStore(directory: string, name = 'state'): StateStore {
  const conf = new Conf<Record<string, unknown>>({
    projectName: 'mtp-strava-uploader',
    cwd: directory,
    configName: name,
    // Our keys contain dots ("pipeline.items"); they are names, not paths.
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: true,
  });
  return {
    get: (key) => conf.get(key),
    set: (key, value) => conf.set(key, value),
    delete: (key) => conf.delete(key),
  };
}
