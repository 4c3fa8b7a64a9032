import ElectronStore from 'electron-store';
import type { StateStore } from '../core/ports';

/** The app's StateStore (settings; the journal before it had its own file): electron-store, in the user-data folder, written atomically. */
export function createElectronStateStore(): StateStore {
  const store = new ElectronStore<Record<string, unknown>>({
    name: 'state',
    // Our keys contain dots ("pipeline.items"); they are names, not paths.
    accessPropertiesByDotNotation: false,
    clearInvalidConfig: true,
  });
  return {
    get: (key) => store.get(key),
    set: (key, value) => store.set(key, value),
    delete: (key) => store.delete(key),
  };
}
