import { vi } from 'vitest';
import type { AppDeps } from '../../../src/core/app/create-app';
import type { SecretStore } from '../../../src/core/ports';
import { createMemorySecretStore } from '../../../src/core/secrets/memory-secret-store';

/**
 * What the main.ts boot tests swap in for the parts that need a real machine: the
 * keychain, electron-store and the core app (whose own tests are elsewhere). The
 * test reads what main.ts handed to createApp from here.
 */
export const mainRig = {
  deps: undefined as AppDeps | undefined,
  keychain: vi.fn((): SecretStore => createMemorySecretStore()),
  resume: vi.fn(() => Promise.resolve()),
  wake: vi.fn(),
  announce: vi.fn(),
  /** The Settings switch for batch notifications. */
  batchNotifications: true,
};

/** What `vi.mock('../../src/core/app/create-app')` returns. */
export const fakeCreateApp = {
  createApp: (deps: AppDeps) => {
    mainRig.deps = deps;
    return {
      controller: {
        handle: () => Promise.resolve({ ok: true, value: null }),
        onQueueChanged: () => () => undefined,
        onEvent: () => () => undefined,
        announce: mainRig.announce,
      },
      queue: { resume: mainRig.resume, wake: mainRig.wake },
      settings: { user: () => ({ batchNotifications: mainRig.batchNotifications }) },
    };
  },
};
